package org.medassist.testing;

import java.util.List;

import org.medassist.triage.Assessment;
import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.Question;
import org.medassist.triage.Disposition;
import org.medassist.triage.TriageEngine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A fake of our own port for the consultation module's tests: three fixed questions, then the nurse, with
 * no disposition. It keeps those tests about the consultation (durability, idempotency, concurrency, errors)
 * and independent of the clinical content, which has tests of its own.
 */
public final class ScriptedTriageEngine implements TriageEngine {

	public static final List<String> QUESTIONS = List.of("main-concern", "onset", "anything-else");

	@Override
	public String version() {
		return "scripted-test-engine/1";
	}

	/** A patient message "disposition:URGENT" (etc.) ends the script with that disposition; EMERGENCY escalates. */
	public static final String DISPOSITION_PREFIX = "disposition:";

	/**
	 * A patient message "assessment:ROUTINE" (etc.) ends the script with that disposition and an assessment whose
	 * findings quote the patient's earlier answers, as a real assessment may (for tests of how it is stored).
	 */
	public static final String ASSESSMENT_PREFIX = "assessment:";

	@Override
	public InterviewStep next(Interview interview) {
		for (Interview.Exchange exchange : interview.exchanges()) {
			String answer = exchange.answer() == null ? "" : exchange.answer().strip();
			if (answer.startsWith(ASSESSMENT_PREFIX)) {
				Disposition disposition = Disposition.valueOf(answer.substring(ASSESSMENT_PREFIX.length()));
				List<Assessment.FindingNote> quoted = interview.exchanges().stream()
					.filter(e -> e.answer() != null && !e.answer().startsWith(ASSESSMENT_PREFIX))
					.map(e -> new Assessment.FindingNote("patient-said", e.answer()))
					.toList();
				return new InterviewStep.Conclude(disposition == Disposition.EMERGENCY, disposition,
						List.of("Scripted outcome: " + disposition + "."),
						new Assessment(disposition, List.of(), quoted, List.of(), List.of(), List.of(), List.of(),
								List.of(), List.of(), List.of(), List.of(), version(), "scripted-kb/1"));
			}
			if (answer.startsWith(DISPOSITION_PREFIX)) {
				Disposition disposition = Disposition.valueOf(answer.substring(DISPOSITION_PREFIX.length()));
				return new InterviewStep.Conclude(disposition == Disposition.EMERGENCY, disposition,
						List.of("Scripted outcome: " + disposition + "."), null);
			}
		}
		int answered = interview.exchanges().size();
		if (answered < QUESTIONS.size()) {
			return new InterviewStep.Ask(answered == 0 ? List.of() : List.of("Thank you."),
					new Question(QUESTIONS.get(answered), "Question " + (answered + 1) + "?",
							answered == 1 ? List.of("Today", "Earlier") : List.of()));
		}
		return new InterviewStep.Conclude(false, null,
				List.of("Thank you. The nurse will review your answers; no assessment was made by this test engine.",
						"If you feel worse, call " + interview.emergencyNumber() + " now."),
				null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TriageEngine scriptedTriageEngine() {
			return new ScriptedTriageEngine();
		}
	}
}
