package org.medassist.consultation;

import org.medassist.identity.ClinicId;

/** A human decided the consultation's review; its patient's view now shows the outcome and any instructions. */
public record ConsultationReviewed(ConsultationId consultationId, ClinicId clinicId) {
}
