package org.medassist.review.internal;

import org.medassist.consultation.ConsultationReassessed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a case up the queue when its assessment rose (the patient's EHR record was read). A plain (synchronous)
 * listener on purpose: it runs in the consultation's transaction, in the clinic's tenancy, so the case and its
 * place in the queue change together.
 */
@Component
class ReviewRaising {

	private final ReviewService reviews;

	ReviewRaising(ReviewService reviews) {
		this.reviews = reviews;
	}

	@EventListener
	void on(ConsultationReassessed reassessed) {
		if (reassessed.raised()) {
			reviews.raise(reassessed.clinicId(), reassessed.consultationId(), reassessed.after(), reassessed.readBy(),
					reassessed.at());
		}
	}
}
