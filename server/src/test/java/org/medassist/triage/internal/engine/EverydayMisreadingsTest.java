package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.absentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Everyday words the engine misread, each beside the dangerous sentence it resembles, which must still escalate: a
 * forehead that is burning hot, ketone and blood sugar readings, a kidney stone in the past, water infections, looking
 * pale, a bruise going yellow, a tooth knocked out, new dentures, a back tooth, being muddled about tablets, a problem
 * since starting a medicine, and paracetamol that keeps the pain under control. Real knowledge base and the bundled
 * embedding model.
 */
class EverydayMisreadingsTest {

	// 1. "Burning hot" said of a person is a temperature, not a burn.

	@Test
	void aForeheadThatIsBurningHotIsAFeverNotABurn() {
		Assessment a = assessAnsweringNo("My forehead is burning hot and I've got a sore throat and aches. I'm 30.");

		assertThat(presentIds(a)).contains("fever", "sore_throat").doesNotContain("burn");
		assertThat(a.protocols()).doesNotContain("wound-burn-bite");
	}

	@Test
	void aChildWhoFeelsBurningHotHasAFever() {
		Assessment a = assessAnsweringNo("He feels burning hot and has been grizzly all day. He is 2.");

		assertThat(presentIds(a)).contains("fever").doesNotContain("burn");
	}

	@Test
	void aBurnFromSomethingHotIsStillABurn() {
		Assessment hand = assessAnsweringNo("The pan was burning hot and I burnt my hand on it. It's blistering. I'm 30.");
		Assessment forehead = assessAnsweringNo("I burned my forehead on the hot oven door and it's blistering. I'm 30.");

		assertThat(presentIds(hand)).contains("burn").doesNotContain("fever");
		assertThat(presentIds(forehead)).contains("burn").doesNotContain("fever");
		assertThat(forehead.protocols()).contains("wound-burn-bite");
	}

	// 2. Ketone and blood sugar readings are read by their number (NHS: blood ketones under 0.6 normal, 0.6 to 1.5
	// slightly raised, 1.6 to 3 a risk of DKA, over 3 call 999; blood sugar under 4 mmol/L is a hypo).

	@Test
	void ketoneAndSugarReadingsAreReadWithTheirOwnWord() {
		assertThat(MeasureReader.read("my ketones are 0.8", Optional.empty())).containsEntry(Measure.KETONES, 0.8);
		assertThat(MeasureReader.read("blood ketones 3,4 this morning", Optional.empty())).containsEntry(Measure.KETONES, 3.4);
		assertThat(MeasureReader.read("my sugar is 2.9", Optional.empty())).containsEntry(Measure.BLOOD_SUGAR, 2.9);
		assertThat(MeasureReader.read("blood sugar 25 today", Optional.empty())).containsEntry(Measure.BLOOD_SUGAR, 25.0);
		assertThat(MeasureReader.read("his glucose was 54 mg/dl", Optional.empty())).containsEntry(Measure.BLOOD_SUGAR, 3.0);
		assertThat(MeasureReader.read("my blood sugar has been between 18 and 22", Optional.empty()))
			.containsEntry(Measure.BLOOD_SUGAR, 18.0);
		// A low reading counts before a high one of the same message.
		assertThat(MeasureReader.read("sugar was 19 last night and bm 3.1 now", Optional.empty()))
			.containsEntry(Measure.BLOOD_SUGAR, 3.1);
	}

	@Test
	void numbersThatAreNotKetoneOrSugarReadingsAreNotRead() {
		Map<Measure, Double> hba1c = MeasureReader.read("my hba1c sugar test came back at 58 mmol/mol", Optional.empty());
		Map<Measure, Double> urine = MeasureReader.read("ketones in my wee were 2+", Optional.empty());
		Map<Measure, Double> tea = MeasureReader.read("i have sugar in my tea 3 times a day", Optional.empty());

		assertThat(hba1c).doesNotContainKey(Measure.BLOOD_SUGAR);
		assertThat(urine).doesNotContainKey(Measure.KETONES);
		assertThat(tea).doesNotContainKey(Measure.BLOOD_SUGAR);
	}

	@Test
	void slightlyRaisedKetonesAreNotHighKetones() {
		Assessment a = assessAnsweringNo("I have type 1 diabetes and I've been sick twice. My ketones are 0.8. I'm 25.");

		assertThat(presentIds(a)).contains("vomiting").doesNotContain("ketones_high");
		assertThat(absentIds(a)).contains("ketones_high");
		assertThat(redFlagIds(a)).doesNotContain("rf-diabetic-emergency", "rf-ketones-raised", "rf-ketones-very-high");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void ketonesOfThreeOrMoreAreAnEmergencyAndFromOnePointSixSameDay() {
		Assessment veryHigh = assessAnsweringNo("I have type 1 diabetes and my blood ketones are 3.4. I feel OK otherwise. I'm 25.");
		Assessment raised = assessAnsweringNo("I have type 1 diabetes and my ketones are 2.1. I feel OK otherwise. I'm 25.");

		assertThat(redFlagIds(veryHigh)).contains("rf-ketones-very-high");
		assertThat(veryHigh.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(presentIds(raised)).contains("ketones_high");
		assertThat(redFlagIds(raised)).contains("rf-ketones-raised").doesNotContain("rf-ketones-very-high");
		assertThat(raised.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void aLowSugarReadingIsAHypoNotAHighSugar() {
		Assessment a = assessAnsweringNo("I'm diabetic and my sugar is 2.9, I feel shaky. I'm 50.");

		assertThat(presentIds(a)).contains("blood_sugar_low_reading").doesNotContain("blood_sugar_high_reading");
		assertThat(a.protocols()).contains("diabetes-blood-sugar");
	}

	@Test
	void aHighSugarReadingWithVomitingIsStillADiabeticEmergency() {
		Assessment a = assessAnsweringNo("I'm diabetic and my blood sugar is 25 today. I've been vomiting. I'm 50.");

		assertThat(presentIds(a)).contains("blood_sugar_high_reading");
		assertThat(redFlagIds(a)).contains("rf-diabetic-emergency");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	// 3. A kidney stone in the past is history, not a stone now.

	@Test
	void aKidneyStonePassedMonthsAgoIsNotAStoneNow() {
		Assessment a = assessAnsweringNo("I passed a kidney stone two months ago, now I have pain when I pee. I'm a 34 year old woman.");

		assertThat(presentIds(a)).contains("past_kidney_stone", "painful_urination").doesNotContain("loin_to_groin_pain");
		assertThat(redFlagIds(a)).doesNotContain("rf-possible-kidney-stone");
		assertThat(a.protocols()).contains("urinary-symptoms");
	}

	@Test
	void aPastStoneDoesNotHidePainSpreadingIntoTheGroinNow() {
		Assessment again = assessAnsweringNo("I passed a kidney stone two months ago and now I've got the same pain in my side "
				+ "spreading to my groin. I'm a 34 year old man.");
		Assessment another = assessAnsweringNo("I think I've got another kidney stone. I'm 40.");

		assertThat(presentIds(again)).contains("loin_to_groin_pain");
		assertThat(redFlagIds(again)).contains("rf-possible-kidney-stone");
		assertThat(presentIds(another)).contains("loin_to_groin_pain").doesNotContain("past_kidney_stone");
		assertThat(redFlagIds(another)).contains("rf-possible-kidney-stone");
	}

	// 4. "Water infection" is the UK's everyday word for a urine infection.

	@Test
	void aWaterInfectionIsAUrinaryInfection() {
		Assessment a = assessAnsweringNo("I think I have a water infection. It burns when I wee. I'm a 30 year old woman.");

		assertThat(presentIds(a)).contains("suspected_uti").doesNotContain("recurrent_uti");
		assertThat(a.protocols()).contains("urinary-symptoms");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void waterInfectionsThatKeepComingBackAreSeenByAGp() {
		Assessment a = assessAnsweringNo("I keep getting water infections. I'm a 45 year old woman.");

		assertThat(presentIds(a)).contains("recurrent_uti");
		assertThat(ruleIds(a)).contains("urinary-symptoms-not-settling");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aWaterInfectionWithLoinPainAndShiveringIsStillAKidneyInfection() {
		Assessment a = assessAnsweringNo("I think I have a water infection and now I've got pain in my side under my ribs and "
				+ "I'm shivering. I'm a 30 year old woman.");

		assertThat(ruleIds(a)).contains("urinary-symptoms-kidney-infection");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	// 5. Looking pale is not mottled skin; a pale, floppy baby is still an emergency.

	@Test
	void lookingPaleAndBreathlessOnTheStairsIsNotMottledSkin() {
		Assessment a = assessAnsweringNo("I look pale and get breathless on the stairs. I'm always tired. I'm a 28 year old woman.");

		assertThat(presentIds(a)).doesNotContain("mottled_skin");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aPaleFloppyBabyIsStillAnEmergency() {
		Assessment a = assessAnsweringNo("My baby is pale and floppy. She is 8 months old.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	// 6. A bruise going yellow is healing, not jaundice.

	@Test
	void aBruiseTurningYellowIsNotJaundice() {
		Assessment a = assessAnsweringNo("The bruise on my arm has turned yellow. I'm 40.");

		assertThat(presentIds(a)).contains("yellowing_bruise").doesNotContain("jaundice");
	}

	@Test
	void yellowEyesBesideABruiseAreStillJaundice() {
		Assessment eyes = assessAnsweringNo("My eyes have turned yellow and there's a bruise on my arm. I'm 50.");
		Assessment skin = assessAnsweringNo("My skin has turned yellow and I have a bruise I can't explain. I'm 50.");

		assertThat(presentIds(eyes)).contains("jaundice").doesNotContain("yellowing_bruise");
		assertThat(presentIds(skin)).contains("jaundice").doesNotContain("yellowing_bruise");
	}

	// 7. A tooth knocked out is not a person knocked out.

	@Test
	void aToothKnockedOutIsNotLossOfConsciousness() {
		Assessment a = assessAnsweringNo("My son's front tooth got knocked out playing football. He's 12.");

		assertThat(presentIds(a)).contains("knocked_out_tooth").doesNotContain("loss_of_consciousness");
		assertThat(redFlagIds(a)).doesNotContain("rf-unresponsive");
	}

	@Test
	void knockedOutAfterAKnockToTheHeadIsStillAnEmergency() {
		Assessment a = assessAnsweringNo("My son was knocked out for a minute after he banged his head playing rugby. He's 15.");

		assertThat(presentIds(a)).contains("loss_of_consciousness", "head_injury");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	// 8. "My mum's new dentures" is not a new mum.

	@Test
	void mumsNewDenturesAreNotARecentBirth() {
		Assessment a = assessAnsweringNo("My mum's new dentures are rubbing and her gums are sore. She's 78.");

		assertThat(presentIds(a)).contains("denture_sore").doesNotContain("recently_gave_birth");
	}

	@Test
	void aNewMumIsStillARecentBirth() {
		Assessment a = assessAnsweringNo("I'm a new mum and I feel very low. I had my baby 3 weeks ago.");

		assertThat(presentIds(a)).contains("recently_gave_birth");
	}

	// 9. A back tooth is a tooth, not back pain.

	@Test
	void soreBackTeethAreToothacheNotBackPain() {
		Assessment a = assessAnsweringNo("My back teeth are sore. I'm 35.");

		assertThat(presentIds(a)).contains("toothache").doesNotContain("back_pain");
		assertThat(a.protocols()).doesNotContain("back-pain");
	}

	@Test
	void aSoreBackIsStillBackPain() {
		Assessment a = assessAnsweringNo("I've hurt my back lifting boxes and it's very sore. I'm 35.");

		assertThat(presentIds(a)).contains("back_pain").doesNotContain("toothache");
	}

	// 10. Muddled about which tablets to take is a medicines question; suddenly muddled is new confusion.

	@Test
	void muddledAboutWhichTabletsToTakeIsAMedicinesReviewNotConfusion() {
		Assessment a = assessAnsweringNo("My dad is 80 and he's muddled about which tablets to take. He'd like a medicines review.");

		assertThat(presentIds(a)).contains("needs_medicine_review").doesNotContain("confusion");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void anOlderPersonSuddenlyMuddledAndNotMakingSenseIsStillAnEmergency() {
		Assessment a = assessAnsweringNo("My mum is 79 and she's suddenly muddled and not making sense.");

		assertThat(presentIds(a)).contains("confusion");
		assertThat(redFlagIds(a)).contains("rf-sudden-confusion-or-hard-to-wake");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	// 11. A problem since starting a medicine: the medicine is new.

	@Test
	void aProblemSinceStartingAMedicineNamesANewMedicine() {
		Assessment ankles = assessAnsweringNo("Since starting amlodipine I've had swollen ankles. I'm 60.");
		Assessment cough = assessAnsweringNo("Since starting ramipril I've had a dry cough. I'm 60.");

		assertThat(presentIds(ankles)).contains("new_medicine", "leg_swelling");
		assertThat(presentIds(cough)).contains("new_medicine", "cough");
	}

	@Test
	void hivesSinceStartingAMedicineAreAReactionToIt() {
		Assessment a = assessAnsweringNo("I've come out in hives since starting amoxicillin. I'm 30.");

		assertThat(presentIds(a)).contains("new_medicine");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void sinceStartingANewJobIsNoMedicine() {
		Assessment a = assessAnsweringNo("Since starting my new job I've had headaches. I'm 30.");

		assertThat(presentIds(a)).contains("headache").doesNotContain("medication_side_effect", "new_medicine");
	}

	@Test
	void thoughtsOfSuicideSinceStartingAnAntidepressantAreNotHiddenByTheMedicine() {
		Assessment a = assessAnsweringNo("My 17-year-old son has had thoughts of killing himself since starting sertraline last month.");

		assertThat(presentIds(a)).contains("suicidal_thoughts", "new_medicine");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void aSwollenTongueSinceStartingAMedicineIsSeenTodayAndWithBreathingTroubleAnEmergency() {
		Assessment swollen = assessAnsweringNo("Since starting ramipril my lips and tongue have swollen up. I'm 60.");
		Assessment airway = assessAnsweringNo("Since starting ramipril my tongue has swollen up and I'm struggling to breathe. I'm 60.");

		assertThat(presentIds(swollen)).contains("lip_tongue_swelling", "new_medicine");
		assertThat(redFlagIds(swollen)).contains("rf-lip-tongue-swelling");
		assertThat(swollen.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
		assertThat(airway.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	// 12. Paracetamol that keeps the pain under control is no overdose.

	@Test
	void paracetamolKeepingThePainUnderControlIsNotAnOverdose() {
		Assessment a = assessAnsweringNo("I've had back pain for a week. Paracetamol keeps it under control. I'm 40.");

		assertThat(presentIds(a)).contains("back_pain", "painkillers_help").doesNotContain("overdose");
		assertThat(redFlagIds(a)).doesNotContain("rf-poisoning-or-overdose");
	}

	@Test
	void manyParacetamolOrAPacketSwallowedIsStillAnOverdose() {
		Assessment thirty = assessAnsweringNo("I took 30 paracetamol an hour ago. I'm 22.");
		Assessment packet = assessAnsweringNo("My daughter swallowed a packet of paracetamol. She's 16.");

		assertThat(redFlagIds(thirty)).contains("rf-poisoning-or-overdose");
		assertThat(redFlagIds(packet)).contains("rf-poisoning-or-overdose");
		assertThat(packet.disposition()).isEqualTo(Disposition.EMERGENCY);
	}
}
