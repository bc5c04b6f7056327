package org.medassist.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.Consultations;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffMember;
import org.medassist.identity.StaffRole;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewDecided;
import org.medassist.review.ReviewEvent;
import org.medassist.review.internal.ReviewProblems.InvalidDecision;
import org.medassist.review.internal.ReviewProblems.PhysicianReviewRequested;
import org.medassist.review.internal.ReviewProblems.ReviewAlreadyDecided;
import org.medassist.review.internal.ReviewProblems.ReviewClaimedByAnother;
import org.medassist.review.internal.ReviewProblems.ReviewNotClaimedByYou;
import org.medassist.review.internal.ReviewProblems.ReviewNotFound;
import org.medassist.review.internal.ReviewRepository.Review;
import org.medassist.review.internal.ReviewRepository.Status;
import org.medassist.review.internal.ReviewRepository.Tier;
import org.medassist.triage.Disposition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review queue and its rules. Each step locks the review row, checks who holds it, changes it and the
 * consultation's status in one transaction, and publishes what happened.
 */
@Service
class ReviewService {

	static final int MAX_TEXT = 2000;

	private final ReviewRepository reviews;

	private final ReasonCodes reasonCodes;

	private final Consultations consultations;

	private final ReviewProperties properties;

	private final TransactionTemplate tx;

	private final TransactionTemplate newTransaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReviewDeadlines deadlines;

	ReviewService(ReviewRepository reviews, ReasonCodes reasonCodes, Consultations consultations,
			ReviewProperties properties, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
			ReviewDeadlines deadlines) {
		this.deadlines = deadlines;
		this.reviews = reviews;
		this.reasonCodes = reasonCodes;
		this.consultations = consultations;
		this.properties = properties;
		this.tx = tx;
		this.newTransaction = new TransactionTemplate(tx.getTransactionManager());
		this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.clock = clock;
	}

	/** A completed consultation joins its clinic's queue (once). */
	void enqueue(ClinicId clinic, ConsultationId id, boolean escalated, Disposition aiDisposition) {
		Disposition disposition = aiDisposition == null ? Disposition.URGENT : aiDisposition;
		Instant now = clock.instant();
		// A new transaction: this runs after the consultation's transaction committed, whose resources may still
		// be bound to the thread, and it must begin with the clinic set.
		Tenancy.runAs(clinic, () -> newTransaction.executeWithoutResult(s -> {
			if (reviews.enqueue(id.value(), clinic, escalated, disposition, now)) {
				events.publishEvent(new ReviewEvent(ReviewEvent.Kind.QUEUED, id, clinic, disposition, null, now, null));
			}
		}));
	}

	/**
	 * The case's AI disposition rose after it was queued (the patient's EHR record was read): it moves up the queue
	 * and dashboards hear of it. In the caller's transaction (the consultation's), so both change together.
	 */
	void raise(ClinicId clinic, ConsultationId id, Disposition aiDisposition, java.util.UUID by, Instant at) {
		if (reviews.raise(id.value(), aiDisposition)) {
			events.publishEvent(new ReviewEvent(ReviewEvent.Kind.RAISED, id, clinic, aiDisposition, by, at,
					"ehr-record"));
		}
	}

	record Filter(Status status, Disposition disposition, Integer waitingOverMinutes) {
	}

	List<Review> queue(StaffMember staff, Filter filter) {
		Instant now = clock.instant();
		Instant queuedBefore = filter.waitingOverMinutes() == null ? null
				: now.minus(Duration.ofMinutes(filter.waitingOverMinutes()));
		return inClinic(staff, () -> reviews.open(filter.status(), filter.disposition(), queuedBefore));
	}

	/** The staff member's clinic's targets and working hours, to show each case's deadline. */
	ReviewDeadlines.Deadlines deadlines(StaffMember staff) {
		return inClinic(staff, deadlines::current);
	}

	Review get(StaffMember staff, ConsultationId id) {
		return inClinic(staff, () -> reviews.find(id.value()).orElseThrow(ReviewNotFound::new));
	}

	/** Takes the case; again by the holder, it extends the claim. A lapsed claim may be taken by anyone. */
	Review claim(StaffMember staff, ConsultationId id) {
		Instant now = clock.instant();
		return inClinic(staff, () -> {
			Review review = reviews.lock(id.value()).orElseThrow(ReviewNotFound::new);
			if (review.status() == Status.DECIDED) {
				throw new ReviewAlreadyDecided();
			}
			if (review.heldAt(now) && !staff.userId().equals(review.claimedBy())) {
				throw new ReviewClaimedByAnother(review.claimedByName());
			}
			// A second opinion was asked of physicians: only they take it. A missed target only widens who is
			// chased (the charge nurse, then physicians); it never stops a nurse from taking a case that has waited
			// too long, because a barrier to picking up an overdue emergency is the opposite of escalation.
			if (review.tier() == Tier.PHYSICIAN && review.secondOpinionNote() != null
					&& staff.role() != StaffRole.PHYSICIAN) {
				throw new PhysicianReviewRequested();
			}
			reviews.claim(id.value(), staff.userId(), staff.username(), now, now.plus(properties.claimIdleTimeout()));
			consultations.reviewStarted(staff.clinicId(), id);
			events.publishEvent(new ReviewEvent(ReviewEvent.Kind.CLAIMED, id, staff.clinicId(), review.aiDisposition(),
					staff.userId(), now, null));
			return reviews.find(id.value()).orElseThrow();
		});
	}

	Review release(StaffMember staff, ConsultationId id) {
		return giveBack(staff, id, null, ReviewEvent.Kind.RELEASED);
	}

	/** Re-queues the case for physicians, with the nurse's question. */
	Review askPhysician(StaffMember staff, ConsultationId id, String note) {
		return giveBack(staff, id, note, ReviewEvent.Kind.SECOND_OPINION_REQUESTED);
	}

	private Review giveBack(StaffMember staff, ConsultationId id, String note, ReviewEvent.Kind kind) {
		Instant now = clock.instant();
		return inClinic(staff, () -> {
			Review review = held(staff, id, now);
			String secondOpinion = null;
			if (kind == ReviewEvent.Kind.SECOND_OPINION_REQUESTED) {
				secondOpinion = text(note, "note");
				if (secondOpinion == null) {
					throw new InvalidDecision("invalid-second-opinion",
							"'note' is required: what should the physician look at?");
				}
			}
			reviews.release(staff.clinicId(), id.value(), secondOpinion != null ? Tier.PHYSICIAN : review.tier(),
					secondOpinion);
			consultations.reviewReleased(staff.clinicId(), id);
			events.publishEvent(new ReviewEvent(kind, id, staff.clinicId(), review.aiDisposition(), staff.userId(),
					now, null));
			return reviews.find(id.value()).orElseThrow();
		});
	}

	record Decision(Disposition disposition, String reasonCode, @Classification(Level.RESTRICTED) String note,
			@Classification(Level.RESTRICTED) String patientInstructions,
			boolean contactedPatient) {
	}

	/**
	 * Accepts or overrides the AI disposition. An override (up or down) needs one of the clinic's reason codes; a
	 * human may lower what a rule raised, the software never does.
	 */
	Review decide(StaffMember staff, ConsultationId id, Decision decision) {
		Instant now = clock.instant();
		return inClinic(staff, () -> {
			// Whose case it is comes first (404, 409), then what was asked (400).
			Review review = held(staff, id, now);
			if (decision.disposition() == null) {
				throw new InvalidDecision("invalid-decision",
						"'disposition' is required: EMERGENCY, URGENT, ROUTINE or SELF_CARE.");
			}
			String note = text(decision.note(), "note");
			String instructions = text(decision.patientInstructions(), "patientInstructions");
			boolean override = decision.disposition() != review.aiDisposition();
			String code = decision.reasonCode() == null || decision.reasonCode().isBlank() ? null
					: decision.reasonCode().strip();
			if (override && code == null) {
				throw new InvalidDecision("override-reason-required",
						"Overriding the assessment needs a 'reasonCode' (see GET /api/v1/review/reason-codes).");
			}
			if (code != null && !reasonCodes.isActive(staff.clinicId(), code)) {
				throw new InvalidDecision("unknown-reason-code",
						"'reasonCode' is not one of your clinic's reason codes (see GET /api/v1/review/reason-codes).");
			}
			reviews.decide(staff.clinicId(), id.value(), staff.userId(), staff.username(), now, decision.disposition(),
					code, note, instructions, decision.contactedPatient());
			consultations.reviewed(staff.clinicId(), id, instructions);
			events.publishEvent(new ReviewEvent(ReviewEvent.Kind.DECIDED, id, staff.clinicId(), decision.disposition(),
					staff.userId(), now, override ? "override:" + code : "accepted"));
			events.publishEvent(new ReviewDecided(id, staff.clinicId(), review.aiDisposition(), decision.disposition(),
					code, staff.userId(), staff.role(), now));
			return reviews.find(id.value()).orElseThrow();
		});
	}

	/** The case, locked, if the caller holds its claim. */
	private Review held(StaffMember staff, ConsultationId id, Instant now) {
		Review review = reviews.lock(id.value()).orElseThrow(ReviewNotFound::new);
		if (review.status() == Status.DECIDED) {
			throw new ReviewAlreadyDecided();
		}
		if (!review.heldAt(now) || !staff.userId().equals(review.claimedBy())) {
			throw new ReviewNotClaimedByYou();
		}
		return review;
	}

	private static String text(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_TEXT) {
			throw new InvalidDecision("text-too-long", "'" + field + "' may have at most " + MAX_TEXT + " characters.");
		}
		return value.strip();
	}

	private <T> T inClinic(StaffMember staff, java.util.function.Supplier<T> work) {
		return Tenancy.callAs(staff.clinicId(), () -> tx.execute(s -> work.get()));
	}

}
