package org.medassist.fhir.internal;

import org.medassist.consultation.ConsultationView;
import org.medassist.review.ReviewOutcome;

/**
 * What one consultation's FHIR bundle is made of.
 *
 * @param review the human review, or {@code null} when the consultation never reached the queue
 * @param patient the EHR patient the consultation is linked to, or {@code null}: anonymous
 */
record ExportInput(ConsultationView consultation, ReviewOutcome review, PatientLink patient) {

	/** A consultation linked to a patient of the EHR by one of the EHR's identifiers. */
	record PatientLink(String system, String value) {
	}
}
