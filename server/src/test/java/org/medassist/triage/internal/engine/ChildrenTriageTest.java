package org.medassist.triage.internal.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;

/**
 * Babies and children (round 4): child emergencies found from the carer's or clinician's opening alone and from an
 * interview whose deciding fact comes out only when asked, and their look-alikes that must not be escalated (croup
 * that is noisy only when the child cries, a toddler's bump on the head, colic, teething). Real knowledge base and
 * the bundled embedding model, as in production.
 */
class ChildrenTriageTest {

	@Test
	void childEmergenciesAreFoundFromTheOpening() {
		assertThat(assess("A 2-year-old boy has a barking cough and inspiratory stridor at rest with subcostal recession.")
			.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(assess("My 10-month-old has screaming bouts where she pulls her legs up, she's been sick and there's blood in her nappy.")
			.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(assess("My 8-year-old has been really thirsty and weeing loads, now he's vomiting and his breath smells like pear drops.")
			.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(assess("A 4-day-old neonate has bilious vomiting.").disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(assess("I think my 3-year-old got into my tablets, she seems fine.").disposition())
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void childEmergenciesComeOutWhenAsked() {
		Assessment croup = assess("My 2-year-old has croup with a barking cough.", "finding:stridor_at_rest", "yes");
		assertThat(croup.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment tummy = assess("My 1-year-old has been sick a few times today.", "finding:episodic_screaming_legs_up", "yes");
		assertThat(tummy.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(tummy.redFlags()).anySatisfy(f -> assertThat(f.id()).isEqualTo("rf-possible-intussusception"));
	}

	@Test
	void lookAlikesAreNotEscalated() {
		assertThat(assess("My 2-year-old has croup. When she cries her breathing gets noisy, but when she's calm it's quiet.",
				"finding:stridor_at_rest", "no", "finding:chest_recession", "no", "finding:severe_breathing_difficulty", "no",
				"finding:drowsiness", "no", "finding:mottled_skin", "no", "finding:drooling", "no").disposition())
			.isEqualTo(Disposition.URGENT);
		assertThat(assess("My 2-year-old bumped his head on the table an hour ago. He cried straight away and is playing normally now. He hasn't been sick and isn't sleepy.",
				"finding:loss_of_consciousness", "no", "finding:drowsiness", "no", "finding:confusion", "no",
				"finding:seizure", "no", "finding:vomiting", "no", "finding:memory_loss", "no", "finding:behaviour_change", "no",
				"finding:skull_fracture_signs", "no", "finding:anticoagulant", "no", "finding:bleeding_disorder", "no",
				"finding:arm_leg_weakness", "no", "finding:vision_loss", "no", "finding:serious_accident", "no",
				"finding:alcohol_or_drugs", "no", "finding:headache", "no").disposition())
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(assess("My 6-week-old has colic, he cries every evening for hours and draws his legs up, but he feeds well and is gaining weight.",
				"finding:baby_seems_well", "yes", "finding:fever", "no", "finding:vomiting", "no", "finding:bloody_stool", "no",
				"measure:temperature", "36.8").disposition())
			.isNotEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aClinicianOpeningIsAboutSomeoneElseWithTheRightPronoun() {
		assertThat(Interviewer.aboutSomeoneElse("A 9-month-old infant is brought in with a fever.")).isTrue();
		assertThat(Interviewer.aboutSomeoneElse("An 11-year-old girl presents with tummy pain.")).isTrue();
		assertThat(Interviewer.aboutSomeoneElse("I have had a sore throat for three days.")).isFalse();
		assertThat(Interviewer.sexOfWhoIsUnwell("A 9-year-old boy is brought in by his mother with a limp."))
			.isEqualTo(Facts.Sex.MALE);
		assertThat(Interviewer.sexOfWhoIsUnwell("An 80-year-old woman is brought in by her son.")).isEqualTo(Facts.Sex.FEMALE);
	}

	/** The question ids asked, in order, when every answer is "I'm not sure". */
	private static List<String> questionsAsked(String opening) {
		return consult(opening).asked();
	}

	@Test
	void aBabysOwnWarningSignsAreAskedBeforeAnAdultScreensQuestions() {
		List<String> asked = questionsAsked("A 7-month-old infant is brought in with a fever and irritability since this morning.");

		assertThat(asked).contains("finding:bulging_fontanelle", "finding:weak_high_pitched_cry");
		assertThat(asked.indexOf("finding:bulging_fontanelle")).isLessThan(
				asked.contains("finding:headache") ? asked.indexOf("finding:headache") : Integer.MAX_VALUE);
		assertThat(asked.indexOf("finding:weak_high_pitched_cry")).isLessThan(
				asked.contains("finding:light_sensitivity") ? asked.indexOf("finding:light_sensitivity") : Integer.MAX_VALUE);
	}

	@Test
	void theScreenAsksAboutSwallowedMedicinesForAChildOnly() {
		List<String> child = questionsAsked("I've just found my 2-year-old with my iron tablets.");
		assertThat(child).contains("finding:child_got_into_medicine");
		assertThat(assess("I've just found my 2-year-old with my iron tablets.", "finding:child_got_into_medicine",
				"The pot was open and some are missing.").disposition()).isEqualTo(Disposition.EMERGENCY);

		// A screen question whose every red flag is already impossible is not asked: this patient is 40.
		assertThat(questionsAsked("I'm 40 and I just don't feel right today.")).doesNotContain("finding:child_got_into_medicine");
	}

	/**
	 * A parent's own age is not the baby's: "I'm 30 and my baby has a temperature of 38.4. She is 6 weeks old" is
	 * a feverish 6-week-old (an emergency), not a feverish 30-year-old (self-care). Stated alone, the parent's age
	 * leaves the patient's unknown, and it is asked.
	 */
	@Test
	void aParentsOwnAgeIsNotTheBabys() {
		assertThat(assess("I'm 30 and my baby has a temperature of 38.4. She is 6 weeks old.").disposition())
				.isEqualTo(Disposition.EMERGENCY);
		assertThat(assess("I'm a 34-year-old mum and my son is 7 weeks old. He feels hot and the thermometer says 38.2.")
				.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(questionsAsked("I'm 30 and my baby has a temperature of 38.4.")).contains("measure:age");
		// Answered when asked, the age counts: the question says whose age it wants.
		assertThat(assess("I'm 30 and my baby has a temperature of 38.4.", "measure:age", "6 weeks").disposition())
				.isEqualTo(Disposition.EMERGENCY);
		// A patient speaking for themself keeps their own age.
		assertThat(MeasureReader.age(Text.normalize("I'm 30 and I have a temperature of 38.4."))).contains(30.0);
	}
}
