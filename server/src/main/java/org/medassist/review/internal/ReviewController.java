package org.medassist.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.Consultations;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.review.internal.ReviewRepository.Review;
import org.medassist.review.internal.ReviewRepository.Status;
import org.medassist.triage.Disposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The nurse's queue, the case, and the decision (v1). */
@RestController
@Tag(name = "Review", description = "The nurse's queue and decisions")
class ReviewController {

	private final ReviewService reviews;

	private final ReasonCodes reasonCodes;

	private final Consultations consultations;

	private final TransactionTemplate tx;

	private final Clock clock;

	ReviewController(ReviewService reviews, ReasonCodes reasonCodes, Consultations consultations,
			TransactionTemplate tx, Clock clock) {
		this.reviews = reviews;
		this.reasonCodes = reasonCodes;
		this.consultations = consultations;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * One line of the queue. {@code state} is QUEUED, CLAIMED (with {@code claimedBy}) or DECIDED; a claim that
	 * lapsed shows as QUEUED. {@code tier} is who should take it (NURSE, CHARGE_NURSE, PHYSICIAN);
	 * {@code breaches} counts the targets missed and {@code dueAt} is when the next one falls if nobody claims the
	 * case (ROUTINE and SELF_CARE in the clinic's working hours; {@code null} once the case has been claimed).
	 */
	record QueueItem(UUID consultationId, String state, String tier, Disposition aiDisposition, boolean escalated,
			Instant queuedAt, long waitingMinutes, String claimedBy, Instant claimExpiresAt, int breaches,
			Instant dueAt, boolean aiGenerated) {

		static QueueItem of(Review r, Instant now, ReviewDeadlines.Deadlines deadlines) {
			boolean held = r.heldAt(now);
			String state = r.status() == Status.DECIDED ? "DECIDED" : held ? "CLAIMED" : "QUEUED";
			return new QueueItem(r.consultationId(), state, r.tier().name(), r.aiDisposition(), r.escalated(),
					r.queuedAt(), Duration.between(r.queuedAt(), now).toMinutes(), held ? r.claimedByName() : null,
					held ? r.claimExpiresAt() : null, r.breaches(), deadlines.nextBreach(r), true);
		}
	}

	/** The review's human side: the decision beside the AI disposition. */
	record ReviewState(QueueItem item, Disposition decidedDisposition, String reasonCode,
			@Classification(Level.RESTRICTED) String note,
			@Classification(Level.RESTRICTED) String patientInstructions, String decidedBy, Instant decidedAt,
			boolean contactedPatient,
			@Classification(Level.RESTRICTED) String secondOpinionNote) {

		static ReviewState of(Review r, Instant now, ReviewDeadlines.Deadlines deadlines) {
			return new ReviewState(QueueItem.of(r, now, deadlines), r.disposition(), r.reasonCode(), r.note(),
					r.patientInstructions(), r.decidedByName(), r.decidedAt(), r.contactedPatientAt() != null,
					r.secondOpinionNote());
		}
	}

	/** The one-screen case: the consultation (transcript, AI assessment) and the review. */
	record Case(ReviewState review, ConsultationView consultation, Duration claimTarget) {
	}

	record DecisionRequest(Disposition disposition, String reasonCode, @Classification(Level.RESTRICTED) String note,
			@Classification(Level.RESTRICTED) String patientInstructions,
			Boolean contactedPatient) {
	}

	record SecondOpinionRequest(@Classification(Level.RESTRICTED) String note) {
	}

	@GetMapping("/api/v1/review/queue")
	@Operation(summary = "Open cases of your clinic: most urgent first, then longest waiting",
			security = @SecurityRequirement(name = "bearer"))
	List<QueueItem> queue(@AuthenticationPrincipal StaffMember staff, @RequestParam(required = false) Status status,
			@RequestParam(required = false) Disposition disposition,
			@RequestParam(required = false) Integer waitingOverMinutes) {
		if (waitingOverMinutes != null && (waitingOverMinutes < 0 || waitingOverMinutes > 100_000)) {
			throw new ReviewProblems.InvalidDecision("invalid-parameter", "'waitingOverMinutes' must be 0-100000.");
		}
		Instant now = clock.instant();
		ReviewDeadlines.Deadlines deadlines = reviews.deadlines(staff);
		return reviews.queue(staff, new ReviewService.Filter(status, disposition, waitingOverMinutes))
			.stream()
			.map(r -> QueueItem.of(r, now, deadlines))
			.toList();
	}

	@GetMapping("/api/v1/review/reason-codes")
	@Operation(summary = "Your clinic's override reason codes", security = @SecurityRequirement(name = "bearer"))
	List<ReasonCodes.ReasonCode> reasonCodes(@AuthenticationPrincipal StaffMember staff) {
		return Tenancy.callAs(staff.clinicId(), () -> tx.execute(s -> reasonCodes.of(staff.clinicId())));
	}

	@GetMapping("/api/v1/review/{consultationId}")
	@Operation(summary = "The case: transcript, AI assessment, review state", security = @SecurityRequirement(name = "bearer"))
	Case get(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID consultationId) {
		ConsultationId id = new ConsultationId(consultationId);
		Review review = reviews.get(staff, id);
		ReviewDeadlines.Deadlines deadlines = reviews.deadlines(staff);
		return new Case(ReviewState.of(review, clock.instant(), deadlines), consultations.viewAsStaff(staff, id),
				deadlines.target(review.aiDisposition()));
	}

	@PostMapping("/api/v1/review/{consultationId}/claim")
	@Operation(summary = "Take the case (409 with the holder if someone else has it)",
			security = @SecurityRequirement(name = "bearer"))
	ReviewState claim(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID consultationId) {
		return ReviewState.of(reviews.claim(staff, new ConsultationId(consultationId)), clock.instant(),
				reviews.deadlines(staff));
	}

	@PostMapping("/api/v1/review/{consultationId}/release")
	@Operation(summary = "Put the case back in the queue", security = @SecurityRequirement(name = "bearer"))
	ReviewState release(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID consultationId) {
		return ReviewState.of(reviews.release(staff, new ConsultationId(consultationId)), clock.instant(),
				reviews.deadlines(staff));
	}

	@PostMapping("/api/v1/review/{consultationId}/second-opinion")
	@Operation(summary = "Ask a physician: the case goes back to the queue for physicians",
			security = @SecurityRequirement(name = "bearer"))
	ReviewState secondOpinion(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID consultationId,
			@RequestBody SecondOpinionRequest request) {
		return ReviewState.of(reviews.askPhysician(staff, new ConsultationId(consultationId), request.note()),
				clock.instant(), reviews.deadlines(staff));
	}

	@PostMapping("/api/v1/review/{consultationId}/decision")
	@Operation(summary = "Accept or override the AI disposition; instructions go to the patient's chat",
			security = @SecurityRequirement(name = "bearer"))
	ReviewState decide(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID consultationId,
			@RequestBody DecisionRequest request) {
		return ReviewState.of(reviews.decide(staff, new ConsultationId(consultationId),
				new ReviewService.Decision(request.disposition(), request.reasonCode(), request.note(),
						request.patientInstructions(), Boolean.TRUE.equals(request.contactedPatient()))),
				clock.instant(), reviews.deadlines(staff));
	}
}
