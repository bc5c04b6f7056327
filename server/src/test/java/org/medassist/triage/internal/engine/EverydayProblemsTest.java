package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Everyday adult GP problems written the way short symptom-checker vignettes are: a heart attack without chest pain
 * in a woman with diabetes, sudden heart failure, gallbladder pain under the right ribs, weight loss as the main
 * problem, piles; and the look-alikes that must not be over-triaged (a tension headache that paracetamol helps, a
 * chesty cough with clear phlegm, a strained chest-wall muscle). Real knowledge base and the bundled embedding model,
 * as in production.
 */
class EverydayProblemsTest {

	@Test
	void aHeartAttackWithoutChestPainInAWomanWithDiabetesStopsAtOnce() {
		EngineConsultations.Run run = consult(
				"A 67-year-old woman has felt sick and sweaty for the last hour. She has an ache in her jaw and between her "
						+ "shoulder blades. She feels short of breath. She has type 2 diabetes.");

		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(run.assessment())).contains("rf-heart-attack-atypical");
		assertThat(run.asked()).as("stops at once").isEmpty();
	}

	@Test
	void suddenHeartFailureInTheNightIsAnEmergency() {
		Assessment a = assess("My dad is 79 and has heart failure. He woke up in the night gasping for breath. "
				+ "He has to sit bolt upright to breathe. He's coughing up pink frothy spit.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(presentIds(a)).contains("severe_breathing_difficulty", "coughing_blood");
	}

	@Test
	void gallbladderPainUnderTheRightRibsForHoursIsSeenToday() {
		Assessment a = assess("I'm 52. I've had pain under my right ribs for 10 hours since dinner. It's constant. I feel sick.",
				"finding:fever", "no", "finding:jaundice", "no", "finding:tummy_hurts_to_touch", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.protocols()).contains("abdominal-pain");
		assertThat(ruleIds(a)).contains("abdominal-pain-gallbladder");
	}

	@Test
	void painUnderTheRightRibsLateInPregnancyIsStillPreEclampsia() {
		Assessment a = assess("I'm 34 weeks pregnant and I have pain under my right ribs since this morning. I'm 29.");

		assertThat(presentIds(a)).contains("preeclampsia_symptoms", "abdominal_pain");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-pre-eclampsia-signs");
	}

	@Test
	void weightLossAsTheMainProblemGoesToTheGpNotToTheUnrecognisedScreen() {
		Assessment plain = assess("58F, unintentional weight loss of about 6 kg over 3 months. Appetite normal. No other symptoms.",
				"finding:excessive_thirst", "no", "finding:jaundice", "no", "finding:difficulty_swallowing", "no");
		assertThat(plain.protocols()).contains("unexplained-weight-loss");
		assertThat(plain.disposition()).isEqualTo(Disposition.ROUTINE);

		Assessment thirsty = assess("I've lost a lot of weight without trying over two months. I'm 31.",
				"finding:excessive_thirst", "yes");
		assertThat(thirsty.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aUsualMigraineEasedByTheUsualTabletsIsNotASideEffect() {
		Assessment a = assess("I'm 28 and I get migraines a few times a year. I've got one of my usual ones now, with zigzag lights "
				+ "before the headache. It feels exactly like my normal migraines. My usual tablets are starting to work.",
				"finding:worst_headache", "no", "finding:confusion", "no", "finding:arm_leg_weakness", "no",
				"finding:speech_difficulty", "no", "finding:vision_loss", "no", "finding:fever", "no",
				"finding:neck_stiffness", "no", "finding:head_injury", "no", "finding:pregnant", "no");

		assertThat(presentIds(a)).doesNotContain("medication_side_effect", "painkillers_not_helping");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void takingALotOfParacetamolIsStillAnOverdose() {
		Assessment a = assess("My husband has taken a lot of paracetamol. He's 40.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(presentIds(a)).contains("overdose");
	}

	@Test
	void aChestyCoughWithClearPhlegmIsNotCoughingBlood() {
		Assessment a = assess("A 29-year-old man has had a chesty cough for a week after a cold. He's bringing up a little clear "
				+ "phlegm. He has no fever and isn't short of breath. He feels fine otherwise.",
				"finding:severe_breathing_difficulty", "no", "finding:chest_recession", "no", "finding:stridor", "no",
				"finding:chest_pain", "no");

		assertThat(presentIds(a)).doesNotContain("coughing_blood");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aStrainedChestMuscleIsSeenTodayButIsNotReadAsAHeartAttack() {
		Assessment a = assess("I'm 24. I get a sharp pain on the left of my chest when I press on one spot. It started after I "
				+ "moved furniture yesterday. It's worse when I twist. I'm not short of breath.");

		assertThat(presentIds(a)).doesNotContain("pain_spreading_arm_jaw");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void pilesAreSelfCareUnlessTheyDoNotSettle() {
		assertThat(assess("I've got piles again, an itchy lump at my bottom since Monday. No bleeding. I'm 45.",
				"finding:heavy_rectal_bleeding", "no", "finding:lump_red_hot_painful", "no", "finding:fever", "no",
				"measure:duration_days", "3 days").disposition())
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(assess("My haemorrhoids have been sore for two weeks despite cream from the pharmacy. I'm 50.",
				"finding:heavy_rectal_bleeding", "no", "finding:lump_red_hot_painful", "no", "finding:fever", "no").disposition())
			.isEqualTo(Disposition.ROUTINE);
		assertThat(assess("I have piles and now a painful lump at my bottom that is red and hot. I'm 38.").disposition())
			.isEqualTo(Disposition.URGENT);
	}

	@Test
	void aCarersWordsForAStrokeStopAtOnceAndANegatedChestPainIsNotOne() {
		Assessment stroke = assess("My husband's face has dropped on one side. His speech is slurred. He is 74.");
		assertThat(stroke.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(stroke)).contains("rf-stroke-signs");

		Assessment reflux = assess("I'm 36. I get a burning feeling behind my breastbone after big spicy meals. It's worse when I "
				+ "lie down. Antacids sort it out. I have no trouble swallowing, no chest pain and haven't lost weight.",
				"finding:pain_spreading_arm_jaw", "no", "finding:sweating", "no", "finding:shortness_of_breath", "no",
				"finding:vomiting_blood", "no", "finding:black_stool", "no");
		assertThat(reflux.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(presentIds(reflux)).doesNotContain("chest_pain", "weight_loss");
	}
}
