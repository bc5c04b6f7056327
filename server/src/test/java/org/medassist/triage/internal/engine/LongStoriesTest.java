package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Everyday ways of telling a story that a fresh batch of long, rambling messages showed were missed: "was sick three
 * times", "only two wet nappies", a mole of an uneven shape and two colours, an eye getting "redder", a mother who
 * "didn't recognise me", "bluish" lips, a baby "making a grunting noise", a headache that "came on in seconds", an
 * indigestion that comes with an aching jaw, acne lumps "that leave marks". Each is checked beside the benign
 * sentence next to it. Real knowledge base and the bundled embedding model.
 */
class LongStoriesTest {

	@Test
	void aToddlerWhoWasSickThreeTimesWithFewWetNappiesIsSeenToday() {
		Assessment a = assessAnsweringNo("My daughter is 20 months old. She's had runny poos since yesterday and was sick three "
				+ "times this morning. She's only had two wet nappies today.");

		assertThat(presentIds(a)).contains("vomiting", "reduced_urine");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aToddlerWithDiarrhoeaWhoIsDrinkingAndWettingIsLookedAfterAtHome() {
		Assessment a = assessAnsweringNo("My daughter is 20 months old. She's had runny poos since yesterday but she's drinking "
				+ "well and has plenty of wet nappies.");

		assertThat(presentIds(a)).doesNotContain("vomiting", "reduced_urine");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aBabyWithNoFeverAndPlentyOfWetNappiesIsNotPassingLittleUrine() {
		Assessment a = assessAnsweringNo("My 3-month-old has a blocked nose. She's otherwise well with no fever and plenty of wet nappies.");

		assertThat(presentIds(a)).doesNotContain("reduced_urine");
	}

	@Test
	void beingSickLoadsIsVomiting() {
		Assessment a = assessAnsweringNo("I'm 30. I picked up a bug yesterday and I've been sick loads.");

		assertThat(presentIds(a)).contains("vomiting");
	}

	@Test
	void aMoleOfAnUnevenShapeAndTwoColoursIsChecked() {
		Assessment a = assessAnsweringNo("My dad is 75 and loves the sun. There's a mole on his shoulder, it's an uneven shape "
				+ "and two different colours now.");

		assertThat(presentIds(a)).contains("mole", "mole_changed");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aMoleThatHasNotChangedForYearsIsNotAChangingMole() {
		Assessment a = assessAnsweringNo("My dad is 75. He has a mole on his shoulder that has looked the same for years.");

		assertThat(presentIds(a)).doesNotContain("mole_changed");
	}

	@Test
	void anEyeGettingRedderInAContactLensWearerIsSeenToday() {
		Assessment a = assessAnsweringNo("I'm 26 and wear contact lenses. My left eye has got redder and redder since yesterday "
				+ "and keeps watering.");

		assertThat(presentIds(a)).contains("red_eye", "contact_lens_wearer");
		assertThat(ruleIds(a)).contains("eye-problems-painful-red-eye");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aStickyRedEyeWithoutPainOrLensesIsLookedAfterAtHome() {
		Assessment a = assessAnsweringNo("I'm 26. My left eye has got redder since yesterday and it's sticky in the mornings. "
				+ "It doesn't hurt and I can see fine.");

		assertThat(presentIds(a)).contains("red_eye");
		assertThat(ruleIds(a)).doesNotContain("eye-problems-painful-red-eye");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aMotherWhoDidNotRecogniseHerDaughterIsConfused() {
		Assessment a = assessAnsweringNo("My mother is 83 and has a chest infection. This morning she didn't recognise me.");

		assertThat(presentIds(a)).contains("confusion");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aMotherWhoKnowsHerFamilyIsNotConfused() {
		Assessment a = assessAnsweringNo("My mother is 83 and has a cough. She knows who we all are and is chatting as usual.");

		assertThat(presentIds(a)).doesNotContain("confusion");
	}

	@Test
	void bluishLipsAreBlueLips() {
		Assessment a = assessAnsweringNo("My husband is 70 and has had a bad cough for days. His lips look a bit bluish.");

		assertThat(presentIds(a)).contains("mottled_skin");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aBabyMakingAGruntingNoiseIsWorkingHardToBreathe() {
		Assessment a = assessAnsweringNo("My baby is 3 months old and has a cold. She's making a grunting noise with her breathing.");

		assertThat(presentIds(a)).contains("chest_recession");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aHeadacheThatCameOnInSecondsIsAThunderclap() {
		Assessment a = assessAnsweringNo("I'm 45 and while I was at the gym I got a headache that came on in seconds. I've been sick.");

		assertThat(presentIds(a)).contains("worst_headache");
		assertThat(redFlagIds(a)).contains("rf-thunderclap-headache");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aHeadacheThatBuiltUpOverTheDayIsNotAThunderclap() {
		Assessment a = assessAnsweringNo("I'm 45 and I've had a headache that came on slowly over the afternoon after a long day "
				+ "at my screen.");

		assertThat(presentIds(a)).doesNotContain("worst_headache");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aBadTensionHeadacheIsNotAThunderclap() {
		Assessment a = assessAnsweringNo("I've got a bad headache. I'm 29. It feels like a tight band round my head and paracetamol is helping.");

		assertThat(presentIds(a)).doesNotContain("worst_headache");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void indigestionWithAnAchingJawIsTreatedAsAHeartAttack() {
		Assessment a = assessAnsweringNo("I'm 61 and have diabetes. For an hour I've had what feels like bad indigestion and now "
				+ "my jaw aches too.");

		assertThat(presentIds(a)).contains("heartburn", "pain_spreading_arm_jaw");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void anAchingJawFromGrindingTeethIsNotAHeartAttack() {
		Assessment a = assessAnsweringNo("I'm 61. My jaw aches in the mornings and my dentist says I grind my teeth.");

		assertThat(presentIds(a)).doesNotContain("pain_spreading_arm_jaw");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void indigestionAloneAfterABigMealIsLookedAfterAtHome() {
		Assessment a = assessAnsweringNo("I'm 61 and I've got indigestion after a big curry last night.");

		assertThat(presentIds(a)).doesNotContain("pain_spreading_arm_jaw");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void acneWithPainfulLumpsThatLeaveMarksIsSevereAcneForTheGp() {
		Assessment a = assessAnsweringNo("My son is 16 and has had spots on his face and back for years despite every cream from "
				+ "the chemist. Now he's getting big painful lumps on his chin that leave marks.");

		assertThat(presentIds(a)).contains("acne_severe").doesNotContain("lump_red_hot_painful");
		assertThat(ruleIds(a)).contains("acne-gp");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aHotPainfulLumpFullOfPusIsStillAnAbscess() {
		Assessment a = assessAnsweringNo("I'm 16 and have a painful lump on my chin that's red, hot and full of pus.");

		assertThat(presentIds(a)).contains("lump_red_hot_painful").doesNotContain("acne_severe");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}
}
