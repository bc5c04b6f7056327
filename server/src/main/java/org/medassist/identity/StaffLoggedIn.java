package org.medassist.identity;

import java.time.Instant;
import java.util.UUID;

/** A member of staff signed in (password and second factor both checked). For the audit trail. */
public record StaffLoggedIn(Instant at, UUID userId, ClinicId clinicId, StaffRole role, UUID sessionId,
		String remoteAddress, boolean recoveryCodeUsed) {
}
