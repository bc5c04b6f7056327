package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.absentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.consultAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Eyes, ears, nose and throat: the sight-, airway- and stroke-threatening stories end at EMERGENCY with the right
 * rule or red flag (a chemical in the eye, a curtain over the vision, drooling with a sore throat, food stuck so that
 * saliva cannot be swallowed, a button battery up a child's nose, a swollen eye that bulges, double vision with
 * dizziness); the same-day ones stay URGENT (new flashes and floaters, a red eye in a contact lens wearer, quinsy,
 * waking up deaf, an object in the ear); and the frightening-sounding but harmless look-alikes are not over-triaged
 * (conjunctivitis, swollen tonsils, ringing ears after a concert, a puffy eyelid without fever). Real knowledge base
 * and the bundled embedding model, as in production.
 */
class EyesEntTest {

	@Test
	void aChemicalSplashInTheEyeIsAnEmergencyAtOnce() {
		EngineConsultations.Run run = consultAnsweringNo(
				"I was cleaning the oven and some of the spray went into my eye. It is burning badly. I'm 41.");
		Assessment a = run.assessment();

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(ruleIds(a)).contains("eye-problems-emergency-injury-or-vision");
		assertThat(run.asked()).as("no question before the emergency").isEmpty();
	}

	@Test
	void aCurtainOverTheSightIsAStrokeOrRetinaEmergencyWhileNewFloatersAreSameDay() {
		Assessment curtain = consultAnsweringNo("I'm 72. An hour ago a dark curtain came down over the sight in my left eye.")
			.assessment();
		assertThat(curtain.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(curtain)).contains("rf-stroke-signs");

		Assessment floaters = consultAnsweringNo(
				"I'm 61. For two days I've had flashes of light and new floaters in my right eye. My sight is otherwise normal.")
			.assessment();
		assertThat(floaters.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(floaters)).contains("eye-problems-retinal-detachment");
	}

	@Test
	void conjunctivitisIsSelfCareButARedPainfulEyeInAContactLensWearerIsSameDay() {
		Assessment conjunctivitis = consultAnsweringNo(
				"Both my eyes are pink, gritty and sticky, and stuck together in the morning. My vision is fine and I don't wear contact lenses. I'm 26.")
			.assessment();
		assertThat(conjunctivitis.disposition()).isEqualTo(Disposition.SELF_CARE);

		Assessment lenses = consultAnsweringNo("I wear contact lenses and my left eye has gone red and painful since last night. I'm 29.",
				"finding:red_eye", "yes", "finding:eye_pain", "yes", "finding:contact_lens_wearer", "yes")
			.assessment();
		assertThat(lenses.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(lenses)).contains("eye-problems-painful-red-eye");
	}

	@Test
	void droolingWithASoreThroatIsAnEmergencyAndAMuffledVoiceIsSameDayQuinsy() {
		Assessment drooling = consultAnsweringNo(
				"I'm 24 and my throat has been getting worse for four days. Now I can't swallow my own spit and I'm dribbling.")
			.assessment();
		assertThat(drooling.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment quinsy = consultAnsweringNo(
				"I'm 19 and I've had tonsillitis for three days. Now my voice sounds muffled, like a hot potato in my mouth.")
			.assessment();
		assertThat(quinsy.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(quinsy)).contains("sore-throat-swallowing-or-quinsy");
	}

	@Test
	void swollenTonsilsAreTonsillitisNotASwollenTongue() {
		Assessment a = consultAnsweringNo(
				"I've had a sore throat and swollen tonsils for two days. I can eat and drink okay. I'm 17.").assessment();

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(redFlagIds(a)).doesNotContain("rf-lip-tongue-swelling");
	}

	@Test
	void foodStuckInTheGulletIsAnEmergencyOnlyWhenSalivaCannotBeSwallowed() {
		Assessment saliva = consultAnsweringNo(
				"A piece of steak got stuck in my chest while eating an hour ago. I can't even swallow my saliva. I'm 50.")
			.assessment();
		assertThat(saliva.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment sips = consultAnsweringNo(
				"I ate some chicken an hour ago and it feels stuck halfway down. I can swallow sips of water. I'm 36.")
			.assessment();
		assertThat(sips.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(sips.protocols()).contains("food-stuck");
	}

	@Test
	void aCarersButtonBatteryUpAChildsNoseIsAnEmergencyAndABeadInTheEarIsSameDay() {
		Assessment battery = consultAnsweringNo(
				"My 3-year-old pushed one of those small button batteries up his nose. He's breathing fine.").assessment();
		assertThat(battery.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment bead = consultAnsweringNo("My daughter has pushed a bead into her ear and I can't get it out. She is 4.")
			.assessment();
		assertThat(bead.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(bead)).contains("object-in-ear-nose-removal");
	}

	@Test
	void aChildsSwollenEyelidWithFeverIsSameDayAndABulgingEyeIsAnEmergency() {
		Assessment bulging = consultAnsweringNo(
				"My daughter's left eyelid has been swelling for two days after a cold. She has a temperature of 39. Her eye is bulging forward and it hurts her to move the eye. She is 6.")
			.assessment();
		assertThat(bulging.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(ruleIds(bulging)).contains("swollen-eyelid-orbital-cellulitis");

		Assessment fever = consultAnsweringNo(
				"My son's eyelid is red and puffy and he has a temperature of 38.4. He can move his eye normally and see fine. He is 5.")
			.assessment();
		assertThat(fever.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(fever)).contains("swollen-eyelid-infection");
	}

	@Test
	void aPuffyEyelidWithNoFeverOrRednessIsNotOverTriaged() {
		Assessment a = consultAnsweringNo("I'm 30 and my eyelid is a bit puffy this morning after rubbing my eyes. It is not red and I have no temperature.")
			.assessment();

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void tinnitusAfterAConcertIsSelfCareAPulsingOneGoesToTheGpAndWakingUpDeafIsSameDay() {
		Assessment concert = consultAnsweringNo(
				"My ears have been ringing since a loud concert last night. It is already fading and my hearing is fine. I'm 21.")
			.assessment();
		assertThat(concert.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(concert.protocols()).contains("tinnitus");

		Assessment pulsing = consultAnsweringNo(
				"I'm 70 and I hear a whooshing noise in my right ear in time with my heartbeat. It has been there for a month.")
			.assessment();
		assertThat(pulsing.disposition()).isEqualTo(Disposition.ROUTINE);

		Assessment deaf = consultAnsweringNo("I'm 44. I woke up and my right ear was completely deaf, with a loud ringing in it.")
			.assessment();
		assertThat(deaf.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void positionalVertigoGoesToTheGpButDoubleVisionWithDizzinessIsAnEmergency() {
		Assessment bppv = consultAnsweringNo(
				"I'm 63. The room spins for a few seconds when I roll over in bed or look up at a high shelf. I have no hearing loss.")
			.assessment();
		assertThat(bppv.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(ruleIds(bppv)).contains("dizziness-fainting-positional-vertigo");

		Assessment stroke = consultAnsweringNo("I'm 67. Since lunchtime I've been seeing double and the room is spinning.")
			.assessment();
		assertThat(stroke.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aNegatedContactLensAndPainKeepStickyEyesAtSelfCare() {
		Assessment a = consultAnsweringNo(
				"My eyes are red and sticky with yellow crust on the lashes. There is no pain, no problem with light, and I do not wear contact lenses. I'm 35.")
			.assessment();

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(absentIds(a)).contains("contact_lens_wearer");
	}
}
