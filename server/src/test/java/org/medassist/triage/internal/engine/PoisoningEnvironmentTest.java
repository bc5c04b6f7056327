package org.medassist.triage.internal.engine;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.assessOtherwise;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

/**
 * Poisoning, overdose and the environment (red-flags/poisoning-environment.yaml, protocols/poisoning-environment.yaml):
 * an overdose is an emergency even when the person feels well, a swallowed button battery or magnets go straight to
 * the emergency department, and alcohol poisoning, drug toxicity, heatstroke, hypothermia, near-drowning with a cough,
 * smoke inhalation with a hoarse voice and a snake bite stop the interview with their red flag; their look-alikes (a
 * coin that has passed, a hangover, heat exhaustion that settled, a small household shock, a mild jellyfish sting, food
 * poisoning from a known meal, a missed tablet) are kept at home, and the same-day cases are seen today. Real knowledge
 * base and the bundled embedding model, as in production.
 */
class PoisoningEnvironmentTest {

	/** Every question not given is answered "No". */
	private static Assessment assessNo(String opening, String... answers) {
		return assessOtherwise(opening, "No", answers);
	}

	@Test
	void aParacetamolOverdoseIsAnEmergencyEvenWhenThePersonFeelsWell() {
		Assessment a = assessNo("I took about twenty paracetamol tablets three hours ago. I feel completely fine now. I'm 19.");

		assertThat(a.disposition()).as(a.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-poisoning-or-overdose");

		Assessment staggered = assessNo("I've been taking paracetamol every couple of hours for toothache, probably double the maximum each day for three days. I'm 45.");
		assertThat(staggered.disposition()).as(staggered.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(staggered)).contains("rf-poisoning-or-overdose");
	}

	@Test
	void aSwallowedButtonBatteryOrMagnetsGoStraightToTheEmergencyDepartment() {
		Assessment battery = assessNo("I think my 2-year-old has swallowed a button battery from the remote. He seems fine and is playing.");
		assertThat(battery.disposition()).as(battery.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(battery)).contains("rf-swallowed-battery-or-magnet");

		Assessment magnets = assessNo("My 6 year old swallowed two tiny magnetic balls from a desk toy an hour ago, his tummy doesn't hurt.");
		assertThat(magnets.disposition()).as(magnets.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(magnets)).contains("rf-swallowed-battery-or-magnet");
	}

	@Test
	void aSwallowedCoinThatHasPassedStaysAtHomeButTummyPainIsSeenToday() {
		Assessment passed = assessNo("My 5 year old son swallowed a small coin four days ago. He was never in pain and we found it in his poo this morning.");
		assertThat(passed.disposition()).as(passed.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(passed.protocols()).contains("swallowed-object");

		Assessment tummy = assessNo("My 4 year old daughter swallowed a 1p coin two days ago and today she has a mild tummy ache.");
		assertThat(tummy.disposition()).as(tummy.reasons().toString()).isEqualTo(Disposition.URGENT);

		Assessment drooling = assessNo("My 3 year old swallowed a coin an hour ago and now he is drooling and keeps gagging.");
		assertThat(drooling.disposition()).as(drooling.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(drooling)).contains("rf-swallowed-object-with-symptoms");

		// Denied in the opening, the warning signs do not fire even when every question is answered "I'm not sure".
		Assessment denied = assess("My 3 year old swallowed a coin this morning. He has not been sick, he isn't drooling and he isn't coughing.");
		assertThat(denied.disposition()).as(denied.reasons().toString()).isNotEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(denied)).doesNotContain("rf-swallowed-object-with-symptoms", "rf-swallowed-battery-or-magnet");
	}

	@Test
	void someoneDrunkWhoCannotBeWokenIsAnEmergencyButAHangoverIsNot() {
		Assessment poisoning = assessNo("My flatmate drank most of a bottle of vodka at a party. We can't wake him up properly and his breathing is slow.");
		assertThat(poisoning.disposition()).as(poisoning.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(poisoning)).contains("rf-alcohol-poisoning");

		Assessment hangover = assessNo("I've got a hangover after a wedding last night, I was sick once and I'm drinking water. I'm 28.");
		assertThat(hangover.disposition()).as(hangover.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(redFlagIds(hangover)).doesNotContain("rf-alcohol-poisoning", "rf-poisoning-or-overdose");
	}

	@Test
	void chestPainAfterCocaineAndOverheatingAfterEcstasyAreEmergencies() {
		Assessment cocaine = assessNo("I took cocaine last night and now I have chest pain. I'm 29.");
		assertThat(cocaine.disposition()).as(cocaine.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(cocaine)).contains("rf-recreational-drug-toxicity");

		Assessment ecstasy = assessNo("My friend took ecstasy at a festival and now he is confused and burning hot. He's 22.");
		assertThat(ecstasy.disposition()).as(ecstasy.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(ecstasy)).contains("rf-recreational-drug-toxicity");
	}

	@Test
	void heatExhaustionThatSettlesStaysAtHomeButHeatstrokeIsAnEmergency() {
		Assessment exhaustion = assessNo("I had heat exhaustion after gardening in the sun all afternoon, dizzy and sweaty, but after half an hour in the shade with water I feel much better. I'm 36.");
		assertThat(exhaustion.disposition()).as(exhaustion.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(exhaustion.protocols()).contains("heat-illness");

		Assessment stroke = assessNo("My dad, 84, has been shut in his flat in the heatwave and now he's confused and his skin is hot and dry.");
		assertThat(stroke.disposition()).as(stroke.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(stroke)).contains("rf-heatstroke");
	}

	@Test
	void hypothermiaAndNearDrowningWithACoughAreEmergenciesAndANearDrowningIsCheckedToday() {
		Assessment cold = assessNo("We found our 88 year old neighbour on her kitchen floor, the heating was off all night and she is icy cold and drowsy.");
		assertThat(cold.disposition()).as(cold.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(cold)).contains("rf-hypothermia");

		Assessment coughing = assessNo("My 5 year old was pulled out of the pool after going under the water and now he keeps coughing.");
		assertThat(coughing.disposition()).as(coughing.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(coughing)).contains("rf-after-drowning");

		Assessment well = assessNo("My 7 year old was pulled out of the water at the pool after going under for a moment.");
		assertThat(well.disposition()).as(well.reasons().toString()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aSmallHouseholdShockStaysAtHomeButPassingOutAfterAShockIsAnEmergency() {
		Assessment small = assessNo("I got a small electric shock changing a light bulb, just a quick jolt, and I feel normal now. I'm 39.");
		assertThat(small.disposition()).as(small.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(small.protocols()).contains("electric-shock");

		Assessment collapse = assessNo("I got an electric shock from a faulty plug and passed out for a moment. I'm 38.");
		assertThat(collapse.disposition()).as(collapse.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(collapse)).contains("rf-electric-shock-serious");
	}

	@Test
	void smokeInhalationWithAHoarseVoiceAndASnakeBiteAreEmergencies() {
		Assessment smoke = assessNo("I breathed in a lot of smoke in a house fire and now my voice is hoarse. I'm 41.");
		assertThat(smoke.disposition()).as(smoke.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(smoke)).contains("rf-smoke-inhalation");

		Assessment adder = assessNo("I was bitten on the ankle by an adder on the heath half an hour ago. I'm 52.");
		assertThat(adder.disposition()).as(adder.reasons().toString()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(adder)).contains("rf-snake-bite");
	}

	@Test
	void aMildJellyfishStingIsSelfCareButAWeeverSpineLeftInIsSeenToday() {
		Assessment jellyfish = assessNo("I got stung by a jellyfish on my leg while swimming, there are red stinging lines. I'm 25.");
		assertThat(jellyfish.disposition()).as(jellyfish.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(jellyfish.protocols()).contains("sea-creature-sting");

		Assessment weever = assessNo("I stood on a weever fish and part of the spine is still stuck in my heel. I'm 27.");
		assertThat(weever.disposition()).as(weever.reasons().toString()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void foodPoisoningFromAKnownMealIsNotReadAsAPoisoningEmergency() {
		Assessment mild = assessNo("I think I have food poisoning from a restaurant meal last night, I've been sick three times and I can keep water down. I'm 42.");
		assertThat(mild.disposition()).as(mild.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(redFlagIds(mild)).doesNotContain("rf-poisoning-or-overdose");
		assertThat(mild.protocols()).contains("food-poisoning");

		Assessment blood = assessNo("I've had food poisoning from a dodgy takeaway for two days and now there is blood in my diarrhoea. I'm 38.");
		assertThat(blood.disposition()).as(blood.reasons().toString()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void aMissedTabletIsSelfCareButAnExtraDoseOfWarfarinOrOfAChildsMedicineIsSeenToday() {
		Assessment missed = assessNo("I forgot to take my blood pressure tablet this morning. I'm 63.");
		assertThat(missed.disposition()).as(missed.reasons().toString()).isEqualTo(Disposition.SELF_CARE);
		assertThat(missed.protocols()).contains("medicine-dose-mistake");

		Assessment warfarin = assessNo("I take warfarin and I took my dose twice this morning by mistake. I feel fine. I'm 71.");
		assertThat(warfarin.disposition()).as(warfarin.reasons().toString()).isEqualTo(Disposition.URGENT);

		Assessment calpol = assessNo("I accidentally gave my 3 year old son a second dose of Calpol only an hour after the first one.");
		assertThat(calpol.disposition()).as(calpol.reasons().toString()).isEqualTo(Disposition.URGENT);
	}
}
