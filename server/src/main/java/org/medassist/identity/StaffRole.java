package org.medassist.identity;

/** What a member of a clinic's staff may do. The authority name is {@code ROLE_<name>}. */
public enum StaffRole {

	NURSE, PHYSICIAN, CLINIC_ADMIN, AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Roles that read patients' consultations for their care. */
	public boolean clinical() {
		return this == NURSE || this == PHYSICIAN;
	}
}
