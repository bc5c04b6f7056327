package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Hormones and kidneys: an adrenal crisis in someone on daily steroids, a kidney stone with fever or in a single
 * kidney, a thyroid storm, a goitre pressing on the windpipe, a sore throat on carbimazole, a blocked catheter,
 * passing little urine after a stomach bug in an older person, and an inflamed diabetic foot ulcer; and the
 * look-alikes that must not be over-triaged (plain renal colic, dark urine after a hot walk, swollen glands with a
 * cold, a missed levothyroxine tablet). Real knowledge base and the bundled embedding model, as in production; two
 * Spanish openings through the phrases alone.
 */
class EndocrineKidneyTest {

	/** No embedding model: Spanish is read by its phrases only. */
	private final Interviewer spanish = new Interviewer(SpanishInterviewTest.KB, null, 0.8);

	@Test
	void vomitingOnDailySteroidsWithASteroidCardIsAnAdrenalCrisis() {
		Assessment a = assessAnsweringNo("I've been throwing up all day and can't keep my prednisolone down. "
				+ "I carry a steroid card. I feel weak and shaky.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-adrenal-crisis");
	}

	@Test
	void kidneyStonePainWithShiveringAndATemperatureIsAnEmergency() {
		Assessment a = assessAnsweringNo("I've got agonising pain from my right side down into my groin. It comes in waves. "
				+ "I'm shivering and my temperature is 38.9. I'm 41.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-kidney-stone-danger-signs");
	}

	@Test
	void kidneyStonePainInSomeoneWithOnlyOneKidneyIsAnEmergency() {
		Assessment a = assessAnsweringNo("I have only one kidney and I've got severe pain in my back going round to my groin. I'm 55.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-kidney-stone-danger-signs");
	}

	@Test
	void plainKidneyStonePainIsSeenTodayNotAnEmergency() {
		Assessment a = assessAnsweringNo("I've got a sudden severe pain in my left side spreading into my groin. It comes and goes in waves. "
				+ "I don't have a temperature. I'm 35.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-possible-kidney-stone").doesNotContain("rf-kidney-stone-danger-signs");
	}

	@Test
	void agitationAndNonsenseWithAnOveractiveThyroidIsAThyroidStorm() {
		Assessment a = assessAnsweringNo("My wife has an overactive thyroid and tonight she is very agitated and not making sense. "
				+ "Her heart is racing and she has been vomiting.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-thyroid-storm");
	}

	@Test
	void aGoitreWithNoisyBreathingIsAnEmergency() {
		Assessment a = assessAnsweringNo("The swelling at the front of my neck from my goitre has got bigger. "
				+ "My breathing makes a high-pitched noise. I'm 63.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-goitre-breathing");
	}

	@Test
	void aGoitreWithoutBreathingTroubleGoesToTheGp() {
		Assessment a = assessAnsweringNo("I've noticed a swelling at the front of my neck that moves when I swallow. It doesn't hurt. "
				+ "I can breathe and swallow fine. I'm 44.");

		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(redFlagIds(a)).doesNotContain("rf-goitre-breathing");
	}

	@Test
	void aSoreThroatOnCarbimazoleNeedsABloodTestToday() {
		Assessment a = assessAnsweringNo("I started carbimazole for my thyroid five weeks ago and now I have a very sore throat. I'm 34.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-antithyroid-drug-infection");
	}

	@Test
	void aCatheterThatHasStoppedDrainingIsSeenToday() {
		Assessment a = assessAnsweringNo("My husband's urinary catheter has stopped draining since this morning. He is 82.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.protocols()).contains("urinary-catheter");
	}

	@Test
	void passingLittleUrineAfterAStomachBugAt72IsSeenToday() {
		Assessment a = assessAnsweringNo("I've been passing much less urine than usual for two days since a stomach bug. I'm 72.",
				"finding:diarrhoea", "Yes");

		assertThat(a.disposition()).as(a.reasons() + " " + a.present()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(a)).contains("little-urine-unwell-or-at-risk");
	}

	@Test
	void darkUrineAfterAHotWalkInAYoungAdultIsSelfCare() {
		Assessment a = assessAnsweringNo("My pee has been dark yellow today after a long walk in the heat. "
				+ "I haven't drunk much water. I feel fine otherwise. I'm 30.");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void anInflamedFootUlcerInDiabetesIsSeenTodayAndAMissedThyroidTabletIsSelfCare() {
		Assessment foot = assessAnsweringNo("I have type 2 diabetes and the ulcer on the bottom of my foot has become red, hot and swollen. I'm 66.",
				"finding:foot_red_hot_swollen", "Yes");
		assertThat(foot.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(foot)).contains("diabetic-foot-active");

		Assessment tablet = assessAnsweringNo("I take levothyroxine for an underactive thyroid and I forgot my tablet yesterday. I feel fine. I'm 49.");
		assertThat(tablet.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(tablet.protocols()).contains("thyroid-problems");
	}

	@Test
	void spanishOpeningsForAKidneyStoneWithFeverAndAGoitreWithNoisyBreathingStopAtOnce() {
		assertSpanishEmergency("Tengo una piedra en el riñón, el dolor baja a la ingle y tengo fiebre y escalofríos",
				"rf-kidney-stone-danger-signs");
		assertSpanishEmergency("Tengo bocio y hago un ruido agudo al respirar", "rf-goitre-breathing");
	}

	@Test
	void spanishCarbimazoleWithASoreThroatIsUrgent() {
		List<Interviewer.Turn> turns = new ArrayList<>();
		turns.add(new Interviewer.Turn(null, "Tomo carbimazol y tengo dolor de garganta"));
		Interviewer.Decision decision = spanish.next(turns, "911", "es");
		for (int i = 0; i < 30 && decision instanceof Interviewer.Ask ask; i++) {
			String answer = ask.questionId().startsWith("finding:") ? ask.options().get(1)
					: ask.questionId().startsWith("measure:") ? ask.options().get(ask.options().size() - 1) : "Eso es todo.";
			turns.add(new Interviewer.Turn(ask.questionId(), answer));
			decision = spanish.next(turns, "911", "es");
		}
		Assessment a = ((Interviewer.Conclude) decision).assessment();

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-antithyroid-drug-infection");
	}

	private void assertSpanishEmergency(String opening, String flag) {
		Interviewer.Decision decision = spanish.next(List.of(new Interviewer.Turn(null, opening)), "911", "es");

		assertThat(decision).as(opening).isInstanceOf(Interviewer.Conclude.class);
		Assessment a = ((Interviewer.Conclude) decision).assessment();
		assertThat(a.disposition()).as(opening).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).as(opening).contains(flag);
		assertThat(((Interviewer.Conclude) decision).messages().get(0)).startsWith("Esto podría ser una emergencia");
	}
}
