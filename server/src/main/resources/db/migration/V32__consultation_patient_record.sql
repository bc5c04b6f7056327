-- MedAssist schema, version 32: what the patient's EHR record says, as the triage engine reads it (module
-- consultation).
--
-- When a nurse links a consultation to an EHR patient, the fhir module reads the record and maps it to findings
-- (anticoagulants, pregnancy, ...) with the entries they come from, plus age and sex. They are stored with the
-- consultation so that every later turn (and a turn replayed after a crash) sees the same record. Health data of
-- an identified patient: encrypted with the clinic's keys. A newer reading replaces the older one.

CREATE TABLE consultation_record (
    consultation_id   uuid PRIMARY KEY,
    clinic_id         uuid NOT NULL,
    record_encrypted  text NOT NULL,
    read_by           uuid NOT NULL,
    read_at           timestamptz NOT NULL,
    FOREIGN KEY (consultation_id, clinic_id) REFERENCES consultation (id, clinic_id)
);

ALTER TABLE consultation_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultation_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consultation_record USING (clinic_id = current_clinic())
    WITH CHECK (clinic_id = current_clinic());
CREATE POLICY owner_all ON consultation_record TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON consultation_record TO ${app_role};
