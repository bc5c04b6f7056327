package org.medassist.consultation;

import java.time.Instant;
import java.util.UUID;

import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffRole;

/** A member of staff read a consultation (PHI). Published for the audit trail. */
public record ConsultationViewed(ConsultationId consultationId, ClinicId clinicId, UUID userId, StaffRole role,
		Instant at) {
}
