-- MedAssist schema, version 3: staff accounts, their sessions and MFA, the keys that sign access tokens,
-- and row-level security on every tenant table.
--
-- Tenancy: each transaction of the application says which clinic it works for with
--   SELECT set_config('medassist.clinic_id', '<uuid>', true)
-- (transaction-local). Every table with a clinic_id has row-level security ENABLEd and FORCEd and one policy
-- that admits only that clinic's rows, for reading and writing. No clinic set: no rows.

CREATE FUNCTION current_clinic() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('medassist.clinic_id', true), '')::uuid $$;

CREATE TABLE staff_user (
    id                   uuid PRIMARY KEY,
    clinic_id            uuid NOT NULL REFERENCES clinic (id),
    username             text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    role                 text NOT NULL CHECK (role IN ('NURSE', 'PHYSICIAN', 'CLINIC_ADMIN', 'AUDITOR')),
    password_hash        text NOT NULL,
    -- Base32 TOTP secret (RFC 6238); NULL until the user enrols. Encrypted with the PHI keys once they land.
    mfa_secret           text,
    mfa_enrolled_at      timestamptz,
    -- The last TOTP time step accepted: a code is never accepted twice (RFC 6238, section 5.2).
    mfa_last_step        bigint NOT NULL DEFAULT 0,
    failed_logins        integer NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    disabled_at          timestamptz,
    created_at           timestamptz NOT NULL,
    version              bigint NOT NULL DEFAULT 0,
    UNIQUE (clinic_id, username),
    UNIQUE (id, clinic_id)
);

CREATE TABLE staff_recovery_code (
    user_id    uuid NOT NULL,
    clinic_id  uuid NOT NULL,
    code_hash  bytea NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hash),
    FOREIGN KEY (user_id, clinic_id) REFERENCES staff_user (id, clinic_id) ON DELETE CASCADE
);

-- A login: refresh tokens rotate within it; it ends on logout, after 30 minutes idle or 12 hours.
CREATE TABLE staff_session (
    id                  uuid PRIMARY KEY,
    clinic_id           uuid NOT NULL,
    user_id             uuid NOT NULL,
    created_at          timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    reauthenticated_at  timestamptz,
    revoked_at          timestamptz,
    revoked_reason      text,
    FOREIGN KEY (user_id, clinic_id) REFERENCES staff_user (id, clinic_id)
);
CREATE INDEX staff_session_user_idx ON staff_session (user_id) WHERE revoked_at IS NULL;

-- Refresh tokens, stored as SHA-256 hashes. Used once: a second use revokes the whole session.
CREATE TABLE staff_refresh_token (
    token_hash  bytea PRIMARY KEY,
    clinic_id   uuid NOT NULL,
    session_id  uuid NOT NULL REFERENCES staff_session (id),
    issued_at   timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX staff_refresh_token_session_idx ON staff_refresh_token (session_id);

-- RSA keys that sign access tokens (RS256). The newest active key signs; older ones verify until retired.
-- Deployment-wide, not a tenant table. The private key is encrypted with the key-management module once it lands.
CREATE TABLE signing_key (
    kid          text PRIMARY KEY,
    public_der   bytea NOT NULL,
    private_der  bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    retired_at   timestamptz
);

-- A patient's consultation token is the only credential presented before the clinic is known. This function,
-- running as the schema owner, maps its hash to the consultation and clinic and nothing more.
CREATE FUNCTION consultation_for_token(token_hash bytea) RETURNS TABLE (consultation_id uuid, clinic_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT c.id, c.clinic_id FROM public.consultation c WHERE c.access_token_hash = token_hash $$;
REVOKE ALL ON FUNCTION consultation_for_token(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consultation_for_token(bytea) TO ${app_role};

-- Row-level security: every table with a clinic_id.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
           WHERE c.table_schema = 'public' AND c.column_name = 'clinic_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (clinic_id = current_clinic())'
                   ' WITH CHECK (clinic_id = current_clinic())', t);
    -- The owner (migrations, the lookup function above) works across clinics, as it could by turning RLS off;
    -- the application role never does.
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON staff_user TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_recovery_code TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON staff_session TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON staff_refresh_token TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON signing_key TO ${app_role};
