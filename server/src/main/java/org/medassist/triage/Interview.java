package org.medassist.triage;

import java.util.List;

/**
 * Everything the engine may know about a consultation so far. The engine is a function of the interview: the
 * same interview always gives the same next step, which is what lets an interrupted turn be replayed after a
 * crash.
 *
 * @param language the patient's language (BCP 47, e.g. {@code en})
 * @param emergencyNumber the clinic's emergency number, quoted in safety advice
 * @param exchanges the questions asked and the patient's answers, oldest first
 */
public record Interview(String language, String emergencyNumber, List<Exchange> exchanges) {

	public Interview {
		exchanges = List.copyOf(exchanges);
	}

	/**
	 * One answer from the patient.
	 *
	 * @param question the question it answers ({@code null} if the patient wrote unprompted)
	 */
	public record Exchange(Question question, String answer) {
	}
}
