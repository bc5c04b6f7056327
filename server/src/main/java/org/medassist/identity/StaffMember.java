package org.medassist.identity;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

import java.util.UUID;

/**
 * An authenticated member of a clinic's staff, as checked against the database on this request (so a role
 * change or a disabled account counts at once).
 */
public record StaffMember(UUID userId, ClinicId clinicId, @Classification(Level.CONFIDENTIAL) String username,
		StaffRole role, UUID sessionId)
		implements ClinicScoped {
}
