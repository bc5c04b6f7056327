package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.assessOtherwise;
import static org.medassist.triage.internal.engine.EngineConsultations.openingAlone;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Mental health in depth: suicide with a plan, the means or final acts stops at once; voices ordering harm or a
 * threat to others is an emergency; new psychosis or mania is seen the same day; panic that is really a heart attack
 * is caught; and the frightening-sounding but harmless stories (a voice heard only while falling asleep, sensing a
 * loved one who has died, a recent bereavement, one panic attack in someone who knows them, a stressful deadline)
 * are not over-triaged. Real knowledge base and the bundled embedding model, as in production.
 */
class MentalHealthTest {

	/** Every question not given in {@code answers} is answered "No". */
	private static Assessment assessNo(String opening, String... answers) {
		return assessOtherwise(opening, "No", answers);
	}

	@Test
	void aPlanWithTheMeansStopsAtOnce() {
		Assessment a = openingAlone("I've decided to end my life tonight. I've been saving up my sleeping tablets for weeks.");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-suicide-plan");
	}

	@Test
	void aCarerWhoFindsTheMeansOrGoodbyesIsAnEmergency() {
		Assessment rope = assess("My 16-year-old son told me he wants to die. He has been searching online for ways to hang himself and we found a rope hidden in his wardrobe.");
		assertThat(rope.disposition()).isEqualTo(Disposition.EMERGENCY);

		Assessment goodbyes = assess("I'm 81 and my wife died last year.",
				"finding:suicide_final_acts", "Yes, I have sorted out my will and given away my things.");
		assertThat(goodbyes.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(goodbyes)).contains("rf-suicide-preparation");
	}

	@Test
	void voicesOrderingHarmOrAThreatToOthersIsAnEmergency() {
		Assessment voices = assess("My brother has stopped taking his medication for schizophrenia. He says voices are telling him to kill himself.");
		assertThat(voices.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(voices)).contains("rf-mental-health-danger");

		Assessment threat = assess("My flatmate believes the neighbours are poisoning his food and he is threatening to kill them.");
		assertThat(threat.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(threat)).contains("rf-mental-health-danger");
	}

	@Test
	void newVoicesOrManiaWithoutDangerAreSeenTheSameDay() {
		Assessment voices = assessNo("For the past week I've been hearing a man's voice commenting on everything I do. Nobody else can hear it. I'm 23.");
		assertThat(voices.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(voices.protocols()).contains("psychosis-mania");

		Assessment mania = assessNo("My husband hasn't slept for four nights but says he has never felt better. He is talking non-stop and has spent thousands on things we don't need. He is 39.");
		assertThat(mania.disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aVoiceOnlyWhileFallingAsleepOrSensingSomeoneWhoDiedIsNotPsychosis() {
		Assessment asleep = assessNo("Sometimes as I'm falling asleep I hear someone calling my name. It only happens as I drift off and I know it isn't real. I'm 30.");
		assertThat(asleep.disposition()).isEqualTo(Disposition.SELF_CARE);

		Assessment grief = assessNo("Since my grandmother died last month I sometimes feel she is in the room with me. It comforts me. I'm 50.");
		assertThat(grief.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(grief.protocols()).contains("grief-bereavement");
	}

	@Test
	void normalGriefIsSelfCareButGriefThatDoesNotEaseGoesToTheGp() {
		Assessment recent = assessNo("My father died two weeks ago. I keep crying and I'm not sleeping well. I have no thoughts of harming myself. I'm 44.");
		assertThat(recent.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(redFlagIds(recent)).doesNotContain("rf-suicidal-thoughts-or-self-harm");

		Assessment prolonged = assessNo("My husband died fourteen months ago and I still can't accept that he's gone. I'm 67.",
				"measure:duration_days", "14 months");
		assertThat(prolonged.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aPanicAttackThatIsReallyAHeartAttackIsCaught() {
		Assessment a = assess("I think I'm having a panic attack but it feels different.",
				"finding:chest_pain", "Yes, a crushing pain in my chest going down my left arm.",
				"finding:pain_spreading_arm_jaw", "Yes", "finding:sweating", "Yes");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void panicAttacksKnownOrRecurringAreNotEscalated() {
		Assessment once = assessNo("I had a panic attack on the train this morning. I've had them before. It passed within ten minutes and I feel fine now. I'm 31.");
		assertThat(once.disposition()).isEqualTo(Disposition.SELF_CARE);

		Assessment recurring = assessNo("I've been having panic attacks several times a week for the past month. They pass after about ten minutes. I'm 26.");
		assertThat(recurring.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void aTeenagerWithAnEatingDisorderWhoFaintsIsSeenToday() {
		Assessment fainted = assessNo("My 15-year-old daughter has lost a lot of weight, she skips meals and exercises for hours every day. She fainted in the shower this morning.");
		assertThat(fainted.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(fainted.protocols()).contains("eating-disorder");

		Assessment bulimia = assessNo("I'm 19 and I make myself sick after eating, several times a week. I want help. I haven't fainted.");
		assertThat(bulimia.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void selfHarmWithoutSuicidalIntentIsStillSameDay() {
		Assessment a = assessNo("My 14-year-old daughter has been cutting her thighs. The cuts are shallow and have stopped bleeding. She says she does it to cope, not because she wants to die.");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-suicidal-thoughts-or-self-harm");
	}

	@Test
	void stressSleepAndReferralsStayOutOfUrgentCare() {
		assertThat(assessNo("I've had a very stressful few weeks at work with a big deadline. I'm a bit irritable and tired but still coping. I have no thoughts of suicide. I'm 41.")
				.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(assessNo("I haven't slept well for the last week since moving house. I feel fine during the day. I'm 35.",
				"measure:duration_days", "1 week").disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(assessNo("I've had trouble falling asleep most nights for four months. I'm 52.").disposition())
			.isEqualTo(Disposition.ROUTINE);
		assertThat(assessNo("My son's teacher thinks he may have ADHD. He is 8 and can't sit still in class.").disposition())
			.isEqualTo(Disposition.ROUTINE);
		assertThat(assessNo("I'm 48 and I drink most of a bottle of wine every night. I want to cut down but I can't manage it on my own.")
				.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void psychosisSoonAfterABirthIsAnEmergency() {
		Assessment a = assess("My wife gave birth nine days ago and she is convinced the baby has been swapped at the hospital. She keeps saying people are listening to us through the walls.");
		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-postpartum-psychosis");
	}
}
