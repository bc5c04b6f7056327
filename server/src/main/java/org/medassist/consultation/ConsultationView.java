package org.medassist.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * A consultation as its patient sees it: enough to resume on any device.
 *
 * @param question the question waiting for an answer, if any
 * @param assessment the engine's preliminary assessment, once the interview is over (AI-made content)
 * @param engineVersion the triage engine (and knowledge base) version conducting it
 */
public record ConsultationView(UUID id, String clinic, ConsultationStatus status, String language,
		ConsentView consent, List<MessageView> messages, QuestionView question, Disposition disposition,
		Assessment assessment, String engineVersion, Instant createdAt) {

	/**
	 * @param version the version of the consent statement shown
	 * @param given whether the patient accepted it
	 */
	public record ConsentView(String version, boolean given, Instant givenAt) {
	}
}
