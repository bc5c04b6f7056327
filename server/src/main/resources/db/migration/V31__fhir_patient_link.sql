-- MedAssist schema, version 31: a consultation linked to a patient of the clinic's EHR (module fhir).
--
-- A nurse links the case to the EHR's identifier (system and value, e.g. the clinic's MRN): the FHIR bundle then
-- carries that Patient (a conditional create on the identifier, so an existing patient is reused) and the nurse
-- sees the patient's context from the EHR. The identifier value is PHI: encrypted with the clinic's keys.

CREATE TABLE fhir_patient_link (
    consultation_id  uuid PRIMARY KEY,
    clinic_id        uuid NOT NULL,
    system           text NOT NULL CHECK (length(system) BETWEEN 1 AND 255),
    value_encrypted  text NOT NULL,
    linked_by        uuid NOT NULL,
    linked_at        timestamptz NOT NULL,
    FOREIGN KEY (consultation_id, clinic_id) REFERENCES consultation (id, clinic_id)
);

ALTER TABLE fhir_patient_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE fhir_patient_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON fhir_patient_link USING (clinic_id = current_clinic())
    WITH CHECK (clinic_id = current_clinic());
CREATE POLICY owner_all ON fhir_patient_link TO CURRENT_USER USING (true) WITH CHECK (true);

-- A wrong link is corrected by linking again (UPDATE); never deleted.
GRANT SELECT, INSERT, UPDATE ON fhir_patient_link TO ${app_role};
