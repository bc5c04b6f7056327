-- MedAssist schema, version 14: changing the master key (docs/adr/0008-phi-keys-and-reencryption.md, addendum).
--
-- `keys rewrap` re-seals the audit checkpoint-signing keyset (audit_signing_key, V15) under a new master key. The
-- application role keeps no UPDATE on that table: this one function replaces the sealed bytes only (never the
-- public key or the creation time) and only when the caller names the bytes stored now (compare-and-set). Only a
-- holder of the master key can seal a keyset that opens, and verification checks it against the public key
-- operators hold. PL/pgSQL resolves the table when called, so this version may precede the table's.
CREATE FUNCTION reseal_audit_signing_key(old_sealed bytea, new_sealed bytea) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
DECLARE
  changed integer;
BEGIN
  IF new_sealed IS NULL OR length(new_sealed) < 16 THEN
    RAISE EXCEPTION 'reseal_audit_signing_key: the new value is not a sealed keyset' USING ERRCODE = 'check_violation';
  END IF;
  UPDATE public.audit_signing_key k SET sealed_keyset = new_sealed WHERE k.id = 1 AND k.sealed_keyset = old_sealed;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed = 1;
END $$;
REVOKE ALL ON FUNCTION reseal_audit_signing_key(bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reseal_audit_signing_key(bytea, bytea) TO ${app_role};
