package org.medassist.identity;

import java.util.UUID;

/**
 * An authenticated member of a clinic's staff, as checked against the database on this request (so a role
 * change or a disabled account counts at once).
 */
public record StaffMember(UUID userId, ClinicId clinicId, String username, StaffRole role, UUID sessionId)
		implements ClinicScoped {
}
