package org.medassist.review.internal;

import org.medassist.consultation.ConsultationCompleted;
import org.medassist.consultation.ConsultationStatus;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every completed consultation in its clinic's queue. The event is stored with the consultation's own
 * transaction (Spring Modulith's publication registry) and delivered after it commits, again after a restart if
 * it was not completed; queueing is idempotent.
 */
@Component
class ReviewQueueing {

	private final ReviewService reviews;

	ReviewQueueing(ReviewService reviews) {
		this.reviews = reviews;
	}

	// Not @ApplicationModuleListener: its transaction would begin before the clinic is known, and row-level
	// security needs the clinic first. The service opens the clinic's own transaction.
	@TransactionalEventListener
	void on(ConsultationCompleted completed) {
		reviews.enqueue(completed.clinicId(), completed.consultationId(),
				completed.status() == ConsultationStatus.ESCALATED, completed.disposition());
	}
}
