package org.medassist.triage.internal.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.bundledEngine;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

/**
 * Openings that tell the background first (age, conditions, medicines) and the problem later: the problem is
 * asked for before what the background alone could mean.
 */
class BackgroundOpeningTest {

	private static Interviewer.Decision first(String opening) {
		return bundledEngine().next(List.of(new Interviewer.Turn(Interviewer.OPENING, opening)), "911");
	}

	@Test
	void aDiabeticsBackgroundIsFollowedByTheMainProblemNotByHypoQuestions() {
		Interviewer.Decision d = first("I'm 58 and have type 2 diabetes, I take metformin and a statin.");

		assertThat(d).isInstanceOfSatisfying(Interviewer.Ask.class, ask -> {
			assertThat(ask.questionId()).isEqualTo(Interviewer.REPHRASE);
			assertThat(ask.text()).contains("main problem today");
		});
	}

	@Test
	void theProblemToldNextIsTriagedWithTheBackground() {
		var run = consult("I'm 58 and have type 2 diabetes, I take metformin and a statin.", Interviewer.REPHRASE,
				"About an hour ago I got really bad indigestion that Gaviscon hasn't touched, now my jaw aches and I'm clammy.");

		assertThat(run.asked()).startsWith(Interviewer.REPHRASE);
		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void twoSignsOfADiabeticEmergencyAreStillFollowedUpAtOnce() {
		// Shaky and sweaty in a diabetic are a hypo's warning signs (NHS): its questions come first, not a request
		// for the main problem.
		Interviewer.Decision d = first("I'm diabetic and I feel shaky and sweaty.");

		assertThat(d).isInstanceOfSatisfying(Interviewer.Ask.class,
				ask -> assertThat(ask.questionId()).isNotEqualTo(Interviewer.REPHRASE));
		assertThat(consult("I'm diabetic and I feel shaky and sweaty.", "finding:confusion", "yes").assessment()
			.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aBackgroundWithAnEmergencySaidInTheSameMessageConcludesAtOnce() {
		var run = consult("I'm 70, I have high blood pressure and take amlodipine. My face has dropped on one side and my words are slurred.");

		assertThat(run.asked()).isEmpty();
		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(run.assessment())).isNotEmpty();
	}

	@Test
	void theMainProblemIsAskedInThePatientsLanguage() {
		Interviewer.Decision d = bundledEngine().next(
				List.of(new Interviewer.Turn(Interviewer.OPENING, "Tengo 58 años y diabetes tipo 2, tomo metformina.")),
				"911", "es");

		assertThat(d).isInstanceOfSatisfying(Interviewer.Ask.class, ask -> {
			assertThat(ask.questionId()).isEqualTo(Interviewer.REPHRASE);
			assertThat(ask.text()).contains("problema principal hoy");
		});
	}

	@Test
	void aCarerIsAskedAboutThePatientNotAboutThemself() {
		var run = consult("My husband is 67.", Interviewer.REPHRASE, "I'm not sure.");
		Interviewer.Decision d = bundledEngine().next(List.of(new Interviewer.Turn(Interviewer.OPENING, "My husband is 67."),
				new Interviewer.Turn(Interviewer.REPHRASE, "I don't know how to say it")), "911");

		assertThat(run.asked()).contains("finding:chest_pain");
		assertThat(d).isInstanceOfSatisfying(Interviewer.Ask.class, ask -> {
			assertThat(ask.questionId()).isEqualTo("finding:chest_pain");
			assertThat(ask.text()).startsWith("Does he have any pain").contains("in his chest");
		});
	}
}
