package org.medassist.triage.internal.engine;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.disposition;

/**
 * Pregnancy, after the birth, women's and men's health (round 2): emergencies after a birth, ovarian torsion and
 * urinary retention, and their look-alikes that stay a GP appointment or self-care; a test result said negative
 * after the finding ("pregnancy test was negative"). Real knowledge base and the bundled embedding model.
 */
class WomenMenHealthTest {

	@Test
	void emergenciesAfterABirthAreEmergencies() {
		assertThat(disposition("I gave birth a week ago and now I'm soaking a pad every hour and passing large clots"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("My partner had a baby two weeks ago and now she is hearing voices and thinks people are watching her"))
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aCalfClotAfterABirthIsSameDay() {
		assertThat(disposition("I had my baby three weeks ago and my right calf is swollen and sore",
				"finding:shortness_of_breath", "no", "finding:chest_pain", "no"))
			.isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void ectopicInClinicianWordsIsAnEmergency() {
		assertThat(disposition("A 31-year-old with 7 weeks of amenorrhoea has right iliac fossa pain and pain at the tip of her shoulder"))
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void suddenOneSidedPelvicPainWithVomitingIsAnEmergencyButUsualPeriodCrampsAreNot() {
		assertThat(disposition("I'm 24 and I suddenly got severe pain low down on the left and I've been sick three times", "measure:sex", "female"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("I'm 24 and it's my period, the usual cramps low down in my tummy since this morning. My periods are regular.",
				"finding:pregnant", "no", "finding:vomiting", "no", "finding:sudden_onset", "no", "finding:fever", "no"))
			.isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void notBeingAbleToPeeIsAnEmergencyButAWeakStreamIsForTheGp() {
		assertThat(disposition("My dad is 79 and he can't pee at all since this morning, his lower tummy is swollen"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("I'm 68 and my pee stream has got weak and I get up twice a night to go",
				"finding:unable_to_pass_urine", "no", "finding:fever", "no", "finding:flank_pain", "no",
				"finding:blood_in_urine", "no", "finding:vomiting", "no"))
			.isIn(Disposition.ROUTINE, Disposition.SELF_CARE);
	}

	@Test
	void erectionProblemsAndMenopauseGoToTheGpAndDrynessIsSelfCare() {
		assertThat(disposition("I'm 58 and for a few months I can't keep an erection", "finding:chest_pain", "no"))
			.isEqualTo(Disposition.ROUTINE);
		assertThat(disposition("I'm 50 and the hot flushes and night sweats are keeping me up", "finding:vaginal_bleeding", "no"))
			.isEqualTo(Disposition.ROUTINE);
		assertThat(disposition("I'm 60 and I'm dry down there so sex is uncomfortable", "finding:vaginal_bleeding", "no",
				"finding:mood_affecting_daily_life", "no"))
			.isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aNegativeTestResultAfterTheFindingReadsAsAbsent() {
		assertThat(Negation.negativeResultAfter(Text.tokens("my pregnancy test was negative"), 2)).isTrue();
		assertThat(Negation.negativeResultAfter(Text.tokens("pregnancy test came back negative"), 1)).isTrue();
		assertThat(Negation.negativeResultAfter(Text.tokens("pregnancy and i feel negative about it"), 1)).isFalse();
		assertThat(Negation.negativeResultAfter(Text.tokens("i'm pregnant"), 2)).isFalse();
	}
}
