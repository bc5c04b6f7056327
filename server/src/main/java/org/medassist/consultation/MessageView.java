package org.medassist.consultation;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of the transcript, as patients and staff see it.
 *
 * @param seq position in the transcript (1, 2, ...)
 * @param aiGenerated written by the automated assistant, not by a person (shown as such everywhere)
 * @param questionId the question this message asks (assistant) or answers (patient)
 * @param options suggested answers when the message is a question
 * @param inReplyTo the patient message an assistant message answers
 * @param clientMessageId the patient client's idempotency key
 */
public record MessageView(UUID id, int seq, MessageAuthor author, MessageKind kind,
		@Classification(Level.RESTRICTED) String text,
		boolean aiGenerated, String questionId, List<String> options, UUID inReplyTo, UUID clientMessageId,
		Instant createdAt) {

	public enum MessageAuthor {
		PATIENT, ASSISTANT,
		/** A member of the clinic's staff (a nurse's instructions after review): not AI-made. */
		STAFF
	}

	public enum MessageKind {
		/** Plain conversation. */
		TEXT,
		/** The assistant asks something; {@code options} may suggest answers. */
		QUESTION,
		/** The consent statement the patient must accept first. */
		CONSENT,
		/** Information about the service itself. */
		NOTICE,
		/** The end of the interview: what happens now. */
		OUTCOME,
		/** What the reviewing nurse tells the patient to do. */
		INSTRUCTION,
		/**
		 * An answer to the patient's own question: a guideline passage quoted as written with its source (retrieved,
		 * never composed), or that the nurse will see the question.
		 */
		GUIDANCE
	}
}
