-- MedAssist schema, version 4: the nurse's review of each completed consultation, the clinic's override reason
-- codes and escalation targets, and the dashboard update log (the record behind live notifications).

-- A staff account signs in through the clinic's OpenID Connect provider only once an admin has linked it to the
-- provider's stable subject identifier ("sub"); user names at a provider can change and are not proof.
ALTER TABLE staff_user ADD COLUMN external_subject text CHECK (length(external_subject) BETWEEN 1 AND 255);
CREATE UNIQUE INDEX staff_user_external_subject_idx ON staff_user (clinic_id, external_subject);

-- Clinics are created by the operator and the demo seed; the application never changes one (yet).
REVOKE UPDATE ON clinic FROM ${app_role};

-- Staff may now write in the transcript: a nurse's instructions to the patient.
ALTER TABLE consultation_message DROP CONSTRAINT consultation_message_author_check;
ALTER TABLE consultation_message ADD CONSTRAINT consultation_message_author_check
    CHECK (author IN ('PATIENT', 'ASSISTANT', 'STAFF'));
ALTER TABLE consultation_message DROP CONSTRAINT consultation_message_kind_check;
ALTER TABLE consultation_message ADD CONSTRAINT consultation_message_kind_check
    CHECK (kind IN ('TEXT', 'QUESTION', 'CONSENT', 'NOTICE', 'OUTCOME', 'INSTRUCTION'));

CREATE TABLE review (
    consultation_id       uuid PRIMARY KEY,
    clinic_id             uuid NOT NULL,
    status                text NOT NULL CHECK (status IN ('QUEUED', 'CLAIMED', 'DECIDED')),
    -- Who should take it: nurses first; a second opinion or a breach sends it to physicians.
    tier                  text NOT NULL DEFAULT 'NURSE' CHECK (tier IN ('NURSE', 'PHYSICIAN')),
    escalated             boolean NOT NULL,
    ai_disposition        text NOT NULL CHECK (ai_disposition IN ('EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE')),
    age_group             text,
    queued_at             timestamptz NOT NULL,
    claimed_by            uuid,
    claimed_by_name       text,
    claimed_at            timestamptz,
    claim_expires_at      timestamptz,
    first_claimed_at      timestamptz,
    decided_by            uuid,
    decided_by_name       text,
    decided_at            timestamptz,
    disposition           text CHECK (disposition IN ('EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE')),
    reason_code           text,
    -- Free text written by staff (PHI): encrypted with the PHI keys once they land.
    note                  text,
    patient_instructions  text,
    contacted_patient_at  timestamptz,
    second_opinion_note   text,
    breaches              integer NOT NULL DEFAULT 0,
    last_breach_at        timestamptz,
    version               bigint NOT NULL DEFAULT 0,
    FOREIGN KEY (consultation_id, clinic_id) REFERENCES consultation (id, clinic_id),
    CHECK ((status = 'CLAIMED') = (claimed_by IS NOT NULL)),
    CHECK ((status = 'DECIDED') = (decided_at IS NOT NULL AND disposition IS NOT NULL))
);
CREATE INDEX review_open_idx ON review (clinic_id, queued_at) WHERE status <> 'DECIDED';

CREATE TABLE review_reason_code (
    clinic_id  uuid NOT NULL REFERENCES clinic (id),
    code       text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    label      text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    active     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (clinic_id, code)
);

CREATE TABLE review_target (
    clinic_id     uuid NOT NULL REFERENCES clinic (id),
    disposition   text NOT NULL CHECK (disposition IN ('EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE')),
    claim_within  interval NOT NULL CHECK (claim_within > interval '0'),
    PRIMARY KEY (clinic_id, disposition)
);

-- Every change a dashboard shows, in order. Live channels (in-process, Redis) only say "look, seq N";
-- a dashboard that reconnects asks for everything after the last seq it saw.
CREATE TABLE dashboard_update (
    seq              bigserial PRIMARY KEY,
    clinic_id        uuid NOT NULL REFERENCES clinic (id),
    kind             text NOT NULL,
    consultation_id  uuid,
    disposition      text,
    at               timestamptz NOT NULL
);
CREATE INDEX dashboard_update_clinic_idx ON dashboard_update (clinic_id, seq);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['review', 'review_reason_code', 'review_target', 'dashboard_update'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (clinic_id = current_clinic())'
                   ' WITH CHECK (clinic_id = current_clinic())', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON review TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON review_reason_code TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON review_target TO ${app_role};
GRANT SELECT, INSERT ON dashboard_update TO ${app_role};
GRANT USAGE ON SEQUENCE dashboard_update_seq_seq TO ${app_role};
