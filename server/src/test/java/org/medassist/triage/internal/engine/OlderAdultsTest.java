package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Problems of older adults (round 2, branch elders): a blood thinner named by the medicine alone ("takes apixaban")
 * is read, so a knock to the head on one goes to the emergency department; being unable to pass urine is a complaint
 * of its own (acute retention); blood in the urine on a blood thinner is same-day; a carer who cannot cope sees the
 * GP. Look-alikes (a dark, scanty urine; a flu the carer reports) are not raised. Real knowledge base and the bundled
 * embedding model, as in production.
 */
class OlderAdultsTest {

	@Test
	void aKnockToTheHeadOnABloodThinnerNamedByItsMedicineIsAnEmergency() {
		Assessment a = assess("My mum is 82 and she fell and banged her head on the banister. She takes apixaban.");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("rf-head-injury-on-blood-thinners"));
	}

	@Test
	void theBloodThinnerIsAskedAboutWhenTheOpeningOnlyTellsOfTheKnock() {
		Assessment a = assess("My dad is 85 and he fell and hit his head on the door frame this morning.",
				"finding:anticoagulant", "yes, he's on rivaroxaban");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void anOlderPersonsKnockToTheHeadGoesToTheEmergencyDepartmentUnlessBloodThinnersAreRuledOut() {
		assertThat(assess("My mum is 82 and she tripped and banged her head on the banister this morning.", "measure:age", "82").disposition())
			.isEqualTo(Disposition.EMERGENCY);
		Assessment no = assess("My mum is 82 and she tripped and banged her head on the banister this morning.",
				"measure:age", "82", "finding:anticoagulant", "no", "finding:bleeding_disorder", "no", "finding:loss_of_consciousness", "no",
				"finding:vomiting", "no", "finding:drowsiness", "no", "finding:confusion", "no", "finding:memory_loss", "no",
				"finding:headache", "no", "finding:behaviour_change", "no", "finding:skull_fracture_signs", "no",
				"finding:serious_accident", "no", "finding:seizure", "no", "finding:arm_leg_weakness", "no",
				"finding:vision_loss", "no", "finding:alcohol_or_drugs", "no");
		assertThat(no.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void beingUnableToPassUrineIsAnEmergencyEvenWithATypo() {
		assertThat(assess("my father is 79 he hasnt been able to pass any urine since last night and his lower tummy is swollen")
			.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(assess("I'm 81 and I can't pass water, my bladder feels full to bursting").disposition())
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void bloodInTheUrineOnWarfarinIsSameDay() {
		Assessment a = assess("I'm 75 and on warfarin. For two days my urine has been pink with blood.",
				"finding:unable_to_pass_urine", "no", "finding:flank_pain", "no", "finding:fever", "no",
				"finding:vomiting", "no", "finding:confusion", "no", "finding:chills", "no");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("urinary-symptoms-blood-on-anticoagulant"));
	}

	@Test
	void aCarerWhoCannotCopeSeesTheGp() {
		Assessment a = assess("I look after my husband who has dementia. I'm 74, I'm exhausted and I feel I can't cope much longer.",
				"finding:suicidal_thoughts", "no", "finding:low_mood", "no");
		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("carer-stress"));
	}

	@Test
	void lookAlikesAreNotRaised() {
		// A carer reporting the flu of the person she looks after is not a carer under strain.
		Assessment flu = assess("I'm looking after my husband who has the flu, he has a cough and aches. He's 70.",
				"finding:severe_breathing_difficulty", "no", "finding:shortness_of_breath", "no", "finding:chest_pain", "no");
		assertThat(flu.reasons()).noneSatisfy(r -> assertThat(r.rule()).isEqualTo("carer-stress"));
		// Dark, scanty urine is not being unable to pass urine.
		Assessment urine = assess("I'm 72 and my wee has been a bit dark today, I think I haven't been drinking enough.");
		assertThat(urine.reasons()).noneSatisfy(r -> assertThat(r.rule()).isEqualTo("urinary-symptoms-retention"));
	}
}
