package org.medassist.review.internal;

import org.medassist.platform.MedAssistException;

/** The ways a review request is refused, each with a stable problem type. */
final class ReviewProblems {

	private ReviewProblems() {
	}

	static final class ReviewNotFound extends MedAssistException {

		ReviewNotFound() {
			super(Kind.NOT_FOUND, "review-not-found", "There is no case for review with this id in your clinic.");
		}
	}

	/** Someone else holds the case; says who, so that the nurses can talk. */
	static final class ReviewClaimedByAnother extends MedAssistException {

		ReviewClaimedByAnother(String holder) {
			super(Kind.CONFLICT, "review-claimed", "This case is being reviewed by " + holder + ".");
		}
	}

	static final class ReviewNotClaimedByYou extends MedAssistException {

		ReviewNotClaimedByYou() {
			super(Kind.CONFLICT, "review-not-claimed-by-you", "Claim this case before deciding or releasing it.");
		}
	}

	static final class ReviewAlreadyDecided extends MedAssistException {

		ReviewAlreadyDecided() {
			super(Kind.CONFLICT, "review-decided", "This case has been decided already.");
		}
	}

	static final class PhysicianReviewRequested extends MedAssistException {

		PhysicianReviewRequested() {
			super(Kind.CONFLICT, "physician-review-requested",
					"A physician's opinion was requested for this case: a physician must take it.");
		}
	}

	static final class InvalidDecision extends MedAssistException {

		InvalidDecision(String type, String detail) {
			super(Kind.INVALID_INPUT, type, detail);
		}
	}
}
