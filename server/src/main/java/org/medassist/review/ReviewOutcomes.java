package org.medassist.review;

import java.util.Optional;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;

/** Reads the review of a consultation for other modules; runs in the clinic's tenancy (row-level security). */
public interface ReviewOutcomes {

	/** The review of the consultation, or empty when it never reached the queue (or is another clinic's). */
	Optional<ReviewOutcome> of(ClinicId clinic, ConsultationId consultation);
}
