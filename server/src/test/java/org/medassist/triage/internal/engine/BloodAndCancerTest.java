package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.internal.KnowledgeBaseFiles;

/**
 * Blood problems and symptoms that may need a check for cancer: a temperature or shivers during chemotherapy, sickle
 * cell danger signs, cancer pressing on the spinal cord, a blocked chest vein, a bleed in haemophilia; unexplained
 * bruising, swollen glands and night sweats that need a GP or a blood count; and the look-alikes that must not be
 * over-triaged (swollen glands with a cold, sweating in a heatwave). Real knowledge base and the bundled embedding
 * model, as in production; two Spanish openings for the new red flags.
 */
class BloodAndCancerTest {

	@Test
	void shiversDuringChemotherapyAreAnEmergencyEvenWithoutAHighTemperature() {
		EngineConsultations.Run run = EngineConsultations.consult(
				"My husband is on chemo for lymphoma and tonight he is shivering and shaking and feels awful. He's 67.");

		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(run.assessment())).contains("rf-chemotherapy-fever-or-shivers");
		// Chemotherapy still counts as a weakened immune system.
		assertThat(run.assessment().present().stream().map(Assessment.FindingNote::id)).contains("immunosuppressed");
	}

	@Test
	void aChildOnChemotherapyWithATemperatureIsAnEmergency() {
		Assessment a = assess("My daughter has leukaemia and is having chemotherapy, and she has a temperature of 38.5. She is 8.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-chemotherapy-fever-or-shivers");
	}

	@Test
	void sickleCellWithChestPainOrATemperatureIsAnEmergency() {
		Assessment chest = assess("I have sickle cell disease and now I have chest pain and I'm short of breath. I'm 24.");
		Assessment fever = assess("My son has sickle cell anaemia and he has a temperature of 38.9. He is 16.");

		assertThat(chest.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(chest)).contains("rf-sickle-cell-danger-signs");
		assertThat(fever.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(fever)).contains("rf-sickle-cell-danger-signs");
	}

	@Test
	void aSickleCellCrisisThatHomePainkillersDoNotControlIsSeenToday() {
		Assessment a = assess("I have sickle cell and I'm in a pain crisis. The pain in my legs is 9 out of 10. I'm 29.",
				"finding:chest_pain", "no", "finding:shortness_of_breath", "no", "finding:fever", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.protocols()).contains("sickle-cell");
	}

	@Test
	void backPainWithHeavyLegsInSomeoneWithCancerIsSpinalCordCompression() {
		Assessment a = assess("My dad has prostate cancer and he has new back pain. His legs feel heavy and he is struggling to walk. He is 71.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-cancer-spinal-cord-compression");
	}

	@Test
	void aSwollenFaceAndNeckWithLungCancerIsAnEmergency() {
		Assessment a = assess("I have lung cancer and my face and neck have swollen up. My shirt collar won't do up. I'm 58.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-superior-vena-cava-obstruction");
	}

	@Test
	void aHotSwollenKneeInHaemophiliaIsSeenTheSameDay() {
		Assessment a = assess("I have haemophilia and my knee is hot and swollen after football yesterday. I'm 22.",
				"finding:fever", "no", "finding:head_injury", "no");

		assertThat(a.disposition()).isIn(Disposition.URGENT, Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-bleeding-disorder-bleed");
	}

	@Test
	void unexplainedBruisingWithTirednessNeedsABloodCountToday() {
		Assessment a = assess("I keep getting bruises on my arms and legs that I can't explain. I feel really tired. I'm 34.",
				"finding:non_blanching_rash", "no", "finding:heavy_bleeding", "no", "finding:fever", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.protocols()).contains("bruising-bleeding");
		assertThat(a.reasons().stream().map(Assessment.Reason::rule)).contains("bruising-bleeding-blood-count");
	}

	@Test
	void aSwollenGlandForFourWeeksGoesToTheGp() {
		Assessment a = assess("I have a swollen gland in my neck that hasn't gone down after four weeks. It doesn't hurt. I'm 41.",
				"finding:drooling", "no", "finding:severe_breathing_difficulty", "no", "finding:difficulty_swallowing", "no",
				"measure:duration_days", "4 weeks");

		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(a.protocols()).contains("swollen-glands");
	}

	@Test
	void swollenGlandsWithAColdAreNotOverTriaged() {
		Assessment a = assess("My son's glands in his neck are a bit swollen with his cold. He is 6. It's been four days.", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(a.protocols()).contains("swollen-glands");
	}

	@Test
	void nightSweatsInAHeatwaveAreSelfCareButWithALumpTheyGoToTheGp() {
		Assessment heat = assess("I've been sweating at night for a few nights during this heatwave. I feel well otherwise. I'm 26.", "no");
		Assessment lump = assess("I've been having drenching night sweats for three weeks. I've also found a lump in my armpit. I'm 35.", "no");

		assertThat(heat.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(heat.protocols()).contains("night-sweats");
		assertThat(lump.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void spanishOpeningsRaiseTheNewRedFlags() throws IOException {
		KnowledgeBase kb = new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		Interviewer spanish = new Interviewer(kb, null, 0.8);

		Assessment chemo = conclude(spanish, "Mi esposo está en quimioterapia y tiene escalofríos y fiebre");
		Assessment sickle = conclude(spanish, "Tengo anemia falciforme y me duele el pecho");

		assertThat(chemo.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(chemo)).contains("rf-chemotherapy-fever-or-shivers");
		assertThat(sickle.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(sickle)).contains("rf-sickle-cell-danger-signs");
	}

	private static Assessment conclude(Interviewer spanish, String opening) {
		Interviewer.Decision d = spanish.next(List.of(new Interviewer.Turn(null, opening)), "911", "es");
		assertThat(d).as(opening).isInstanceOf(Interviewer.Conclude.class);
		return ((Interviewer.Conclude) d).assessment();
	}
}
