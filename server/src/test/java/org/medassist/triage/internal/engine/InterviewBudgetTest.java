package org.medassist.triage.internal.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question budget over the bundled knowledge base (phrases only): the emergency screens of the active protocols
 * come first, and the questions that decide a same-day or GP outcome are still reached after them, within a bounded
 * number of questions.
 */
class InterviewBudgetTest {

	private final Interviewer engine = new Interviewer(SpanishInterviewTest.KB, null, 0.8);

	/** The questions asked, each answered "I'm not sure" unless given (by question id); the last decision at the end. */
	private EngineConsultations.Run consult(String opening, String... answers) {
		return EngineConsultations.run(engine, opening, answers);
	}

	@Test
	void heartburnScreenedForEmergenciesStillAsksAboutTroubleSwallowing() {
		EngineConsultations.Run c = consult("I keep getting heartburn. I'm 58.", "finding:difficulty_swallowing",
				"yes, food gets stuck");

		assertThat(c.asked()).contains("finding:difficulty_swallowing");
		assertThat(c.assessment().disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void beyondTheMainBudgetOnlyTheProtocolsOwnSameDayOrGpQuestionsAreAsked() {
		String opening = "My 6-year-old has tummy pain and is being sick. It started this morning.";
		EngineConsultations.Run c = consult(opening);

		// The emergency screens of two protocols spend the main budget; the same-day questions come after them.
		assertThat(c.asked()).hasSizeGreaterThan(Interviewer.MAX_QUESTIONS)
			.contains("finding:pain_lower_right_tummy", "finding:not_drinking");
		assertThat(c.asked().subList(Interviewer.MAX_QUESTIONS, c.asked().size()))
			.allSatisfy(q -> assertThat(q).isIn("finding:nausea", "finding:pain_lower_right_tummy",
					"finding:not_drinking", "finding:reduced_urine"));
		// No emergency is partly met here: the bound is the lower-level one.
		assertThat(c.asked().size()).isLessThanOrEqualTo(Interviewer.MAX_QUESTIONS_FOR_A_LOWER_LEVEL);
		assertThat(c.end()).isInstanceOf(Interviewer.Conclude.class);

		EngineConsultations.Run dry = consult(opening, "finding:not_drinking", "yes, she won't drink anything");
		assertThat(dry.assessment().disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void everyAnswerNotSureStaysBounded() {
		for (String opening : List.of("sore throat, fever, chest pain, headache, tummy pain and a rash",
				"My baby is unwell, vomiting with a rash and a cough")) {
			EngineConsultations.Run c = consult(opening);
			assertThat(c.end()).isInstanceOf(Interviewer.Conclude.class);
			assertThat(c.asked().size()).isLessThanOrEqualTo(Interviewer.MAX_QUESTIONS_IN_ALL);
		}
	}
}
