-- MedAssist schema, version 33: every bundle is validated against base R4 before it is sent (module fhir).
--
-- A bundle with errors is not sent: the export is INVALID (a person must look; it can be sent again once the
-- record is fixed). Warnings do not block; they are recorded with the export. HAPI's messages may quote values
-- of the bundle (PHI): they are encrypted with the clinic's keys. The counts are not PHI.

ALTER TABLE fhir_export DROP CONSTRAINT fhir_export_status_check;
ALTER TABLE fhir_export ADD CONSTRAINT fhir_export_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'INVALID'));
ALTER TABLE fhir_export ADD COLUMN validation_errors integer CHECK (validation_errors >= 0);
ALTER TABLE fhir_export ADD COLUMN validation_warnings integer CHECK (validation_warnings >= 0);
ALTER TABLE fhir_export ADD COLUMN validation_messages_encrypted text;
ALTER TABLE fhir_export ADD COLUMN validated_at timestamptz;
