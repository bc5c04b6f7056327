package org.medassist.triage;

import java.util.List;

/** What the engine does next: ask another question, or conclude. */
public sealed interface InterviewStep {

	/**
	 * Ask a question.
	 *
	 * @param statements what to say before the question (acknowledgements, safety advice), possibly none
	 */
	record Ask(List<String> statements, Question question) implements InterviewStep {

		public Ask {
			statements = List.copyOf(statements);
		}
	}

	/**
	 * End the interview.
	 *
	 * @param escalated an emergency was found and the patient has been told what to do now
	 * @param disposition the engine's disposition; {@code null} when the engine gives none (the nurse decides)
	 * @param messages what to tell the patient
	 * @param assessment the preliminary assessment for the nurse ({@code null} when the engine makes none)
	 */
	record Conclude(boolean escalated, Disposition disposition, List<String> messages, Assessment assessment)
			implements InterviewStep {

		public Conclude {
			messages = List.copyOf(messages);
			if (escalated && disposition != Disposition.EMERGENCY) {
				throw new IllegalArgumentException("an escalation is an emergency");
			}
		}
	}
}
