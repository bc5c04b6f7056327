package org.medassist.consultation;

import org.medassist.identity.ClinicId;
import org.medassist.triage.Disposition;

/**
 * The interview ended with an outcome for the nurse: {@code status} is {@code ESCALATED} (the patient was told
 * it is an emergency) or {@code AWAITING_REVIEW}. {@code disposition} is the engine's, or {@code null}.
 */
public record ConsultationCompleted(ConsultationId consultationId, ClinicId clinicId, ConsultationStatus status,
		Disposition disposition) {
}
