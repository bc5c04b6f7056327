package org.medassist.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A request was refused: no or bad credentials (401), not allowed (403), or a failed login. Published for the
 * audit trail. Carries no PHI: the path is the route, the reason a fixed code.
 *
 * @param userId the caller when known
 * @param clinicId the caller's clinic when known
 */
public record AccessDenied(Instant at, UUID userId, ClinicId clinicId, String role, String method, String path,
		int status, String reason, String remoteAddress) {
}
