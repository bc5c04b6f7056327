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
 * @param record what the patient's EHR record says ({@link PatientRecord#NONE} when the case is not linked); part
 *        of the interview, stored with the consultation, so that a replayed turn gives the same step
 */
public record Interview(String language, String emergencyNumber, List<Exchange> exchanges, PatientRecord record) {

	public Interview {
		exchanges = List.copyOf(exchanges);
		record = record == null ? PatientRecord.NONE : record;
	}

	public Interview(String language, String emergencyNumber, List<Exchange> exchanges) {
		this(language, emergencyNumber, exchanges, PatientRecord.NONE);
	}

	/**
	 * One answer from the patient.
	 *
	 * @param question the question it answers ({@code null} if the patient wrote unprompted)
	 */
	public record Exchange(Question question, String answer) {
	}
}
