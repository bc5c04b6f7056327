package org.medassist.review;

import java.time.Instant;
import java.util.UUID;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffRole;
import org.medassist.triage.Disposition;

/**
 * A human decided a case: the AI disposition beside the human one (for AI-versus-human tracking), the override
 * reason when they differ. For the EHR export and the audit trail.
 */
public record ReviewDecided(ConsultationId consultationId, ClinicId clinicId, Disposition aiDisposition,
		Disposition disposition, String reasonCode, UUID decidedBy, StaffRole role, Instant at) {

	public boolean overridden() {
		return aiDisposition != disposition;
	}
}
