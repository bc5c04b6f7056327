package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * The English of patients whose first language is not English, as a fresh batch (tuned-learners.jsonl) showed it was
 * misread: an age said as a span ("my mother have 74 years", "my baby girl have 5 month") taken for how long the problem
 * has lasted, "from five days" for "for five days", a stroke told in simple words ("her mouth is going down in one side",
 * "her right arm no have force"), "burning when I make pipi" read as a burn, "no go poo", "my head is turning",
 * "Paracetamol help." read as an overdose. Each fix that could hide something stands beside the dangerous sentence it
 * must not hide. Real knowledge base and the bundled embedding model.
 */
class LearnersEnglishTest {

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			my mother have 74 years. this morning she cannot speak good      | AGE           | 74
			My baby girl have 5 month. She have fever from yesterday night   | AGE           | 0.417
			My baby girl have 5 month. She have fever from yesterday night   | DURATION_DAYS | 1
			He has fever from five days, today 38.8 again                    | DURATION_DAYS | 5
			He has fever from five days, today 38.8 again                    | TEMPERATURE   | 38.8
			he has fever of 39 from yesterday                                | TEMPERATURE   | 39
			my wife say it grow more big from 2 months and the colour change | DURATION_DAYS | 60
			I have cough since one month                                     | DURATION_DAYS | 30
			I have pain in the belly since three days                        | DURATION_DAYS | 3
			I have 2 months this pain in my knee                             | DURATION_DAYS | 60
			I have had back pain for 3 years. I have 45 years                | DURATION_DAYS | 1095
			my cough, it is 3 weeks.                                         | DURATION_DAYS | 21
			the pain in my knee has 3 weeks.                                 | DURATION_DAYS | 21
			""")
	void readsMeasuresSaidTheWayALearnerSaysThem(String text, Measure measure, double expected) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty()).get(measure)).isCloseTo(expected, within(0.01));
	}

	@ParameterizedTest(name = "{0} says no duration")
	@CsvSource({ "my mother have 74 years.", "I have 29 years.", "my son 3 years, he breath very fast", "she make vomit two times" })
	void anAgeSaidAsASpanIsNoDuration(String text) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(Measure.DURATION_DAYS);
	}

	@ParameterizedTest(name = "{0} is a pregnancy, not a baby's age")
	@CsvSource({ "I am 8 weeks pregnant", "my daughter is 16 weeks pregnant and has pain", "I am pregnant 8 week." })
	void weeksOfPregnancyAreNoAge(String text) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(Measure.AGE);
	}

	@Test
	void aStrokeToldInSimpleWordsIsAnEmergency() {
		Assessment a = assess("my mother have 74 years. this morning she cannot speak good, the words come wrong, and her mouth is "
				+ "going down in one side. her right arm no have force, she cant lift. it start 40 minute ago");

		assertThat(presentIds(a)).contains("speech_difficulty", "face_drooping", "arm_leg_weakness");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void eachSignOfAStrokeInSimpleWordsIsReadAlone() {
		assertThat(presentIds(assess("since one hour her mouth is going down on one side"))).contains("face_drooping");
		assertThat(presentIds(assess("my father arm has no force since this morning"))).contains("arm_leg_weakness");
		assertThat(presentIds(assess("my father cannot speak good since this morning, the words come wrong"))).contains("speech_difficulty");
	}

	@Test
	void sayingYourEnglishIsLimitedIsNoSpeechProblem() {
		Assessment a = assessAnsweringNo("sorry I cannot speak good english. I have sore throat since two days, no fever");

		assertThat(presentIds(a)).contains("sore_throat").doesNotContain("speech_difficulty");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aSuddenSpeechProblemInSomeoneWithLimitedEnglishIsStillOne() {
		Assessment a = assess("my english is not good sorry. my husband suddenly cannot speak good, the words come wrong");

		assertThat(presentIds(a)).contains("speech_difficulty");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void paracetamolHelpIsNoOverdose() {
		Assessment a = assessAnsweringNo("I have headache like a band around the head since yesterday evening. Paracetamol help.");

		assertThat(presentIds(a)).contains("headache", "painkillers_help").doesNotContain("overdose");
		assertThat(a.disposition()).isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void tooMuchParacetamolIsStillAnOverdose() {
		Assessment a = assess("I have headache since three days and I take too much paracetamol, like 20 tablets");

		assertThat(presentIds(a)).contains("overdose");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void burningWhenMakingPipiIsPainfulUrinationNotABurn() {
		Assessment a = assessAnsweringNo("Three days I have burning when I make pipi and go toilet many times.");

		assertThat(presentIds(a)).contains("painful_urination").doesNotContain("burn");
	}

	@Test
	void aBurnFromHotOilIsStillABurn() {
		assertThat(presentIds(assess("I make food and I burn my hand with hot oil, big blisters"))).contains("burn");
	}

	@Test
	void noGoPooIsConstipation() {
		Assessment a = assessAnsweringNo("My father 70 he no go poo since 4 days, he eat little vegetable. No pain in belly, no blood.");

		assertThat(presentIds(a)).contains("constipation");
		assertThat(a.protocols()).contains("constipation");
	}

	@Test
	void aHeadThatIsTurningIsDizziness() {
		assertThat(presentIds(assess("My head is turning when I stand up from the bed, since one week"))).contains("dizziness");
	}

	@Test
	void aFallOnTheHandWithAWristThatCannotMoveIsSeenToday() {
		Assessment a = assess("Yesterday I fall on my hand on the ice. The wrist is very swolen and I cannot move it, very much pain.");

		assertThat(presentIds(a)).contains("limb_injury", "unable_to_bear_weight");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void anArmThatSuddenlyWentWeakAndCannotMoveIsStillAStrokeSign() {
		Assessment a = assess("suddenly her arm went weak and she can't move it");

		assertThat(presentIds(a)).contains("arm_leg_weakness");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void painThatWentFromTheNavelToTheRightSideIsLowerRightPain() {
		Assessment a = assess("I have pain in the belly since yesterday. First it was around the navel, now it go to the right side down.");

		assertThat(presentIds(a)).contains("abdominal_pain", "pain_lower_right_tummy");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void aMoleThatGrowMoreBigAndChangeColourHasChanged() {
		Assessment a = assess("I have mole on my back, it grow more big from 2 months and the colour change");

		assertThat(presentIds(a)).contains("mole_changed");
		assertThat(a.disposition()).isIn(Disposition.ROUTINE, Disposition.URGENT);
	}

	@Test
	void aHeadacheLikeABandAroundTheHeadIsNoThunderclap() {
		Assessment a = assessAnsweringNo("I have headache like a band around the head since yesterday evening. I work very much on the "
				+ "computer and sleep bad this week. Paracetamol help.", "finding:worst_headache",
				"I have headache like a band around the head since yesterday evening.");

		assertThat(presentIds(a)).contains("headache").doesNotContain("worst_headache", "overdose");
		assertThat(a.disposition()).isIn(Disposition.SELF_CARE, Disposition.ROUTINE);
	}

	@Test
	void aSuddenWorstHeadacheLikeABandIsStillAThunderclap() {
		Assessment a = assess("suddenly I get the worst headache of my life, like a band around my head, since ten minutes");

		assertThat(presentIds(a)).contains("worst_headache");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aToddlerWhoMakePipiLessIsDryingOut() {
		Assessment a = assess("My daughter have 2 years. She have diarrhea and vomit from two days. Today she make pipi less, only 2 wet nappy.");

		assertThat(presentIds(a)).contains("diarrhoea", "reduced_urine");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}
}
