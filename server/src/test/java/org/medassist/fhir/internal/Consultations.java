package org.medassist.fhir.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.medassist.consultation.ConsultationStatus;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.MessageView;
import org.medassist.consultation.MessageView.MessageAuthor;
import org.medassist.consultation.MessageView.MessageKind;
import org.medassist.review.ReviewOutcome;
import org.medassist.triage.Assessment;
import org.medassist.triage.Assessment.Citation;
import org.medassist.triage.Assessment.FindingNote;
import org.medassist.triage.Assessment.Reason;
import org.medassist.triage.Assessment.RedFlagHit;
import org.medassist.triage.Disposition;

/** Synthetic consultations for the mapping tests: one patient story per disposition. */
final class Consultations {

	static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

	static final UUID NURSE = UUID.fromString("11111111-2222-3333-4444-555555555555");

	private Consultations() {
	}

	/** A consultation whose interview ended with the given disposition, with its findings and reasons. */
	static ConsultationView completed(Disposition disposition, ConsultationStatus status) {
		UUID id = UUID.nameUUIDFromBytes(("case-" + disposition + status).getBytes());
		List<MessageView> messages = new ArrayList<>();
		String opening = switch (disposition) {
			case EMERGENCY -> "I'm 58 and I've had crushing chest pain for 30 minutes, sweating";
			case URGENT -> "I have had a fever of 39 and a cough for three days";
			case ROUTINE -> "My lower back has hurt for two weeks";
			case SELF_CARE -> "I have a sore throat & a runny nose <since yesterday>";
		};
		messages.add(message(1, MessageAuthor.ASSISTANT, MessageKind.TEXT, "What brings you here today?", null));
		messages.add(message(2, MessageAuthor.PATIENT, MessageKind.TEXT, opening, null));
		messages.add(message(3, MessageAuthor.ASSISTANT, MessageKind.QUESTION, "Are you short of breath?",
				"shortness_of_breath"));
		messages.add(message(4, MessageAuthor.PATIENT, MessageKind.TEXT, "No", "shortness_of_breath"));
		messages.add(message(5, MessageAuthor.ASSISTANT, MessageKind.QUESTION, "Have you been vomiting?", "vomiting"));
		messages.add(message(6, MessageAuthor.PATIENT, MessageKind.TEXT, "Yes, twice", "vomiting"));
		messages.add(message(7, MessageAuthor.ASSISTANT, MessageKind.OUTCOME, "A nurse will review your answers.", null));
		Citation source = new Citation("NHS: " + disposition.name().toLowerCase(),
				"https://www.nhs.uk/conditions/" + disposition.name().toLowerCase() + "/");
		List<RedFlagHit> flags = disposition == Disposition.EMERGENCY
				? List.of(new RedFlagHit("chest-pain-heart-attack-features", "Chest pain with sweating",
						Disposition.EMERGENCY, "Call the emergency number now.", source))
				: List.of();
		List<FindingNote> present = new ArrayList<>(List.of(new FindingNote("vomiting", "vomiting")));
		present.add(switch (disposition) {
			case EMERGENCY -> new FindingNote("chest_pain", "chest pain, pressure or tightness");
			case URGENT -> new FindingNote("fever", "fever or high temperature");
			case ROUTINE -> new FindingNote("back_pain", "back pain");
			case SELF_CARE -> new FindingNote("sore_throat", "sore throat");
		});
		Assessment assessment = new Assessment(disposition, flags, present,
				List.of(new FindingNote("shortness_of_breath", "shortness of breath")),
				List.of(new FindingNote("fainting", "fainting or collapse")),
				List.of(new Reason("rule-" + disposition.name().toLowerCase(), disposition,
						"The protocol's level for this complaint is " + disposition + ".", source)),
				List.of("Whether the pain spreads to the arm was not asked."), List.of(), List.of(),
				List.of("protocol-" + disposition.name().toLowerCase()), List.of("age 58"), "engine/2.1", "kb/2026.11");
		return new ConsultationView(id, "demo", status, "en", new ConsultationView.ConsentView("v1", true, START),
				messages, null, disposition, assessment, "engine/2.1", START);
	}

	static ReviewOutcome decided(Disposition ai, Disposition human) {
		boolean override = ai != human;
		return new ReviewOutcome("DECIDED", ai, human, override ? "RED_FLAG_NOT_CONFIRMED" : null,
				override ? "Red flag not confirmed" : null, override ? "Spoke to the patient by phone." : null, NURSE,
				"nurse", START.plusSeconds(300), START.plusSeconds(900));
	}

	static ReviewOutcome queued(Disposition ai) {
		return new ReviewOutcome("QUEUED", ai, null, null, null, null, null, null, START.plusSeconds(300), null);
	}

	private static MessageView message(int seq, MessageAuthor author, MessageKind kind, String text, String question) {
		return new MessageView(UUID.nameUUIDFromBytes(("m" + seq + text).getBytes()), seq, author, kind, text,
				author == MessageAuthor.ASSISTANT, question, List.of(), null,
				author == MessageAuthor.PATIENT ? UUID.randomUUID() : null, START.plusSeconds(seq * 10L));
	}
}
