-- MedAssist schema, version 10: the audit trail (docs/adr/0005-audit-hash-chain.md).
--
-- One append-only table holding one hash chain per clinic (clinic_id = the clinic) and one deployment-level
-- chain (clinic_id IS NULL) for what happens before a clinic is known (a login to an unknown clinic, a request
-- without credentials). Each record's hash is SHA-256 over its canonical form and the previous record's hash,
-- computed by the application (AuditRecord.canonical). Appends to a chain are serialised with
-- pg_advisory_xact_lock, so seq has no gaps and the chain never forks, whatever the number of instances.
-- Records hold no PHI values: ids, roles, fixed codes.

CREATE TABLE audit_event (
    id              uuid PRIMARY KEY,
    clinic_id       uuid REFERENCES clinic (id),
    seq             bigint NOT NULL CHECK (seq >= 1),
    occurred_at     timestamptz NOT NULL,
    user_id         uuid,
    role            text,
    action          text NOT NULL,
    object_type     text,
    object_id       text,
    outcome         text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    purpose         text,
    detail          text,
    remote_address  text,
    user_agent      text,
    correlation_id  text,
    prev_hash       bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash            bytea NOT NULL CHECK (length(hash) = 32),
    UNIQUE NULLS NOT DISTINCT (clinic_id, seq)
);
CREATE INDEX audit_event_time_idx ON audit_event (clinic_id, occurred_at);
CREATE INDEX audit_event_user_idx ON audit_event (clinic_id, user_id);
CREATE INDEX audit_event_object_idx ON audit_event (clinic_id, object_type, object_id);

-- Append-only: the application role gets no UPDATE or DELETE privilege, and this trigger refuses both to anyone
-- (the owner included) unless audit_purge() below is deleting records past retention. A DBA can still disable
-- the trigger; the hash chain and the checkpoints outside the database are what detect that.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('medassist.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Row-level security as on every tenant table (same policies as V3)...
DO $$
BEGIN
  EXECUTE 'ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE audit_event FORCE ROW LEVEL SECURITY';
  EXECUTE 'CREATE POLICY tenant_isolation ON audit_event USING (clinic_id = current_clinic())'
          ' WITH CHECK (clinic_id = current_clinic())';
  EXECUTE 'CREATE POLICY owner_all ON audit_event TO CURRENT_USER USING (true) WITH CHECK (true)';
END $$;
-- ...plus the deployment chain: visible and writable only by a transaction that works for no clinic. A clinic
-- (its auditor) never sees it; a transaction without a clinic sees nothing else.
CREATE POLICY deployment_chain ON audit_event USING (clinic_id IS NULL AND current_clinic() IS NULL)
    WITH CHECK (clinic_id IS NULL AND current_clinic() IS NULL);

GRANT SELECT, INSERT ON audit_event TO ${app_role};

-- Purge past retention, the only way an audit record is ever deleted. Runs as the schema owner for the caller's
-- chain (the clinic of the transaction, or the deployment chain), deletes only a prefix of the chain, and never
-- anything younger than six years whatever it is asked: the legal floor is enforced here, not only in the
-- application. Returns the last seq and hash deleted, which the caller records in the chain itself (an
-- AUDIT_PURGED record) so that the verifier can start from there.
CREATE FUNCTION audit_purge(older_than timestamptz)
    RETURNS TABLE (purged bigint, through_seq bigint, through_hash bytea)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
DECLARE
  chain uuid := current_clinic();
  cutoff timestamptz := least(older_than, now() - interval '6 years');
  last_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(7, hashtext(coalesce(chain::text, 'deployment')));
  -- The prefix: every record up to (not including) the first one inside retention.
  SELECT coalesce(min(e.seq), (SELECT max(x.seq) + 1 FROM public.audit_event x
                                WHERE x.clinic_id IS NOT DISTINCT FROM chain)) - 1
    INTO last_seq
    FROM public.audit_event e
   WHERE e.clinic_id IS NOT DISTINCT FROM chain AND e.occurred_at >= cutoff;
  -- Keep the head: a chain is never emptied (the next append links to it).
  last_seq := least(coalesce(last_seq, 0),
                    coalesce((SELECT max(x.seq) - 1 FROM public.audit_event x
                              WHERE x.clinic_id IS NOT DISTINCT FROM chain), 0));
  IF last_seq < 1 THEN
    RETURN QUERY SELECT 0::bigint, 0::bigint, NULL::bytea;
    RETURN;
  END IF;
  RETURN QUERY SELECT count(*), last_seq,
         (SELECT e.hash FROM public.audit_event e WHERE e.clinic_id IS NOT DISTINCT FROM chain AND e.seq = last_seq)
    FROM public.audit_event e WHERE e.clinic_id IS NOT DISTINCT FROM chain AND e.seq <= last_seq;
  PERFORM set_config('medassist.audit_purge', 'on', true);
  DELETE FROM public.audit_event e WHERE e.clinic_id IS NOT DISTINCT FROM chain AND e.seq <= last_seq;
  PERFORM set_config('medassist.audit_purge', 'off', true);
END $$;
REVOKE ALL ON FUNCTION audit_purge(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_purge(timestamptz) TO ${app_role};
