package org.medassist.triage.internal.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Knowledge base 0.5.0 over the bundled knowledge base (phrases only, no embedding model): problems a symptom
 * checker tends to send home that need a clinician the same day, their look-alikes that stay self-care, and
 * "not sure" about an exception that must not explain a same-day sign away.
 */
class UrgentLookAlikesTest {

	private final Interviewer engine = new Interviewer(SpanishInterviewTest.KB, null, 0.8);

	/** Opens with the message, then answers every question "I'm not sure" (or the given answer, by question id). */
	private Assessment assess(String opening, String... answers) {
		return EngineConsultations.run(engine, opening, answers).assessment();
	}

	@Test
	void tummyPainMovingToTheLowerRightIsSeenTheSameDay() {
		Assessment a = assess("I'm 19 and I have tummy pain that started round my belly button and has moved to the right side. No fever.",
				"finding:pregnant", "no", "finding:tummy_hurts_to_touch", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("abdominal-pain-possible-appendicitis"));
	}

	@Test
	void aRedHotPainfulLumpIsSameDayAndABreastLumpGoesToTheGp() {
		assertThat(assess("I'm 31 and I have a painful lump near my bottom, it's red and hot").disposition())
			.isEqualTo(Disposition.URGENT);
		Assessment breast = assess("I'm 44 and I found a lump in my breast last week. It doesn't hurt.",
				"finding:lump_red_hot_painful", "no", "finding:fever", "no");
		assertThat(breast.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(breast.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("lumps-breast"));
	}

	@Test
	void aSmallLumpForAFewDaysIsSelfCareWhenNothingIsWrongWithIt() {
		Assessment a = assess("I'm 26 and I found a lump in my armpit a few days ago after shaving.",
				"finding:lump_red_hot_painful", "no", "finding:fever", "no", "finding:breast_lump", "no",
				"finding:lump_growing_or_fixed", "no", "measure:duration_days", "3 days", "finding:weight_loss", "no",
				"finding:immunosuppressed", "no", "finding:diabetes", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void notSureAboutAnInjuryDoesNotExplainAHotSwollenJointAway() {
		Assessment a = assess("I'm 48 and my knee is hot and swollen since this morning", "finding:limb_injury", "I'm not sure");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("limb-pain-injury-hot-joint"));
	}

	@Test
	void aReportedInjuryStillExplainsIt() {
		Assessment a = assess("I'm 30 and I twisted my knee playing football yesterday, it's a bit swollen",
				"finding:hot_swollen_joint", "no", "finding:deformity", "no", "finding:heavy_bleeding", "no",
				"finding:cold_pale_limb", "no", "finding:serious_accident", "no", "finding:unable_to_bear_weight", "no",
				"finding:calf_pain", "no", "measure:pain", "3", "finding:anticoagulant", "no");

		assertThat(a.reasons()).noneSatisfy(r -> assertThat(r.rule()).isEqualTo("limb-pain-injury-hot-joint"));
	}

	@Test
	void aPainfulSwollenTesticleIsSameDayButAPainlessLumpIsTheGps() {
		assertThat(assess("I'm 24, my testicle is swollen and it burns when I pee", "finding:sudden_onset", "no").disposition())
			.isEqualTo(Disposition.URGENT);
		Assessment lump = assess("I'm 35 and I found a small hard lump on my testicle. It doesn't hurt.",
				"finding:sudden_onset", "no", "measure:pain", "0", "finding:vomiting", "no", "finding:nausea", "no",
				"finding:abdominal_pain", "no", "finding:testicle_injury", "no", "finding:fever", "no",
				"finding:painful_urination", "no", "finding:scrotal_swelling", "no", "finding:testicular_pain", "no");
		assertThat(lump.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void tummyPainInAWomanAsksWhetherSheCouldBePregnantButAChildIsNotAsked() {
		List<String> adult = questionsAsked("I'm 27 and I have pain low down on the right side of my tummy");
		assertThat(adult).contains("finding:pregnant");

		List<String> child = questionsAsked("My 8 year old daughter has tummy ache");
		assertThat(child).doesNotContain("finding:pregnant");
	}

	@Test
	void aBodyTemperatureWithoutAUnitIsReadInAMessageAboutTemperature() {
		Assessment a = assess("My baby has a temperature. She's 4 months. It's 39.1 and she's grumpy.");

		assertThat(a.measurements()).contains("temperature: 39.1");
		// 3 to 6 months with 39 °C or more: same day.
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	private List<String> questionsAsked(String opening) {
		return EngineConsultations.run(engine, opening).asked();
	}
}
