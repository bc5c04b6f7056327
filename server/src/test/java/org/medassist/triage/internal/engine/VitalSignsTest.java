package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.bundledEngine;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;
import static org.medassist.triage.internal.engine.EngineConsultations.disposition;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medassist.triage.Disposition;

/**
 * Vital signs (red-flags/vitals.yaml): a reading at the NICE sepsis high-risk level for the age, a low oxygen level,
 * very high or low blood pressure raise the disposition, whoever reports it (a clinician's note or a home
 * monitor); normal readings beside a minor illness change nothing; the readings question is asked only when
 * readings are likely. Real knowledge base and the bundled embedding model, as in production.
 */
class VitalSignsTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			A 67-year-old woman presents with cough and fever for 2 days. HR 112, RR 28, BP 118/70, SpO2 95%.           | rf-vital-very-fast-breathing
			72 yo M c/o feeling shivery and unwell since yesterday. Obs: temp 38.6, pulse 134, BP 124/80.               | rf-vital-very-fast-or-slow-pulse
			An 80-year-old man with a urine infection, BP 84/50, HR 98.                                               | rf-vital-low-blood-pressure
			I've had covid for 5 days and I'm more breathless. My oxygen is 89 on the finger monitor. I'm 58.          | rf-vital-low-oxygen
			My blood pressure is 210 over 125 and I've got a pounding headache. I'm 61.                               | rf-vital-very-high-bp-symptoms
			A 9-month-old boy with fever and cough, RR 64, SpO2 96%.                                                  | rf-vital-very-fast-breathing
			3 y/o F with fever and cough for 2 days. RR 44, HR 120.                                                  | rf-vital-very-fast-breathing
			I'm 32 and 30 weeks pregnant. The midwife found my blood pressure was 166/112 today.                       | rf-vital-severe-bp-pregnancy
			""")
	void aDangerousReadingIsAnEmergency(String opening, String flag) {
		Interviewer.Conclude c = consult(opening).conclusion();
		assertThat(c.assessment().disposition()).as(opening).isEqualTo(Disposition.EMERGENCY);
		assertThat(c.assessment().reasons()).as(opening).anySatisfy(r -> assertThat(r.rule()).isEqualTo(flag));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			My pulse oximeter says 94% since this morning. I've had a chesty cough for 4 days. I'm 49.                | rf-vital-borderline-oxygen
			I checked my blood pressure at the pharmacy and it was 186/122. I'm 57.                                   | rf-vital-very-high-bp
			A 2-year-old girl with a runny nose and fever for a day. RR 44, HR 130, SpO2 97%.                         | rf-vital-fast-breathing-child
			A 45-year-old man with a red swollen leg for 2 days. T 38.3, HR 104, RR 22, BP 128/80.                    | rf-vital-two-moderate-signs
			A 27-year-old woman who is 30 weeks pregnant. Her midwife found a BP of 148/96. No headache.              | rf-vital-high-bp-pregnancy
			""")
	void aWorryingReadingIsSeenTheSameDay(String opening, String flag) {
		Interviewer.Conclude c = consult(opening, "finding:chest_pain", "no", "finding:shortness_of_breath", "no",
				"finding:headache", "no", "finding:vision_loss", "no", "finding:confusion", "no",
				"finding:severe_breathing_difficulty", "no", "finding:preeclampsia_symptoms", "no").conclusion();
		assertThat(c.assessment().disposition()).as(opening).isEqualTo(Disposition.URGENT);
		assertThat(c.assessment().reasons()).as(opening).anySatisfy(r -> assertThat(r.rule()).isEqualTo(flag));
	}

	/**
	 * A COPD patient whose doctor set a lower target (88-92%) is seen the same day at that level, not sent to the
	 * emergency department for it alone; below 88%, or without that statement, it stays an emergency.
	 */
	@Test
	void anOxygenLevelTheyCallUsualIsSameDayButNotBelow88() {
		String breathless = "I've got COPD and I'm 71 and a bit more wheezy than usual for 2 days. ";
		Interviewer.Conclude usual = consult(breathless + "My sats are 90% and my sats are usually around 90.",
				"finding:chest_pain", "no", "finding:severe_breathing_difficulty", "no", "finding:confusion", "no",
				"finding:mottled_skin", "no").conclusion();
		assertThat(usual.assessment().disposition()).isEqualTo(Disposition.URGENT);
		assertThat(usual.assessment().reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("rf-vital-oxygen-at-usual-low"))
				.noneSatisfy(r -> assertThat(r.rule()).isEqualTo("rf-vital-low-oxygen"));

		assertThat(consult(breathless + "My sats are 86% and my sats are usually around 90.").assessment().reasons())
				.anySatisfy(r -> assertThat(r.rule()).isEqualTo("rf-vital-low-oxygen"));
		assertThat(consult(breathless + "My sats are 90%.").assessment().reasons())
				.anySatisfy(r -> assertThat(r.rule()).isEqualTo("rf-vital-low-oxygen"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			A 24-year-old woman with a runny nose, sore throat and sneezing for 2 days.                   | T 37.4, HR 88, BP 128/82, SpO2 98% on room air.
			4 yo M with runny nose and mild cough x 3/7, eating and drinking normally.                     | T 37.8, HR 110, RR 24, SpO2 98%.
			A 31-year-old man with low back pain after lifting boxes 2 days ago, no leg weakness or numbness. | Obs normal: HR 80, BP 130/84, RR 14.
			I've got a cold with a blocked nose and a bit of a cough, I'm 36.                              | My oximeter says 97% and my pulse is 82.
			""")
	void normalReadingsChangeNothing(String complaint, String readings) {
		assertThat(disposition(complaint + " " + readings)).as(readings).isEqualTo(disposition(complaint));
	}

	@Test
	void aSlightlyRaisedReadingWithNothingElseIsForTheGp() {
		assertThat(disposition("I've been checking my blood pressure at home and it's been around 152/96 most days. I feel well. I'm 52."))
			.isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void theReadingsQuestionIsAskedOnlyWhenReadingsAreLikelyAndItsAnswerCounts() {
		Interviewer engine = bundledEngine();
		// A clinician's note: the readings are asked for first, and a low oxygen level in the answer is an emergency.
		List<Interviewer.Turn> turns = new ArrayList<>();
		turns.add(new Interviewer.Turn(Interviewer.OPENING, "A 70-year-old man presents with a cough and fever for 3 days."));
		Interviewer.Decision d = engine.next(turns, "911");
		List<String> asked = new ArrayList<>();
		for (int i = 0; i < 30 && d instanceof Interviewer.Ask ask; i++) {
			asked.add(ask.questionId());
			turns.add(new Interviewer.Turn(ask.questionId(),
					ask.questionId().equals("measure:oxygen_saturation") ? "SpO2 90% on air, HR 100" : "I'm not sure"));
			d = engine.next(turns, "911");
		}
		assertThat(asked).contains("measure:oxygen_saturation");
		assertThat(((Interviewer.Conclude) d).assessment().disposition()).isEqualTo(Disposition.EMERGENCY);

		// A patient with a sore throat is not asked for readings they almost never have.
		List<Interviewer.Turn> sore = new ArrayList<>();
		sore.add(new Interviewer.Turn(Interviewer.OPENING, "I've had a sore throat for two days and I'm 25."));
		Interviewer.Decision s = engine.next(sore, "911");
		for (int i = 0; i < 30 && s instanceof Interviewer.Ask ask; i++) {
			assertThat(ask.questionId()).isNotEqualTo("measure:oxygen_saturation");
			sore.add(new Interviewer.Turn(ask.questionId(), "I'm not sure"));
			s = engine.next(sore, "911");
		}
	}
}
