-- MedAssist schema, version 12: re-encryption after key rotation, and the assessment encrypted (module keys).
-- See docs/adr/0008-phi-keys-and-reencryption.md.

-- The assessment (AI-made, but built from what the patient said and may quote it) is PHI: from now on it is
-- stored encrypted, bound to its clinic and consultation. Rows from before keep the plain jsonb until the
-- re-encryption job moves them (it encrypts into assessment_encrypted and clears assessment in one UPDATE).
ALTER TABLE consultation ADD COLUMN assessment_encrypted text;

-- The primary key id whose re-encryption last completed for the clinic. NULL (never ran) or another id than the
-- keyset's primary means the job has work to check; retirement of an old key never relies on it (it counts).
ALTER TABLE clinic_keyset ADD COLUMN reencrypted_for integer;

-- The transcript is append-only for the application role (no UPDATE privilege, V1): a clinical record is never
-- edited. Re-encryption must still replace the ciphertext of a row. This function, running as the schema owner,
-- is the only way to: it changes the text of one message of the current clinic, only if the caller names the
-- ciphertext (or legacy plain text) the row holds now, and only to a value shaped like a Tink ciphertext
-- (base64, output prefix byte 0x01, at least prefix + nonce + tag long), so it can neither write plain text over
-- a record nor touch any other column. It cannot prove the plaintext is unchanged (the database never holds the
-- keys); the application that holds them could anyway. Hence: the narrowest write that makes rotation possible.
CREATE FUNCTION reencrypt_transcript_text(message_id uuid, old_text text, new_text text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
DECLARE
  raw bytea;
  changed integer;
BEGIN
  BEGIN
    raw := decode(new_text, 'base64');
  EXCEPTION WHEN others THEN
    RAISE EXCEPTION 'reencrypt_transcript_text: the new value is not a ciphertext' USING ERRCODE = 'check_violation';
  END;
  IF length(raw) < 5 + 12 + 16 OR get_byte(raw, 0) <> 1 THEN
    RAISE EXCEPTION 'reencrypt_transcript_text: the new value is not a ciphertext' USING ERRCODE = 'check_violation';
  END IF;
  UPDATE public.consultation_message m SET text = new_text, text_encrypted = true
   WHERE m.id = message_id AND m.clinic_id = current_clinic() AND m.text = old_text;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed = 1;
END $$;
REVOKE ALL ON FUNCTION reencrypt_transcript_text(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reencrypt_transcript_text(uuid, text, text) TO ${app_role};
