package org.medassist.review;

import java.time.Instant;
import java.util.UUID;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;
import org.medassist.triage.Disposition;

/**
 * Something happened to a review; dashboards show it and the audit trail records it. Published inside the
 * transaction that made the change.
 *
 * @param actorId the member of staff who acted, or {@code null} for the system (queueing, escalation)
 * @param disposition the AI disposition for {@code QUEUED}, {@code BREACHED} and {@code RAISED}, the decided one for
 * {@code DECIDED}
 */
public record ReviewEvent(Kind kind, ConsultationId consultationId, ClinicId clinicId, Disposition disposition,
		UUID actorId, Instant at, String detail) {

	public enum Kind {
		QUEUED, CLAIMED, RELEASED, SECOND_OPINION_REQUESTED, DECIDED, BREACHED,
		/** The AI disposition rose after the case was queued (the patient's EHR record was read). */
		RAISED
	}
}
