package org.medassist.triage;

/**
 * Conducts the interview. Implementations are deterministic and side-effect free; the consultation module
 * stores what they say.
 */
public interface TriageEngine {

	/** Identifies the engine and its knowledge base; recorded on every consultation. */
	String version();

	/** The next step for this interview: the opening question when it has no exchanges. */
	InterviewStep next(Interview interview);

	/**
	 * The assessment of an interview that is over, with what is known now (for example after the patient's record
	 * was read): no question is asked. Empty when this engine makes no assessments.
	 */
	default java.util.Optional<Assessment> reassess(Interview interview) {
		return java.util.Optional.empty();
	}
}
