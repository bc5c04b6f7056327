package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.consultAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Infections, travel and sexual health: a fever after travel is seen the same day (and is an emergency with bleeding),
 * time-critical exposures (possible HIV exposure, a split condom, a used-needle injury) are same-day, a partner's STI or
 * genital warts go to a clinic, and the frightening-sounding but harmless stories (short travellers' diarrhoea, a sore
 * arm after a jab, a kiss with someone who has HIV) stay self-care. Real knowledge base and the bundled embedding
 * model, as in production.
 */
class InfectionsTravelTest {

	private static boolean fired(Assessment a, String redFlag) {
		return redFlagIds(a).contains(redFlag);
	}

	@Test
	void aMildFeverAfterAMalariaAreaIsSeenTheSameDay() {
		Assessment a = assessAnsweringNo("I got back from Kenya ten days ago and since last night I've had a temperature of 38.1. I feel a bit achy but otherwise okay.",
				"measure:age", "34", "measure:sex", "female");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(fired(a, "rf-fever-after-travel")).isTrue();
	}

	@Test
	void aCarersWordsAboutAChildWithAFeverAfterTravelAreUrgent() {
		Assessment a = assessAnsweringNo("My 7-year-old son has a temperature of 38.5 and we flew back from Ghana last week. He's still playing and drinking.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aFeverAfterTravelWithBleedingGumsIsAnEmergencyAtOnce() {
		EngineConsultations.Run run = consultAnsweringNo(
				"I had a fever after getting back from Bali a week ago and now my gums are bleeding.");

		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(fired(run.assessment(), "rf-travel-fever-bleeding")).isTrue();
		assertThat(run.asked()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void aChildWithAFeverWhoHasNotBeenAbroadIsNotSentForAMalariaTest() {
		Assessment a = assessAnsweringNo("My 7-year-old has a temperature of 38.2 since this morning. We have not been abroad. He is drinking and playing.");

		assertThat(fired(a, "rf-fever-after-travel")).isFalse();
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void shortTravellersDiarrhoeaWithoutBloodOrFeverIsSelfCare() {
		Assessment a = assessAnsweringNo("I've had watery diarrhoea for two days since getting back from a holiday in Thailand. There's no blood and I don't have a temperature. I'm drinking plenty.",
				"measure:age", "26", "measure:sex", "male");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void timeCriticalExposuresAreSameDay() {
		Assessment condom = assessAnsweringNo("The condom split when I had sex last night and I'm not on any contraception.");
		assertThat(condom.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(fired(condom, "rf-emergency-contraception")).isTrue();

		Assessment hiv = assessAnsweringNo("I had sex without a condom yesterday with a man who told me afterwards he is HIV positive. Can I get PEP?");
		assertThat(hiv.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(fired(hiv, "rf-possible-hiv-exposure")).isTrue();

		Assessment needle = assessAnsweringNo("I'm a healthcare assistant and I pricked my finger on a used needle an hour ago while clearing a tray.");
		assertThat(needle.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(fired(needle, "rf-needlestick-injury")).isTrue();
	}

	@Test
	void aPartnersChlamydiaOrGenitalWartsGoToAClinicNotTheSameDay() {
		Assessment partner = assessAnsweringNo("My boyfriend has just been told he has chlamydia. I don't have any symptoms myself.",
				"measure:age", "21", "measure:sex", "female");
		assertThat(partner.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(partner.protocols()).contains("sexual-health");

		Assessment warts = assessAnsweringNo("I've got some small painless lumps like little cauliflowers around my genitals. They appeared over the last month.",
				"measure:age", "25", "measure:sex", "male");
		assertThat(warts.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aKissWithSomeoneWhoHasHivIsNotOverTriaged() {
		Assessment a = assessAnsweringNo("I kissed someone at a party and later heard they have HIV. We only kissed, nothing else. I'm worried I could have caught it.",
				"measure:age", "19", "measure:sex", "male");

		assertThat(fired(a, "rf-possible-hiv-exposure")).isFalse();
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aSoreArmAfterAJabIsSelfCareButSwellingLipsAreAnEmergency() {
		Assessment sore = assessAnsweringNo("I had my flu jab yesterday and my arm is sore and a bit red where the needle went in.",
				"measure:age", "58", "measure:sex", "female");
		assertThat(sore.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(sore.protocols()).contains("vaccine-reaction");

		Assessment lips = assess("I had a vaccine at the pharmacy ten minutes ago.", "finding:lip_tongue_swelling", "yes");
		assertThat(lips.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aBabyWithCoughingFitsIsUrgentAndOneWhoStopsBreathingIsAnEmergency() {
		Assessment fits = assessAnsweringNo("My baby is 9 weeks old and has coughing fits where she goes red in the face and sicks up afterwards.");
		assertThat(fits.disposition()).isEqualTo(Disposition.URGENT);

		Assessment apnoea = assessAnsweringNo("My 6-week-old son has bad coughing fits and during the last one he stopped breathing and turned blue.");
		assertThat(apnoea.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void contactWithShinglesInPregnancyIsUrgentUnlessImmune() {
		Assessment exposed = assessAnsweringNo("I'm 16 weeks pregnant and I spent the afternoon with my aunt and found out she has shingles. I've never had chickenpox.");
		assertThat(exposed.disposition()).isEqualTo(Disposition.URGENT);

		Assessment baby = assessAnsweringNo("My 10-month-old was at soft play with a child who now has measles. She seems well.");
		assertThat(baby.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(baby.protocols()).contains("infection-contact");
	}

	@Test
	void mumpsAndGlandularFeverGoToTheGpAndGlandularFeverIsNotReadAsAFever() {
		Assessment mumps = assessAnsweringNo("My 9-year-old son's cheeks have puffed up on both sides just under his ears and it hurts him to chew.");
		assertThat(mumps.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(mumps.protocols()).contains("mumps");

		Assessment gf = assessAnsweringNo("I'm 17 and I've had a sore throat for ten days, I'm exhausted and my neck glands are swollen. My doctor thinks it might be glandular fever.");
		assertThat(gf.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(gf.present()).noneMatch(f -> f.id().equals("fever"));
	}
}
