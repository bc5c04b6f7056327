package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.consultOtherwise;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Adult same-day and emergency conditions that present atypically or in clinician language (red-flags/acute.yaml):
 * found from the opening message, found through the interview from a plausible first sentence, and their everyday
 * look-alikes left where they belong. Real knowledge base and the bundled embedding model, as in production.
 */
class AcuteConditionsTest {

	/** Opens with the message, then answers each question with the given reply (by question id), else the default. */
	private static Assessment consult(String opening, String otherwise, String... answers) {
		EngineConsultations.Run run = consultOtherwise(opening, otherwise, answers);
		ASKED.set(run.asked().toString());
		return run.assessment();
	}

	/** The questions of the last consultation, for failure messages. */
	private static final ThreadLocal<String> ASKED = new ThreadLocal<>();

	@Test
	void emergenciesSaidInTheOpeningEscalateAtOnce() {
		String[][] cases = {
			{"My husband suddenly got a tearing pain in his chest that goes right through to his back", "rf-aortic-dissection"},
			{"A 74-year-old man presents with sudden severe abdominal pain radiating to the back", "rf-abdominal-pain-through-to-back"},
			{"A 62-year-old woman has a painful red eye and sees haloes around lights", "rf-acute-glaucoma"},
			{"A 45-year-old man on ramipril has a swollen tongue and his voice is becoming hoarse", "rf-mouth-swelling-airway-signs"},
			{"I have Addison's disease and I've been vomiting since this morning", "rf-adrenal-crisis"},
			{"I stopped drinking alcohol three days ago and now I'm confused and seeing things", "rf-alcohol-withdrawal-severe"},
			{"Our carbon monoxide alarm went off and my dad is confused and drowsy", "rf-carbon-monoxide-severe"},
		};
		for (String[] c : cases) {
			Assessment a = consult(c[0], "I'm not sure");
			assertThat(a.disposition()).as(c[0] + " " + a.reasons()).isEqualTo(Disposition.EMERGENCY);
			assertThat(redFlagIds(a)).as(c[0]).contains(c[1]);
		}
	}

	@Test
	void theDecidingQuestionIsReachedFromAPlausibleFirstSentence() {
		Assessment aneurysm = consult("I'm 70 and I've suddenly got really bad tummy pain", "I'm not sure",
				"finding:pain_through_to_back", "Yes, it goes straight through to my back");
		assertThat(aneurysm.disposition()).as(aneurysm.reasons().toString()).isEqualTo(Disposition.EMERGENCY);

		Assessment glaucoma = consult("My right eye went red and painful this evening", "I'm not sure",
				"finding:halos_around_lights", "Yes, I see rainbow rings around the lights");
		assertThat(glaucoma.disposition()).as(glaucoma.reasons().toString()).isEqualTo(Disposition.EMERGENCY);

		Assessment angioedema = consult("My lips and tongue have swollen up over the last hour", "I'm not sure",
				"finding:hoarse_voice", "Yes, my voice has gone hoarse");
		assertThat(angioedema.disposition()).as(angioedema.reasons().toString()).isEqualTo(Disposition.EMERGENCY);

		Assessment breathless = consult("I've been short of breath since yesterday", "I'm not sure",
				"finding:pleuritic_chest_pain", "Yes, it hurts when I breathe in");
		assertThat(breathless.disposition()).as(ASKED.get() + " " + breathless.reasons()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void sameDayConditionsAreSeenTodayNotSentToAnEmergency() {
		Assessment stone = consult("I've got a sudden pain in my side that goes down into my groin", "no");
		assertThat(stone.disposition()).as(stone.reasons().toString()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(stone)).contains("rf-possible-kidney-stone");

		Assessment withdrawal = consult("I'm a heavy drinker and I stopped two days ago, now my hands are shaking and I'm sweating", "no");
		assertThat(withdrawal.disposition()).as(withdrawal.reasons().toString()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(withdrawal)).contains("rf-alcohol-withdrawal");

		Assessment gas = consult("We've all had headaches and felt sick since the gas boiler was switched on", "no");
		assertThat(gas.disposition()).as(gas.reasons().toString()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(gas)).contains("rf-carbon-monoxide");
	}

	@Test
	void everydayLookAlikesAreNotEscalated() {
		Assessment conjunctivitis = consult("My eye is red and sticky since yesterday", "no");
		assertThat(conjunctivitis.disposition()).as(conjunctivitis.reasons().toString()).isIn(Disposition.SELF_CARE, Disposition.ROUTINE);

		Assessment backache = consult("I've had lower back pain since I lifted a box at the weekend", "no");
		assertThat(backache.disposition()).as(backache.reasons().toString()).isIn(Disposition.SELF_CARE, Disposition.ROUTINE);

		Assessment tummy = consult("I've had a mild stomach ache since last night after a takeaway", "no");
		assertThat(tummy.disposition()).as(tummy.reasons().toString()).isIn(Disposition.SELF_CARE, Disposition.ROUTINE);

		Assessment lip = consult("My upper lip has been a bit swollen since this morning", "no");
		assertThat(lip.disposition()).as(lip.reasons().toString()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(lip)).doesNotContain("rf-mouth-swelling-airway-signs");

		Assessment wine = consult("I drink a glass of wine most evenings and I've had a headache today", "no");
		assertThat(redFlagIds(wine)).doesNotContain("rf-alcohol-withdrawal", "rf-alcohol-withdrawal-severe");
	}
}
