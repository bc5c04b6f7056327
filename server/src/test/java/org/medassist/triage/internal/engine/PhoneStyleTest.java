package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.absentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;
import static org.medassist.triage.internal.engine.EngineConsultations.consultAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.presentIds;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Short messages typed on a phone that a fresh batch showed were misread: a denial after a comma or with no
 * punctuation at all ("cough since one month no blood"), "diarrhoea and sick", only one wet nappy, a child pooing
 * only every few days, a mole that got bigger and darker, a cake that had nuts in it. Each is tested next to the
 * dangerous sentence it must not hide. Real knowledge base and the bundled embedding model.
 */
class PhoneStyleTest {

	@Test
	void aCoughWithBloodDeniedAfterACommaIsStillACough() {
		Assessment a = assessAnsweringNo("my husband he is cough since one month, no blood, no fever. he dont smoke. otherwise he is ok");

		assertThat(presentIds(a)).contains("cough").doesNotContain("coughing_blood");
		assertThat(a.protocols()).contains("cough");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aCoughWithBloodDeniedWithoutPunctuationIsStillACough() {
		Assessment a = assessAnsweringNo("my husband he is cough since one month no blood no fever");

		assertThat(presentIds(a)).contains("cough").doesNotContain("coughing_blood");
		assertThat(absentIds(a)).contains("fever");
	}

	@Test
	void coughingUpBloodAfterACoughIsStillCoughingBlood() {
		Assessment a = assess("i had a cough for a month and now im coughing up blood");

		assertThat(presentIds(a)).contains("coughing_blood");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void aDenialOfCoughAlsoDeniesItWhenBloodIsDeniedToo() {
		Assessment a = assessAnsweringNo("no cough for a week no blood, just a sore throat");

		assertThat(presentIds(a)).doesNotContain("cough", "coughing_blood");
	}

	@Test
	void diarrhoeaWithNoBloodAnsweredInAFullSentenceIsNotBloodyDiarrhoea() {
		EngineConsultations.Run run = consult("my husband he have diarrhoea since yesterday",
				"finding:bloody_stool", "he have diarrhoea since yesterday after we eat takeaway, no blood",
				"finding:not_drinking", "no", "finding:reduced_urine", "no", "finding:drowsiness", "no",
				"finding:confusion", "no", "finding:immunosuppressed", "no", "measure:age", "40");

		assertThat(run.asked()).contains("finding:bloody_stool");
		assertThat(presentIds(run.assessment())).contains("diarrhoea").doesNotContain("bloody_stool");
		assertThat(ruleIds(run.assessment())).doesNotContain("diarrhoea-blood-or-dehydration");
	}

	@Test
	void diarrhoeaWithBloodInThePooIsStillBloody() {
		Assessment a = assess("diarrhoea since yesterday, blood in the poo too");

		assertThat(presentIds(a)).contains("bloody_stool");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void diarrhoeaWithBloodInItIsDiarrhoeaAndBloodInTheStool() {
		Assessment a = assess("diarrhoea since yesterday, blood in it");

		assertThat(presentIds(a)).contains("diarrhoea", "bloody_stool");
		assertThat(a.protocols()).contains("diarrhoea");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void noBloodyDiarrhoeaLeavesBloodInTheStoolToBeAsked() {
		EngineConsultations.Run run = consultAnsweringNo("i have had a tummy ache since yesterday, no bloody diarrhoea");

		assertThat(presentIds(run.assessment())).doesNotContain("bloody_stool", "diarrhoea");
		assertThat(run.assessment().disposition()).isNotNull();
	}

	@Test
	void aToddlerWithDiarrhoeaAndSickAndOnlyOneWetNappyIsSeenToday() {
		Assessment a = assessAnsweringNo("my 2 year old been having diarrhoea and sick for 2 days now, only 1 wet nappy today and his lips look dry");

		assertThat(presentIds(a)).contains("diarrhoea", "vomiting", "reduced_urine");
		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void beenSickIsVomitingButFeelingSickIsNausea() {
		assertThat(presentIds(assessAnsweringNo("i've been sick twice since lunch"))).contains("vomiting");
		Assessment nausea = assessAnsweringNo("i have been feeling sick all day");
		assertThat(presentIds(nausea)).contains("nausea").doesNotContain("vomiting");
		assertThat(absentIds(assessAnsweringNo("he hasn't been sick but has a runny nose"))).contains("vomiting");
	}

	@Test
	void aChildPooingOnlyEveryFewDaysForAMonthIsConstipation() {
		Assessment a = assessAnsweringNo("my 4yo son pooing only every 4 or 5 days n its hard n hurts him, been like this over a month. eating fine");

		assertThat(presentIds(a)).contains("constipation");
		assertThat(a.protocols()).contains("constipation");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void pooingBloodIsStillBloodInThePoo() {
		Assessment a = assess("my son is pooing blood since this morning");

		assertThat(presentIds(a)).contains("bloody_stool");
	}

	@Test
	void aMoleThatGotBiggerAndDarkerIsAChangingMole() {
		Assessment a = assessAnsweringNo("i have a mole on my back, my gf says its got bigger and darker than before");

		assertThat(presentIds(a)).contains("mole", "mole_changed");
		assertThat(a.disposition()).isIn(Disposition.ROUTINE, Disposition.URGENT);
	}

	@Test
	void aCakeWithNutsInItOpensAnAllergicReactionThatAsksAboutSwelling() {
		EngineConsultations.Run run = consult("ate a cake at work had nuts in it",
				"finding:lip_tongue_swelling", "my lips n tongue swelling up and my throat feel tight");

		assertThat(run.assessment().protocols()).contains("allergic-reaction");
		assertThat(run.asked()).contains("finding:lip_tongue_swelling");
		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void nutsThatHurtAreStillTesticles() {
		Assessment a = assess("my nuts hurt really bad since this morning, im 15");

		assertThat(presentIds(a)).contains("testicular_pain").doesNotContain("allergic_reaction");
		assertThat(a.protocols()).doesNotContain("allergic-reaction");
	}

	@Test
	void aFloppyBabyIsStillFloppyWhenTheNextClauseStartsWithNo() {
		Assessment a = assess("my baby is 5 months and she is floppy, no response when i call her");

		assertThat(presentIds(a)).contains("drowsiness");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).isNotEmpty();
	}
}
