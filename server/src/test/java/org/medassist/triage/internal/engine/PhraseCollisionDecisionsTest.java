package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * What the phrases two findings used to share are read as now that each belongs to one finding (kb check fails on
 * phrases of two findings read as the same words). Where a phrase left a finding a red flag uses, the dangerous
 * sentence still fires the red flag, and the benign one next to it reads as the other finding. Real knowledge base
 * and the bundled embedding model; Spanish without it, as in production.
 */
class PhraseCollisionDecisionsTest {

	// "heavy bleeding" was also a phrase of heavy vaginal bleeding ("very heavy bleeding"), and was read as that alone.

	@Test
	void heavyBleedingFromACutIsHeavyBleeding() {
		Assessment a = assessAnsweringNo("I cut my leg on some glass and there is heavy bleeding. I'm 40.");

		assertThat(presentIds(a)).contains("heavy_bleeding").doesNotContain("heavy_vaginal_bleeding");
		assertThat(redFlagIds(a)).contains("rf-heavy-bleeding");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void veryHeavyBleedingAfterBirthIsStillAnEmergencyAndSoakingPadsIsStillVaginal() {
		Assessment heavy = assessAnsweringNo("I gave birth five days ago and now I have very heavy bleeding.");
		assertThat(presentIds(heavy)).contains("heavy_bleeding");
		assertThat(heavy.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment pads = assessAnsweringNo("I gave birth five days ago and I'm soaking through pads every hour.");
		assertThat(presentIds(pads)).contains("heavy_vaginal_bleeding");
		assertThat(redFlagIds(pads)).contains("rf-postpartum-heavy-bleeding");
		assertThat(pads.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void heavyVaginalBleedingInPregnancyIsStillAnEmergencyAndLightBleedingAfterTheMenopauseIsNotHeavy() {
		Assessment pregnant = assessAnsweringNo("I'm 10 weeks pregnant and I have heavy vaginal bleeding.");
		assertThat(presentIds(pregnant)).contains("heavy_vaginal_bleeding");
		assertThat(redFlagIds(pregnant)).contains("rf-pregnancy-heavy-bleeding");

		Assessment spotting = assessAnsweringNo("I've had some vaginal bleeding even though my periods stopped eight years ago. "
				+ "It's light spotting. I'm 63.");
		assertThat(presentIds(spotting)).contains("vaginal_bleeding").doesNotContain("heavy_vaginal_bleeding");
	}

	// "knee pain" was a phrase of joint pain and of limb pain; a knee is a joint.

	@Test
	void kneePainIsJointPain() {
		Assessment a = assessAnsweringNo("I've had knee pain for a week. I didn't injure it. I'm 50.");

		assertThat(presentIds(a)).contains("joint_pain").doesNotContain("limb_pain");
		assertThat(a.protocols()).contains("limb-pain-injury");
	}

	// "blow to the head" and "golpe en la cabeza": a head injury, unless the headache felt like one.

	@Test
	void aBlowToTheHeadIsAHeadInjuryAndAHeadacheLikeOneIsStillThunderclap() {
		Assessment injury = assessAnsweringNo("I took a blow to the head playing rugby this afternoon. I'm 24.");
		assertThat(presentIds(injury)).contains("head_injury").doesNotContain("worst_headache");

		Assessment thunderclap = assessAnsweringNo("I suddenly got a headache that felt like a blow to the head, the worst ever. I'm 50.");
		assertThat(presentIds(thunderclap)).contains("worst_headache");
		assertThat(redFlagIds(thunderclap)).contains("rf-thunderclap-headache");
	}

	@Test
	void unGolpeEnLaCabezaEsUnGolpeYElPeorDolorDeCabezaSigueSiendoUnaEmergencia() {
		Assessment golpe = spanish("Me di un golpe en la cabeza con la puerta.");
		assertThat(presentIds(golpe)).contains("head_injury").doesNotContain("worst_headache");
		assertThat(golpe.disposition()).isNotEqualTo(Disposition.EMERGENCY);

		Assessment peor = spanish("De repente tengo el peor dolor de cabeza de mi vida.");
		assertThat(presentIds(peor)).contains("worst_headache");
		assertThat(peor.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	// Phrases that left a finding a red flag uses: the dangerous sentence still fires the red flag.

	@Test
	void aSwallowedButtonBatteryFiresItsOwnRedFlag() {
		Assessment a = assessAnsweringNo("My 2 year old swallowed a button battery.");

		assertThat(presentIds(a)).contains("swallowed_battery_or_magnet");
		assertThat(redFlagIds(a)).contains("rf-swallowed-battery-or-magnet");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aHighBloodSugarReadingIsAlsoTheHighOrLowBloodSugarOfTheRedFlag() {
		Assessment a = assessAnsweringNo("I'm diabetic, my blood sugar is high and I keep vomiting. I'm 30.");

		assertThat(presentIds(a)).contains("blood_sugar_high_reading", "high_or_low_blood_sugar");
		assertThat(redFlagIds(a)).contains("rf-diabetic-emergency");
	}

	@Test
	void beingOnChemoIsRecentChemotherapyAndAWeakenedImmuneSystem() {
		Assessment a = assessAnsweringNo("I'm on chemo for breast cancer and I have a temperature of 38.4. I'm 52.");

		assertThat(presentIds(a)).contains("recent_chemotherapy", "immunosuppressed");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void singedNoseHairsAfterAFireAreSmokeInhalationWithSoot() {
		Assessment a = assessAnsweringNo("There was a fire in our kitchen and my husband has singed nose hairs.");

		assertThat(presentIds(a)).contains("soot_in_mouth_nose", "smoke_inhalation");
		assertThat(redFlagIds(a)).contains("rf-smoke-inhalation");
	}

	@Test
	void bloodFromTheEarAfterAHeadInjuryIsASkullFractureSignButNotWithAnEarInfection() {
		Assessment injury = assessAnsweringNo("I fell and hit my head and now there's blood coming from my ear.");
		assertThat(presentIds(injury)).contains("head_injury", "ear_discharge", "skull_fracture_signs");
		assertThat(redFlagIds(injury)).contains("rf-head-injury-warning-signs");
		assertThat(injury.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment infection = assessAnsweringNo("I have an ear infection and there's a bit of blood from the ear. I'm 30.");
		assertThat(presentIds(infection)).contains("ear_discharge").doesNotContain("skull_fracture_signs");
		assertThat(infection.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void swellingAroundTheEyeIsASwollenEyelidUnlessADentalSwellingIsSpreading() {
		Assessment eyelid = assessAnsweringNo("I've got some swelling around my eye since this morning. I'm 30.");
		assertThat(presentIds(eyelid)).contains("swollen_eyelid");
		assertThat(eyelid.protocols()).contains("swollen-eyelid");
		assertThat(redFlagIds(eyelid)).doesNotContain("rf-dental-infection-spreading");

		Assessment spreading = assessAnsweringNo("I have a dental abscess, my cheek is swollen and now there's swelling around my eye.");
		assertThat(presentIds(spreading)).contains("dental_swelling", "swelling_spreading_eye_neck");
		assertThat(redFlagIds(spreading)).contains("rf-dental-infection-spreading");
	}

	@Test
	void aTenderAnkleIsNotChestPain() {
		Assessment a = assessAnsweringNo("I twisted my ankle yesterday and it's tender to press. I'm 25.");

		assertThat(presentIds(a)).contains("bone_tenderness").doesNotContain("chest_wall_pain", "chest_pain");
	}

	@Test
	void pleuriticChestPainIsChestPain() {
		Assessment a = assessAnsweringNo("I have pleuritic chest pain since yesterday. I'm 35.");

		assertThat(presentIds(a)).contains("pleuritic_chest_pain", "chest_pain");
		assertThat(a.protocols()).contains("chest-pain");
	}

	@Test
	void aHeartBeatingFastIsPalpitations() {
		Assessment a = assessAnsweringNo("My heart is beating fast. I'm 30.");

		assertThat(presentIds(a)).contains("palpitations_now", "palpitations");
		assertThat(a.protocols()).contains("palpitations");
	}

	@Test
	void seTragoUnasPastillasEsUnaSobredosisAUnaEdadCualquiera() {
		// Read as a child getting into medicines, a red flag for under-12s only, it left an adult without one.
		Assessment a = spanish("Mi esposo se tragó unas pastillas.");

		assertThat(presentIds(a)).contains("overdose");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	private static final Interviewer SPANISH = new Interviewer(SpanishInterviewTest.KB, null, 0.8);

	/** A Spanish interview: "No" to every yes/no question, the last option to every measure, "Eso es todo" otherwise. */
	private static Assessment spanish(String opening) {
		List<Interviewer.Turn> turns = new ArrayList<>();
		turns.add(new Interviewer.Turn(null, opening));
		Interviewer.Decision decision = SPANISH.next(turns, "911", "es");
		for (int i = 0; i < 30 && decision instanceof Interviewer.Ask ask; i++) {
			String answer = ask.questionId().startsWith("finding:") ? ask.options().get(1)
					: ask.questionId().startsWith("measure:") ? ask.options().get(ask.options().size() - 1) : "Eso es todo.";
			turns.add(new Interviewer.Turn(ask.questionId(), answer));
			decision = SPANISH.next(turns, "911", "es");
		}
		assertThat(decision).as(opening).isInstanceOf(Interviewer.Conclude.class);
		return ((Interviewer.Conclude) decision).assessment();
	}
}
