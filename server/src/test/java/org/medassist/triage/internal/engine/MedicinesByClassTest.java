package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assessOtherwise;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Problems with particular medicines (red-flags/medicines.yaml, protocols/medicines.yaml): black poo on a blood
 * thinner, serotonin syndrome, lithium toxicity, infection signs on clozapine, opioid poisoning, muscle breakdown on a
 * statin, severe diarrhoea after antibiotics, methotrexate taken daily by mistake and a missed contraceptive pill; and
 * the look-alikes that must not be over-triaged (a fine tremor on lithium, a mild statin ache, loose stools on
 * amoxicillin). Real knowledge base and the bundled embedding model, as in production; two Spanish openings.
 */
class MedicinesByClassTest {

	@Test
	void blackPooOnABloodThinnerIsAnEmergency() {
		Assessment a = assessOtherwise("My poo has gone black and sticky since yesterday and I take apixaban. I feel a bit tired.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-bleeding-on-blood-thinner");
	}

	@Test
	void aFineTremorAndThirstOnLithiumWithoutSicknessIsNotToxicity() {
		Assessment a = assessOtherwise("My hands have a fine tremor and I'm always thirsty on lithium. My last lithium level was normal. "
				+ "I've had no vomiting or diarrhoea and I'm walking normally. I'm 45.", "no");

		assertThat(redFlagIds(a)).doesNotContain("rf-lithium-toxicity", "rf-lithium-toxicity-severe");
		assertThat(a.disposition()).isIn(Disposition.SELF_CARE, Disposition.ROUTINE);
	}

	@Test
	void jerkingMusclesWithATemperatureAfterTramadolOnSertralineIsSerotoninSyndrome() {
		Assessment a = assessOtherwise("I've been sweating and my muscles keep jerking since I started tramadol two days ago. I already take sertraline. "
				+ "My temperature is 38.6.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-serotonin-syndrome");
	}

	@Test
	void vomitingAndDiarrhoeaOnLithiumNeedALevelToday() {
		Assessment a = assessOtherwise("I've been sick three times and had diarrhoea since yesterday and I'm on lithium. I'm 47.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-lithium-toxicity");
	}

	@Test
	void unsteadinessAndSlurredSpeechOnLithiumIsAnEmergency() {
		Assessment a = assessOtherwise("My mum takes lithium and she can't walk straight and her speech is slurred. She's 63.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-lithium-toxicity-severe");
	}

	@Test
	void aSoreThroatAndTemperatureOnClozapineNeedABloodCountToday() {
		Assessment a = assessOtherwise("My son has a sore throat and a high temperature and he takes clozapine. He's 29.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-clozapine-infection-signs");
	}

	@Test
	void slowBreathingAndPinpointPupilsOnMorphineIsAnEmergency() {
		Assessment a = assessOtherwise("My grandad's morphine dose went up yesterday. His breathing is slow with long pauses and his pupils are tiny. He's 85.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-opioid-toxicity");
	}

	@Test
	void brownUrineWithMusclePainOnAStatinIsSeenToday() {
		Assessment a = assessOtherwise("I've got severe muscle pain in my thighs and my pee has gone dark brown, and I take atorvastatin. I'm 64.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(a)).contains("rf-statin-muscle-breakdown");
	}

	@Test
	void aMildAcheOnAStatinIsForTheGpNotToday() {
		Assessment a = assessOtherwise("My calves and shoulders ache since I started simvastatin two months ago. It's a mild ache. I'm not weak and my wee is a normal colour.",
				"no");

		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(redFlagIds(a)).doesNotContain("rf-statin-muscle-breakdown");
	}

	@Test
	void severeWateryDiarrhoeaAfterAntibioticsIsSeenTodayButMildLooseStoolsAreNot() {
		Assessment severe = assessOtherwise("I've had watery diarrhoea about eight times a day since finishing a course of clindamycin. I'm 70.", "no");
		Assessment mild = assessOtherwise("I've had loose stools twice a day since starting amoxicillin. No blood, no fever and no tummy pain. I'm 45.", "no");

		assertThat(severe.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(redFlagIds(severe)).contains("rf-antibiotic-severe-diarrhoea");
		assertThat(mild.disposition()).isIn(Disposition.SELF_CARE, Disposition.ROUTINE);
		assertThat(redFlagIds(mild)).doesNotContain("rf-antibiotic-severe-diarrhoea");
	}

	@Test
	void methotrexateTakenEveryDayByMistakeIsAnOverdose() {
		Assessment a = assessOtherwise("I've been taking my methotrexate every day instead of once a week by mistake. My mouth is sore. I'm 66.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-poisoning-or-overdose");
	}

	@Test
	void oneMissedCombinedPillIsSelfCare() {
		Assessment a = assessOtherwise("I missed one of my combined pills yesterday and just realised. I took it as soon as I remembered. I'm 24.", "no");

		assertThat(a.protocols()).contains("missed-contraceptive-pill");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void spanishOpeningsOfTheNewEmergencyFlagsEscalateAtOnce() {
		Interviewer spanish = new Interviewer(SpanishInterviewTest.KB, null, 0.8);
		for (String[] c : new String[][] {
				{ "Tomo warfarina y desde ayer tengo heces negras", "rf-bleeding-on-blood-thinner" },
				{ "Tomo sertralina, empecé tramadol y ahora tengo tirones en los músculos, fiebre y sudor", "rf-serotonin-syndrome" } }) {
			Interviewer.Decision d = spanish.next(List.of(new Interviewer.Turn(null, c[0])), "911", "es");

			assertThat(d).as(c[0]).isInstanceOf(Interviewer.Conclude.class);
			Assessment a = ((Interviewer.Conclude) d).assessment();
			assertThat(a.disposition()).as(c[0]).isEqualTo(Disposition.EMERGENCY);
			assertThat(redFlagIds(a)).as(c[0]).contains(c[1]);
			assertThat(((Interviewer.Conclude) d).messages()).as(c[0]).anyMatch(m -> m.startsWith("Llame al 911"));
		}
	}
}
