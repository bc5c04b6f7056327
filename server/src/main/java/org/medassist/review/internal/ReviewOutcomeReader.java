package org.medassist.review.internal;

import java.util.Optional;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewOutcome;
import org.medassist.review.ReviewOutcomes;
import org.medassist.review.internal.ReviewRepository.Review;
import org.medassist.review.internal.ReviewRepository.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The review module's read API for others (the EHR export). */
@Service
class ReviewOutcomeReader implements ReviewOutcomes {

	private final ReviewRepository reviews;

	private final ReasonCodes reasonCodes;

	private final TransactionTemplate tx;

	ReviewOutcomeReader(ReviewRepository reviews, ReasonCodes reasonCodes, TransactionTemplate tx) {
		this.reviews = reviews;
		this.reasonCodes = reasonCodes;
		this.tx = tx;
	}

	@Override
	public Optional<ReviewOutcome> of(ClinicId clinic, ConsultationId consultation) {
		return Tenancy.callAs(clinic, () -> tx.execute(s -> reviews.find(consultation.value()).map(r -> {
			String label = r.reasonCode() == null ? null
					: reasonCodes.of(clinic).stream().filter(c -> c.code().equals(r.reasonCode())).findFirst()
						.map(ReasonCodes.ReasonCode::label).orElse(null);
			return outcome(r, label);
		})));
	}

	private static ReviewOutcome outcome(Review r, String reasonLabel) {
		boolean decided = r.status() == Status.DECIDED;
		return new ReviewOutcome(r.status().name(), r.aiDisposition(), r.disposition(), r.reasonCode(), reasonLabel,
				r.note(), decided ? r.decidedBy() : r.claimedBy(), decided ? r.decidedByName() : r.claimedByName(),
				r.queuedAt(), r.decidedAt());
	}
}
