package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Details of a patient's story that a mixed batch of fresh cases showed were misread: a migraine's usual aura, a
 * headache that is worse in the morning and on coughing, eczema mentioned as history, an older person found on the
 * floor, double vision after a knock to the head. Real knowledge base and the bundled embedding model.
 */
class StoryDetailsTest {

	@Test
	void theWorstPainEverGoingThroughToTheBackIsAnEmergency() {
		Assessment a = assessAnsweringNo("I'm 52 and I've had pain in the top of my tummy going through to my back for six hours. "
				+ "I've been vomiting. It's the worst pain I've ever had.");

		assertThat(a.measurements()).contains("pain: 9.0");
		assertThat(redFlagIds(a)).contains("rf-abdominal-pain-through-to-back");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void losingTheSightOfAnEyeIsAnEmergencyFromTheFirstSentence() {
		Assessment a = assessAnsweringNo("My 70-year-old dad suddenly lost the sight in his right eye about an hour ago.");

		assertThat(presentIds(a)).contains("vision_loss");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aRedSwollenPainfulAreaOnTheLegIsSeenToday() {
		Assessment a = assessAnsweringNo("I'm 44 and there's a red, swollen, painful area on my shin. It's been there two days.");

		assertThat(presentIds(a)).contains("spreading_redness");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aPainfulLumpByTheAnusWithShiversIsSeenTodayAndIsNotWarts() {
		Assessment a = assessAnsweringNo("I'm 39 and I've got a painful lump near my anus. I feel shivery.");

		assertThat(presentIds(a)).contains("haemorrhoids", "chills").doesNotContain("genital_warts");
		assertThat(ruleIds(a)).contains("piles-infection-signs");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void creamsFromTheChemistThatHaveNotWorkedAreATreatmentNotWorking() {
		Assessment a = assessAnsweringNo("I'm 19 with spots all over my face. Creams from the chemist haven't worked.");

		assertThat(presentIds(a)).contains("acne", "treatment_not_working");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void tummyPainGettingWorseSinceThisMorningIsNoHeadacheAndOpensTummyPain() {
		Assessment a = assessAnsweringNo("I've had pain in my lower right tummy since this morning that is getting worse. I'm 23.");

		assertThat(presentIds(a)).contains("pain_lower_right_tummy", "abdominal_pain").doesNotContain("headache_worse_lying_or_straining");
		assertThat(a.protocols()).contains("abdominal-pain");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void testiclesThatHurtReallyBadAreAnEmergency() {
		Assessment a = assessAnsweringNo("my nuts hurt really bad since this morning, im 15");

		assertThat(presentIds(a)).contains("testicular_pain");
		assertThat(redFlagIds(a)).contains("rf-testicular-torsion");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aMigrainesUsualZigzagAuraIsNotARetinasFlashes() {
		Assessment a = assessAnsweringNo("I'm 35 and I've had a migraine with flashing zigzag lights before the headache, like my "
				+ "usual ones. My tablets usually work. This one is the same as always.");

		assertThat(presentIds(a)).contains("migraine_aura", "headache").doesNotContain("flashes_or_floaters");
		assertThat(a.protocols()).doesNotContain("eye-problems");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void suddenFlashesOfLightAreStillARetinaProblem() {
		Assessment a = assessAnsweringNo("I'm 58 and since this morning I've seen flashes of light and new floaters in my left eye.");

		assertThat(presentIds(a)).contains("flashes_or_floaters");
		assertThat(ruleIds(a)).contains("eye-problems-retinal-detachment");
	}

	@Test
	void aHeadacheWorseInTheMorningAndOnCoughingIsSeenToday() {
		Assessment a = assessAnsweringNo("I've had a bad headache for three days that's worse in the morning and when I cough. "
				+ "I've been sick twice this morning. I'm 45.");

		assertThat(presentIds(a)).contains("headache_worse_lying_or_straining").doesNotContain("cough");
		assertThat(ruleIds(a)).contains("headache-raised-pressure-features");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void eczemaMentionedAsHistoryIsNotEczemaHerpeticum() {
		Assessment a = assessAnsweringNo("I have an itchy red rash in the creases of my elbows that comes and goes. "
				+ "I've had eczema before. I'm 21.");

		assertThat(presentIds(a)).contains("eczema_flare").doesNotContain("eczema_herpeticum");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void eczemaWithClustersOfPainfulBlistersIsStillSameDay() {
		Assessment a = assessAnsweringNo("My son's eczema has suddenly become very painful with clusters of small blisters. He's 6.");

		assertThat(presentIds(a)).contains("eczema_herpeticum");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void anOlderPersonFoundOnTheFloorAfterALongLieIsAnEmergency() {
		EngineConsultations.Run run = consult("My neighbour is 80 and I found him on the floor this morning.");

		assertThat(run.assessment().protocols()).contains("falls-older-adult");
		assertThat(ruleIds(run.assessment())).contains("falls-long-lie");
		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(run.asked()).as("the global screen is not needed").doesNotContain("finding:testicular_pain");
	}

	@Test
	void aFallWithoutALongLieIsNotAnEmergencyByItself() {
		Assessment a = assessAnsweringNo("My mum is 82 and she slipped in the kitchen this morning. She got straight up by herself.");

		assertThat(ruleIds(a)).doesNotContain("falls-long-lie");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void doubleVisionAfterAKnockToTheHeadIsAnEmergency() {
		Assessment a = assessAnsweringNo("I hit my head on a cupboard door an hour ago and now I'm seeing double. I'm 30.");

		assertThat(redFlagIds(a)).as("present %s", presentIds(a)).contains("rf-head-injury-warning-signs");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aNormalTemperatureReadingIsNotAFever() {
		Assessment a = assessAnsweringNo("I've had a sore throat for two days. My temperature is 36.7. I'm 30.");

		assertThat(presentIds(a)).contains("sore_throat").doesNotContain("fever");
	}

	@Test
	void aHighTemperatureReadingIsStillAFever() {
		Assessment a = assessAnsweringNo("I've had a sore throat for two days. My temperature is 38.6. I'm 30.");

		assertThat(presentIds(a)).contains("fever");
	}

	@Test
	void aNormalReadingGivenAsTheAnswerToTheFeverQuestionIsNotAFever() {
		Assessment a = assessAnsweringNo("I'm having chemo and my hair is thinning. I'm 45.",
				"finding:fever", "My temperature is 36.7 and I feel well.");

		assertThat(presentIds(a)).doesNotContain("fever");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void paracetamolHelpingIsNotAnOverdose() {
		Assessment a = assessAnsweringNo("I have a mild headache and a blocked nose with a cold. I'm 22. Paracetamol helps.");

		assertThat(presentIds(a)).contains("painkillers_help").doesNotContain("overdose");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void swallowingAPacketOfParacetamolIsStillAnOverdose() {
		Assessment a = assessAnsweringNo("I swallowed a whole packet of paracetamol an hour ago. I'm 19.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aSwollenTummyWithNoPooOrWindAndVomitingIsAnEmergency() {
		Assessment a = assessAnsweringNo("My husband is 74 and he's been vomiting and has a swollen, hard tummy. "
				+ "He hasn't had a poo or passed wind for two days.");

		assertThat(presentIds(a)).contains("no_stool_or_wind");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}
}
