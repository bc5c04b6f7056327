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
}
