package org.medassist.consultation;

import java.util.List;

import org.medassist.triage.Disposition;

/**
 * The answer to one patient action: the assistant's new messages, the next question ({@code null} when the
 * interview is over) and, when the engine gave one, the disposition. A retried message gets the same view.
 */
public record TurnView(ConsultationStatus status, List<MessageView> messages, QuestionView question,
		Disposition disposition) {
}
