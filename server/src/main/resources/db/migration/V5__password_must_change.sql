-- A password set by someone else (a clinic admin creating the account, the operator creating a clinic) is
-- temporary: until its owner changes it, the account may do nothing but change it.
ALTER TABLE staff_user ADD COLUMN password_must_change boolean NOT NULL DEFAULT false;
