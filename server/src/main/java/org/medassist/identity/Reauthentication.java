package org.medassist.identity;

/**
 * Sensitive actions (exports, user and key administration) need the caller to have confirmed password and code
 * within the last few minutes ({@code POST /api/v1/auth/reauthenticate}; a login counts).
 */
public interface Reauthentication {

	/** Refuses with 403 {@code reauthentication-required} when the caller's confirmation is too old. */
	void require(StaffMember staff);
}
