package org.medassist.consultation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.medassist.consultation.ClientMessageIdReused;
import org.medassist.consultation.ConsultationAbandoned;
import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationCompleted;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationNotFound;
import org.medassist.consultation.ConsultationReassessed;
import org.medassist.consultation.ConsultationReviewed;
import org.medassist.consultation.RecordApplied;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.ConsultationViewed;
import org.medassist.consultation.Consultations;
import org.medassist.consultation.InvalidConsultationRequest;
import org.medassist.consultation.MessageView;
import org.medassist.consultation.MessageView.MessageAuthor;
import org.medassist.consultation.MessageView.MessageKind;
import org.medassist.consultation.PatientMessage;
import org.medassist.consultation.QuestionView;
import org.medassist.consultation.StartedConsultation;
import org.medassist.consultation.TurnListener;
import org.medassist.consultation.TurnView;
import org.medassist.identity.Clinic;
import org.medassist.identity.ClinicId;
import org.medassist.identity.ClinicNotFound;
import org.medassist.identity.Clinics;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.platform.MedAssistException;
import org.medassist.platform.Problems;
import org.medassist.triage.AssessmentCitations;
import org.medassist.triage.Disposition;
import org.medassist.triage.Interview;
import org.medassist.triage.PatientRecord;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.Question;
import org.medassist.triage.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs consultations. Each turn is two transactions under the consultation's row lock: the first stores the
 * patient's message (and is committed before anything is said about it), the second produces and stores the
 * reply. Any patient message left without a reply (the process died between the two) is answered, in order,
 * by the next transaction that takes the lock, so a crash delays a reply but never loses a message.
 */
@Service
class ConsultationService implements Consultations {

	private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);

	/** Log context key: every log line about a consultation carries its id (never its content). */
	static final String MDC_CONSULTATION = "consultation_id";

	private final ConsultationRepository repository;
	private final Clinics clinics;
	private final TriageEngine engine;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final MessageSource texts;
	private final ConsultationProperties properties;
	private final Clock clock;
	private final AssessmentCitations citations;
	private final GuidanceAnswers guidance;

	ConsultationService(ConsultationRepository repository, Clinics clinics, TriageEngine engine,
			TransactionTemplate tx, ApplicationEventPublisher events, MessageSource texts,
			ConsultationProperties properties, Clock clock, AssessmentCitations citations, GuidanceAnswers guidance) {
		this.citations = citations;
		this.guidance = guidance;
		this.repository = repository;
		this.clinics = clinics;
		this.engine = engine;
		this.tx = tx;
		this.events = events;
		this.texts = texts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public StartedConsultation start(String clinicSlug, String language) {
		if (clinicSlug == null || clinicSlug.isBlank()) {
			throw new InvalidConsultationRequest("invalid-clinic", "'clinic' is required.");
		}
		Clinic clinic = clinics.findBySlug(clinicSlug).orElseThrow(() -> new ClinicNotFound(clinicSlug));
		String lang = supportedLanguage(language);
		AccessToken token = AccessToken.generate();
		Instant now = clock.instant();
		Consultation consultation = Consultation.start(clinic.id(), lang, engine.version(), now);
		MDC.put(MDC_CONSULTATION, consultation.id().toString());
		ConsultationView view = Tenancy.callAs(clinic.id(), () -> tx.execute(status -> {
			repository.insert(consultation, token.hash());
			say(consultation, MessageKind.TEXT, text("welcome", lang, clinic), null, now);
			say(consultation, MessageKind.CONSENT, text("consent", lang, clinic), null, now);
			return readView(consultation.id(), clinic);
		}));
		log.info("Consultation {} started", consultation.id());
		return new StartedConsultation(view, token.value(), new ConsultationAccess(consultation.id(), clinic.id()));
	}

	@Override
	public ConsultationView view(ConsultationAccess access, ConsultationId id) {
		MDC.put(MDC_CONSULTATION, id.toString());
		access.check(id);
		return Tenancy.callAs(access.clinicId(), () -> viewInClinic(access, id));
	}

	@Override
	public ConsultationView viewAsStaff(StaffMember staff, ConsultationId id) {
		MDC.put(MDC_CONSULTATION, id.toString());
		Clinic clinic = clinics.get(staff.clinicId());
		// Row-level security hides other clinics' consultations: they are not found, never forbidden.
		ConsultationView view = Tenancy.callAs(staff.clinicId(),
				() -> tx.execute(status -> readView(id, clinic)));
		events.publishEvent(new ConsultationViewed(id, staff.clinicId(), staff.userId(), staff.role(),
				clock.instant()));
		return view;
	}

	private ConsultationView viewInClinic(ConsultationAccess access, ConsultationId id) {
		if (!tx.execute(status -> repository.unanswered(id)).isEmpty()) {
			try {
				tx.executeWithoutResult(status -> answerUnanswered(locked(id), clinics.get(access.clinicId())));
			}
			catch (RuntimeException e) {
				// The transcript is still whole; the reply is produced on the next attempt.
				log.error("Could not complete an interrupted turn of consultation {}: {}", id,
						Problems.describeWithoutMessages(e));
			}
		}
		Clinic clinic = clinics.get(access.clinicId());
		return tx.execute(status -> readView(id, clinic));
	}

	@Override
	public TurnView consent(ConsultationAccess access, ConsultationId id, boolean accepted) {
		MDC.put(MDC_CONSULTATION, id.toString());
		access.check(id);
		Clinic clinic = clinics.get(access.clinicId());
		return Tenancy.callAs(access.clinicId(), () -> tx.execute(status -> {
			Consultation consultation = locked(id);
			if (consultation.consentGiven()) {
				return new TurnView(consultation.status(), List.of(), pendingQuestion(id).orElse(null),
						consultation.disposition());
			}
			Instant now = clock.instant();
			if (!accepted) {
				consultation.declineConsent(properties.consentVersion(), now);
				repository.update(consultation);
				MessageView notice = say(consultation, MessageKind.NOTICE,
						text("consent.declined", consultation.language(), clinic), null, now);
				events.publishEvent(new ConsultationAbandoned(id, consultation.clinicId(),
						ConsultationAbandoned.Reason.CONSENT_DECLINED));
				return new TurnView(consultation.status(), List.of(notice), null, null);
			}
			consultation.giveConsent(properties.consentVersion(), now);
			List<MessageView> replies = apply(consultation, engine.next(interview(consultation, clinic, List.of())),
					null, now);
			repository.update(consultation);
			return turnView(consultation.status(), consultation, replies);
		}));
	}

	@Override
	public TurnView receive(ConsultationAccess access, ConsultationId id, PatientMessage message,
			TurnListener listener) {
		MDC.put(MDC_CONSULTATION, id.toString());
		access.check(id);
		return Tenancy.callAs(access.clinicId(), () -> receiveInClinic(access, id, message, listener));
	}

	private TurnView receiveInClinic(ConsultationAccess access, ConsultationId id, PatientMessage message,
			TurnListener listener) {
		PatientText text = PatientText.of(message.text(), properties.maxMessageLength());
		UUID clientMessageId = message.clientMessageId();
		if (clientMessageId == null) {
			throw new InvalidConsultationRequest("invalid-client-message-id",
					"'clientMessageId' is required: a UUID chosen by the client and sent again on retries.");
		}
		Clinic clinic = clinics.get(access.clinicId());

		// Returns the stored message, or the refusal to throw once the transaction has committed (so that the
		// answer to an interrupted turn, produced on the way, is kept even when this message is refused).
		Object intake = tx.execute(status -> {
			Consultation consultation = locked(id);
			Optional<MessageView> earlier = repository.findByClientMessageId(id, clientMessageId);
			if (earlier.isPresent()) {
				return earlier.get().text().equals(text.value()) ? earlier.get() : new ClientMessageIdReused();
			}
			// A turn interrupted by a crash (or still in flight on another thread) is finished first, so the
			// transcript stays in order.
			answerUnanswered(consultation, clinic);
			try {
				consultation.requireAcceptingMessages();
			}
			catch (MedAssistException refusal) {
				return refusal;
			}
			Instant now = clock.instant();
			String answers = pendingQuestion(id).map(QuestionView::id).orElse(null);
			MessageView patientMessage = repository.append(consultation, MessageAuthor.PATIENT, MessageKind.TEXT,
					text.value(), clientMessageId, null, answers, null, now);
			consultation.patientWrote(now);
			repository.update(consultation);
			return patientMessage;
		});
		if (intake instanceof MedAssistException refusal) {
			throw refusal;
		}
		MessageView stored = (MessageView) intake;
		listener.acknowledged(stored);

		return tx.execute(status -> {
			Optional<ConsultationRepository.Turn> done = repository.findTurn(stored.id());
			if (done.isEmpty()) {
				listener.replying();
				answerUnanswered(locked(id), clinic);
				done = repository.findTurn(stored.id());
			}
			ConsultationRepository.Turn turn = done.orElseThrow();
			List<MessageView> replies = repository.repliesTo(stored.id());
			QuestionView question = replies.stream()
				.filter(m -> m.kind() == MessageKind.QUESTION)
				.reduce((first, second) -> second)
				.map(ConsultationService::question)
				.orElse(null);
			return new TurnView(turn.statusAfter(), replies, question, turn.disposition());
		});
	}

	@Override
	public void reviewStarted(ClinicId clinic, ConsultationId id) {
		inReview(clinic, id, Consultation::startReview);
	}

	@Override
	public void reviewReleased(ClinicId clinic, ConsultationId id) {
		inReview(clinic, id, Consultation::returnToQueue);
	}

	@Override
	public void reviewed(ClinicId clinic, ConsultationId id, String patientInstructions) {
		Instant now = clock.instant();
		inReview(clinic, id, consultation -> {
			consultation.completeReview(now);
			if (patientInstructions != null && !patientInstructions.isBlank()) {
				repository.append(consultation, MessageAuthor.STAFF, MessageKind.INSTRUCTION, patientInstructions.strip(),
						null, null, null, null, now);
			}
			events.publishEvent(new ConsultationReviewed(id, clinic));
		});
	}

	@Override
	public RecordApplied applyPatientRecord(ClinicId clinic, ConsultationId id, PatientRecord record, UUID readBy) {
		MDC.put(MDC_CONSULTATION, id.toString());
		Instant now = clock.instant();
		return Tenancy.callAs(clinic, () -> tx.execute(status -> {
			Consultation consultation = locked(id);
			repository.storeRecord(clinic, id, record, readBy, now);
			Disposition before = consultation.disposition();
			if (consultation.status().acceptsPatientMessages()) {
				return new RecordApplied("USED_BY_INTERVIEW", before, before);
			}
			if (!consultation.awaitingReview()) {
				return new RecordApplied("STORED", before, before);
			}
			List<MessageView> transcript = repository.transcript(id);
			Optional<org.medassist.triage.Assessment> reassessed = engine.reassess(
					interview(consultation, clinics.get(clinic), upTo(transcript, Integer.MAX_VALUE), record));
			if (reassessed.isEmpty()) {
				return new RecordApplied("STORED", before, before);
			}
			org.medassist.triage.Assessment assessment = reassessed.get();
			boolean raised = consultation.raise(assessment.disposition());
			if (raised) {
				repository.update(consultation);
				repository.storeAssessment(clinic, id, cited(assessment));
			}
			else if (assessment.disposition() == before) {
				// Same level: the assessment now says what the record added (the nurse sees it, the export carries it).
				repository.storeAssessment(clinic, id, cited(assessment));
			}
			List<String> rules = assessment.reasons().stream().map(org.medassist.triage.Assessment.Reason::rule)
				.filter(r -> r.startsWith("ehr-record:")).map(r -> r.substring("ehr-record:".length())).toList();
			events.publishEvent(new ConsultationReassessed(id, clinic, before, consultation.disposition(),
					raised ? rules : List.of(), readBy, now));
			log.info("Consultation {} assessed again with its EHR record: {}", id, raised ? "raised" : "unchanged");
			return new RecordApplied(raised ? "RAISED" : "UNCHANGED", before, consultation.disposition());
		}));
	}

	/** A review step on the consultation, under its row lock, in the clinic's tenancy (joining a caller's transaction). */
	private void inReview(ClinicId clinic, ConsultationId id, java.util.function.Consumer<Consultation> step) {
		Tenancy.runAs(clinic, () -> tx.executeWithoutResult(status -> {
			Consultation consultation = locked(id);
			step.accept(consultation);
			repository.update(consultation);
		}));
	}

	/** Answers every patient message without a reply, oldest first. The caller holds the row lock. */
	private void answerUnanswered(Consultation consultation, Clinic clinic) {
		List<MessageView> pending = repository.unanswered(consultation.id());
		if (pending.isEmpty()) {
			return;
		}
		for (MessageView patientMessage : pending) {
			Instant now = clock.instant();
			if (consultation.status().acceptsPatientMessages()) {
				List<MessageView> transcript = repository.transcript(consultation.id());
				Interview interview = interview(consultation, clinic, upTo(transcript, patientMessage.seq()));
				InterviewStep step = engine.next(interview);
				// The patient's own question is answered from the guidance; the engine reads the message as usual.
				// An emergency's instructions stand alone.
				boolean emergency = step instanceof InterviewStep.Conclude c && c.escalated();
				if (!emergency && GuidanceAnswers.isQuestion(patientMessage.text(), optionsOf(transcript, patientMessage))) {
					guidance.answer(patientMessage.text(), consultation.clinicId(), consultation.language())
						.forEach(a -> say(consultation, MessageKind.GUIDANCE, a, patientMessage.id(), now));
				}
				apply(consultation, step, patientMessage.id(), now);
			}
			else {
				say(consultation, MessageKind.NOTICE, text("late-message", consultation.language(), clinic),
						patientMessage.id(), now);
			}
			repository.insertTurn(consultation, patientMessage.id(), now);
		}
		repository.update(consultation);
	}

	/** Stores what the engine said and moves the consultation on. */
	private List<MessageView> apply(Consultation consultation, InterviewStep step, UUID inReplyTo, Instant now) {
		List<MessageView> replies = new ArrayList<>();
		if (step instanceof InterviewStep.Ask ask) {
			ask.statements().forEach(s -> replies.add(say(consultation, MessageKind.TEXT, s, inReplyTo, now)));
			Question q = ask.question();
			replies.add(repository.append(consultation, MessageAuthor.ASSISTANT, MessageKind.QUESTION, q.text(), null,
					inReplyTo, q.id(), q.options(), now));
		}
		else if (step instanceof InterviewStep.Conclude conclusion) {
			conclusion.messages().forEach(s -> replies.add(say(consultation, MessageKind.OUTCOME, s, inReplyTo, now)));
			consultation.conclude(conclusion.escalated(), conclusion.disposition(), now);
			if (conclusion.assessment() != null) {
				repository.storeAssessment(consultation.clinicId(), consultation.id(), cited(conclusion.assessment()));
			}
			events.publishEvent(new ConsultationCompleted(consultation.id(), consultation.clinicId(),
					consultation.status(), consultation.disposition()));
			log.info("Consultation {} completed as {}", consultation.id(), consultation.status());
		}
		return replies;
	}

	/**
	 * The assessment with its guideline citations. Retrieval only adds citations; if it fails, the assessment is
	 * stored without them rather than holding up the patient's outcome.
	 */
	private org.medassist.triage.Assessment cited(org.medassist.triage.Assessment assessment) {
		try {
			return citations.cite(assessment);
		}
		catch (RuntimeException e) {
			log.error("Could not cite guidance for an assessment: {}", Problems.describeWithoutMessages(e));
			return assessment;
		}
	}

	/** The quick replies offered with the question a patient message answers. */
	private static List<String> optionsOf(List<MessageView> transcript, MessageView patientMessage) {
		if (patientMessage.questionId() == null) {
			return List.of();
		}
		List<String> options = List.of();
		for (MessageView m : transcript) {
			if (m.seq() >= patientMessage.seq()) {
				break;
			}
			if (m.kind() == MessageKind.QUESTION && patientMessage.questionId().equals(m.questionId())
					&& m.options() != null) {
				options = m.options();
			}
		}
		return options;
	}

	private MessageView say(Consultation consultation, MessageKind kind, String text, UUID inReplyTo, Instant now) {
		return repository.append(consultation, MessageAuthor.ASSISTANT, kind, text, null, inReplyTo, null, null, now);
	}

	/** The interview so far, as the engine sees it: each patient answer with the question it answered. */
	private static List<Interview.Exchange> upTo(List<MessageView> transcript, int lastSeq) {
		List<Interview.Exchange> exchanges = new ArrayList<>();
		java.util.Map<String, Question> asked = new java.util.HashMap<>();
		for (MessageView m : transcript) {
			if (m.seq() > lastSeq) {
				break;
			}
			if (m.kind() == MessageKind.QUESTION) {
				asked.put(m.questionId(), new Question(m.questionId(), m.text(), m.options()));
			}
			else if (m.author() == MessageAuthor.PATIENT) {
				exchanges.add(new Interview.Exchange(m.questionId() == null ? null : asked.get(m.questionId()),
						m.text()));
			}
		}
		return exchanges;
	}

	private Interview interview(Consultation consultation, Clinic clinic, List<Interview.Exchange> exchanges) {
		return interview(consultation, clinic, exchanges, repository.findRecord(consultation.clinicId(), consultation.id()));
	}

	private Interview interview(Consultation consultation, Clinic clinic, List<Interview.Exchange> exchanges,
			PatientRecord record) {
		return new Interview(consultation.language(), clinic.emergencyNumber(), exchanges, record);
	}

	/** The question waiting for an answer: the last thing the assistant asked, if no patient message followed. */
	private Optional<QuestionView> pendingQuestion(ConsultationId id) {
		return pendingQuestion(repository.transcript(id));
	}

	private static Optional<QuestionView> pendingQuestion(List<MessageView> transcript) {
		for (int i = transcript.size() - 1; i >= 0; i--) {
			MessageView m = transcript.get(i);
			if (m.author() == MessageAuthor.PATIENT) {
				return Optional.empty();
			}
			if (m.kind() == MessageKind.QUESTION) {
				return Optional.of(question(m));
			}
		}
		return Optional.empty();
	}

	private static QuestionView question(MessageView m) {
		return new QuestionView(m.questionId(), m.text(), m.options());
	}

	private TurnView turnView(ConsultationStatus status, Consultation consultation, List<MessageView> replies) {
		QuestionView question = status.acceptsPatientMessages() ? pendingQuestion(replies).orElse(null) : null;
		return new TurnView(status, replies, question, consultation.disposition());
	}

	private ConsultationView readView(ConsultationId id, Clinic clinic) {
		Consultation c = repository.find(id).orElseThrow(() -> new ConsultationNotFound(id));
		List<MessageView> transcript = repository.transcript(id);
		QuestionView question = c.status().acceptsPatientMessages() && c.consentGiven()
				? pendingQuestion(transcript).orElse(null) : null;
		return new ConsultationView(id.value(), clinic.slug(), c.status(), c.language(),
				new ConsultationView.ConsentView(
						c.consentVersion() != null ? c.consentVersion() : properties.consentVersion(), c.consentGiven(),
						c.consentGivenAt()),
				transcript, question, c.disposition(), repository.findAssessment(id).orElse(null), c.engineVersion(),
				c.createdAt());
	}

	private Consultation locked(ConsultationId id) {
		return repository.lock(id).orElseThrow(() -> new ConsultationNotFound(id));
	}

	private String supportedLanguage(String requested) {
		if (requested == null || requested.isBlank()) {
			return properties.languages().get(0);
		}
		String normalized = requested.strip().toLowerCase(Locale.ROOT);
		if (!properties.languages().contains(normalized)) {
			throw new InvalidConsultationRequest("unsupported-language",
					"'language' must be one of " + properties.languages() + ".");
		}
		return normalized;
	}

	private String text(String key, String language, Clinic clinic) {
		return texts.getMessage(key, new Object[] { clinic.name(), clinic.emergencyNumber() },
				Locale.forLanguageTag(language));
	}
}
