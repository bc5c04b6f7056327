-- MedAssist schema, version 8: a clinic's working hours. The non-urgent review targets ("ROUTINE within 1
-- working day") count only the time the clinic is open. No row: Monday to Friday, 08:00-18:00, in the
-- deployment's default time zone.
CREATE TABLE review_working_hours (
    clinic_id  uuid PRIMARY KEY REFERENCES clinic (id),
    time_zone  text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    -- ISO day numbers, 1 = Monday ... 7 = Sunday.
    days       smallint[] NOT NULL CHECK (cardinality(days) BETWEEN 1 AND 7 AND days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
    opens      time NOT NULL,
    closes     time NOT NULL,
    CHECK (opens < closes)
);

ALTER TABLE review_working_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_working_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON review_working_hours USING (clinic_id = current_clinic())
    WITH CHECK (clinic_id = current_clinic());
CREATE POLICY owner_all ON review_working_hours TO CURRENT_USER USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON review_working_hours TO ${app_role};
