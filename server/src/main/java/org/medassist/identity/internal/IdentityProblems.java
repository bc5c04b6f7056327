package org.medassist.identity.internal;

import org.medassist.platform.MedAssistException;

/** The ways staff authentication refuses, each with a stable problem type. */
final class IdentityProblems {

	private IdentityProblems() {
	}

	/** One message for every wrong part, so that nobody learns which accounts exist. */
	static final class LoginFailed extends MedAssistException {

		LoginFailed() {
			super(Kind.UNAUTHENTICATED, "login-failed",
					"The clinic, user name, password or code is not right, or the account is locked or disabled.");
		}
	}

	static final class SecondFactorRequired extends MedAssistException {

		SecondFactorRequired() {
			super(Kind.UNAUTHENTICATED, "mfa-required",
					"Enter the 6-digit code from your authenticator app ('totp'), or a recovery code ('recoveryCode').");
		}
	}

	static final class SessionEnded extends MedAssistException {

		SessionEnded() {
			super(Kind.UNAUTHENTICATED, "session-ended", "Your session has ended. Log in again.");
		}
	}

	static final class ReauthenticationRequired extends MedAssistException {

		ReauthenticationRequired() {
			super(Kind.FORBIDDEN, "reauthentication-required",
					"Confirm your password and code first (POST /api/v1/auth/reauthenticate), then try again.");
		}
	}

	static final class StaffMemberNotFound extends MedAssistException {

		StaffMemberNotFound() {
			super(Kind.NOT_FOUND, "staff-member-not-found", "There is no such member of staff.");
		}
	}

	static final class InvalidStaffRequest extends MedAssistException {

		InvalidStaffRequest(String type, String detail) {
			super(Kind.INVALID_INPUT, type, detail);
		}
	}

	static final class UsernameTaken extends MedAssistException {

		UsernameTaken() {
			super(Kind.CONFLICT, "username-taken", "This clinic already has a member of staff with that user name.");
		}
	}

	static final class ExternalSubjectTaken extends MedAssistException {

		ExternalSubjectTaken() {
			super(Kind.CONFLICT, "external-subject-taken", "Another account of this clinic is linked to that subject.");
		}
	}
}
