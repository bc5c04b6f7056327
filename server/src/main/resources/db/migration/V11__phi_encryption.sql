-- MedAssist schema, version 11: PHI encryption at rest (module keys).
--
-- A Tink AES-256-GCM keyset per clinic, wrapped by the master key (which is never in the database). Transcript
-- text is stored encrypted (base64 of the ciphertext) with text_encrypted = true; rows written before this
-- version keep their plain text (text_encrypted = false) until they are re-encrypted.

CREATE TABLE clinic_keyset (
    clinic_id       uuid PRIMARY KEY REFERENCES clinic (id),
    wrapped_keyset  bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    -- Rotation adds a new primary key; older keys stay in the keyset so that older ciphertexts still decrypt.
    rotated_at      timestamptz
);

ALTER TABLE consultation_message ADD COLUMN text_encrypted boolean NOT NULL DEFAULT false;

DO $$
BEGIN
  EXECUTE 'ALTER TABLE clinic_keyset ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE clinic_keyset FORCE ROW LEVEL SECURITY';
  EXECUTE 'CREATE POLICY tenant_isolation ON clinic_keyset USING (clinic_id = current_clinic())'
          ' WITH CHECK (clinic_id = current_clinic())';
  EXECUTE 'CREATE POLICY owner_all ON clinic_keyset TO CURRENT_USER USING (true) WITH CHECK (true)';
END $$;

-- UPDATE for rotation (and the row lock it takes); never DELETE: a lost keyset is lost PHI.
GRANT SELECT, INSERT, UPDATE ON clinic_keyset TO ${app_role};
