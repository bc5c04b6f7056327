-- MedAssist schema, version 30: the EHR export outbox (module fhir).
--
-- One row per decided consultation of a clinic with an EHR configured, written in the review decision's
-- transaction (nothing decided is lost). A worker on every instance takes due rows with FOR UPDATE SKIP LOCKED,
-- posts the FHIR transaction bundle and records the outcome. The bundle is rebuilt from the record at each
-- attempt, so no PHI is stored here; last_error is a fixed, PHI-free description.

CREATE TABLE fhir_export (
    consultation_id  uuid PRIMARY KEY,
    clinic_id        uuid NOT NULL,
    status           text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    last_error       text CHECK (length(last_error) <= 500),
    last_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    FOREIGN KEY (consultation_id, clinic_id) REFERENCES consultation (id, clinic_id),
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX fhir_export_due_idx ON fhir_export (clinic_id, next_attempt_at) WHERE status = 'PENDING';

ALTER TABLE fhir_export ENABLE ROW LEVEL SECURITY;
ALTER TABLE fhir_export FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON fhir_export USING (clinic_id = current_clinic())
    WITH CHECK (clinic_id = current_clinic());
CREATE POLICY owner_all ON fhir_export TO CURRENT_USER USING (true) WITH CHECK (true);

-- Export history is kept: no DELETE.
GRANT SELECT, INSERT, UPDATE ON fhir_export TO ${app_role};
