-- MedAssist schema, version 7: the charge-nurse tier of escalation. A charge nurse is a nurse a clinic admin
-- put in charge (a duty, often per shift), not a role of its own: access control stays with the four roles,
-- and the flag changes only who may take a case escalated to the charge nurse.
ALTER TABLE staff_user ADD COLUMN charge_nurse boolean NOT NULL DEFAULT false;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_charge_nurse_check CHECK (NOT charge_nurse OR role = 'NURSE');

-- An unclaimed case goes nurse -> charge nurse -> physician, one tier per missed target.
ALTER TABLE review DROP CONSTRAINT review_tier_check;
ALTER TABLE review ADD CONSTRAINT review_tier_check CHECK (tier IN ('NURSE', 'CHARGE_NURSE', 'PHYSICIAN'));
