-- MedAssist schema, version 6: a clinic admin edits their own clinic's public settings (name, emergency number).
-- The application role still has no UPDATE on clinic (the table has no clinic_id to police by row-level
-- security); this function, running as the schema owner, changes only the row of the current tenant.
CREATE FUNCTION update_current_clinic(new_name text, new_emergency_number text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ UPDATE public.clinic SET name = new_name, emergency_number = new_emergency_number
          WHERE id = current_clinic() $$;
REVOKE ALL ON FUNCTION update_current_clinic(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION update_current_clinic(text, text) TO ${app_role};
