package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.consultAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Skin infections, bites, stings and burns with the real knowledge base and the bundled embedding model: the
 * emergencies (a severe skin reaction to a new medicine, pain out of proportion, a child's bath scald, a chemical or
 * smoke burn) stop at once with the right red flag or rule; the same-day problems (cellulitis on the face, a cat bite
 * that broke the skin, an infected pressure sore, a boil with a temperature, a splinter that will not come out) are
 * URGENT; and the harmless look-alikes (a dog's nip that did not break the skin, a small boil, a visible splinter,
 * scabies, a removed tick) stay at self-care instead of going to the nurse as an unrecognised complaint.
 */
class SkinInfectionsTest {

	@Test
	void blisteringPeelingSkinAfterANewMedicineIsAnEmergencyAtOnce() {
		EngineConsultations.Run run = consultAnsweringNo(
				"I started allopurinol ten days ago and now my skin is blistering and peeling off, and my eyes are red and sore.");
		Assessment a = run.assessment();

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-severe-skin-reaction");
		assertThat(run.asked()).isEmpty();
	}

	@Test
	void blistersWithMouthSoresButNoNewMedicineOrRedEyesAreNotTheSkinReactionFlag() {
		Assessment a = assessAnsweringNo("My 3 year old has little blisters on his hands and feet and sores in his mouth.");

		assertThat(redFlagIds(a)).doesNotContain("rf-severe-skin-reaction");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void painOutOfProportionAroundACutIsAnEmergency() {
		Assessment a = assessAnsweringNo("I cut my shin on a garden fork two days ago. The pain is far worse than the little cut looks and the skin around it is going purple.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-pain-out-of-proportion");
	}

	@Test
	void aToddlersBathScaldAndAChemicalBurnAndASmokyFaceBurnAreEmergencies() {
		Assessment scald = assessAnsweringNo("My 18-month-old was put into a bath that was far too hot. Both her legs are bright red and blistering.");
		assertThat(scald.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(ruleIds(scald)).contains("wound-burn-bite-serious-burn");

		Assessment chemical = assessAnsweringNo("I splashed drain cleaner on my forearm at work and the skin has gone white.");
		assertThat(chemical.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment fire = assessAnsweringNo("We had a chip pan fire and my eyebrows are singed. I keep coughing and my voice is croaky.");
		assertThat(fire.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aSmallBurnWithoutBlistersIsSelfCare() {
		Assessment a = assessAnsweringNo("I burnt my forearm on the oven shelf. It's a red line about 4 cm long with no blisters and I cooled it under the tap.");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aCatBiteThatBrokeTheSkinIsSameDayButADogsNipThatDidNotIsSelfCare() {
		Assessment cat = assessAnsweringNo("My cat bit my hand this morning and there are two deep puncture marks on my knuckle.");
		assertThat(cat.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(cat)).contains("wound-burn-bite-bite-broke-skin");

		Assessment nip = assessAnsweringNo("A dog nipped my hand at the park. It left red teeth marks but the skin isn't broken and there's no blood.");
		assertThat(nip.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(nip.protocols()).contains("wound-burn-bite");
	}

	@Test
	void cellulitisOnTheFaceIsSameDay() {
		Assessment a = assessAnsweringNo("A red, swollen, hot patch has come up on my cheek since yesterday and the redness is spreading.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void boilsAreSelfCareUnlessOnTheFaceWithATemperatureOrKeepComingBack() {
		Assessment small = assessAnsweringNo("I've got a small boil on my thigh that came up two days ago. I've no temperature and feel well.");
		assertThat(small.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(small.protocols()).contains("boil-abscess");

		Assessment hot = assessAnsweringNo("I've got a painful boil in my armpit and a temperature of 38.4.");
		assertThat(hot.disposition()).isEqualTo(Disposition.URGENT);

		Assessment recurrent = assessAnsweringNo("I keep getting boils on my buttocks, this is the fourth one in three months.");
		assertThat(recurrent.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aCarersWordingOfAnInfectedPressureSoreIsSameDayAndAnEarlyOneIsRoutine() {
		Assessment infected = assessAnsweringNo("My mum is bedbound and the pressure sore on her bottom now smells and has yellow pus coming out.");
		assertThat(infected.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(infected)).contains("pressure-sore-infected");

		Assessment early = assessAnsweringNo("My husband spends most of the day in bed and has a pressure sore starting on his heel. The skin isn't broken.");
		assertThat(early.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aVisibleSplinterIsSelfCareAndOneUnderTheNailIsSameDay() {
		Assessment easy = assessAnsweringNo("My daughter has a small wooden splinter in her finger and I can see the end sticking out.");
		assertThat(easy.disposition()).isEqualTo(Disposition.SELF_CARE);

		Assessment deep = assessAnsweringNo("I've got a splinter under my nail and I can't get the splinter out.");
		assertThat(deep.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void scabiesAndARemovedTickAreSelfCareButABullseyeRashIsAGpVisit() {
		assertThat(assessAnsweringNo("I think I have scabies, I have an itchy rash between my fingers that is worse at night.").disposition())
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(assessAnsweringNo("I found a tick on my son's back after camping and pulled it out with tweezers. He's well.").disposition())
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(assessAnsweringNo("I pulled a tick off my leg last week and now there's a bullseye rash around the bite.").disposition())
			.isEqualTo(Disposition.ROUTINE);
	}
}
