package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.consult;
import static org.medassist.triage.internal.engine.EngineConsultations.disposition;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Muscles, bones and joints: the emergencies (an open fracture, a neck injury with nerve signs, giant cell arteritis
 * with a change in sight, pain getting worse under a cast) stop at once; the same-day problems (a tender ankle bone,
 * a torn Achilles tendon, a pulled elbow, a hot joint with fever, a tender scalp at 50 or over) are escalated; and
 * the everyday look-alikes (a sprain that takes weight, a stiff neck on waking, tennis elbow, growing pains, a known
 * gout flare) stay self-care instead of going to the nurse as an unrecognised complaint. Real knowledge base and the
 * bundled embedding model, as in production.
 */
class MusculoskeletalTest {

	@Test
	void aBoneThroughTheSkinIsAnEmergencyFromTheOpeningAlone() {
		EngineConsultations.Run run = consult("My son fell off his bike and there is bone poking out through the skin of his arm.");

		assertThat(run.asked()).isEmpty();
		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(run.assessment().redFlags()).extracting(Assessment.RedFlagHit::id).contains("rf-open-fracture");
	}

	@Test
	void tinglingArmsAfterWhiplashStopAtOnce() {
		Assessment a = assess("I got whiplash when a car hit mine from behind and now both my arms have pins and needles.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(a.redFlags()).extracting(Assessment.RedFlagHit::id).contains("rf-neck-injury-nerve-signs");
	}

	@Test
	void worseningPainUnderACastIsAnEmergency() {
		assertThat(disposition("My leg has been in a plaster cast since Monday and the pain keeps getting worse, painkillers are not helping.",
				"finding:painkillers_not_helping", "yes"))
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aTenderScalpWithAChangeInSightIsAnEmergencyAndWithoutItSameDay() {
		Assessment sight = assess("I'm 74, my scalp is tender when I brush my hair and my sight went blurry in one eye this morning.");
		assertThat(sight.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(sight.redFlags()).extracting(Assessment.RedFlagHit::id).contains("rf-giant-cell-arteritis-vision");

		Assessment jaw = assess("I'm 70 and my shoulders and hips have been stiff every morning for a month. My jaw aches when I chew.",
				"finding:vision_loss", "no", "measure:age", "70");
		assertThat(jaw.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(jaw.redFlags()).extracting(Assessment.RedFlagHit::id).contains("rf-giant-cell-arteritis");
	}

	@Test
	void aSprainedAnkleThatTakesWeightIsSelfCareButATenderAnkleBoneIsSameDay() {
		assertThat(disposition("I'm 22, I went over on my ankle yesterday. It's swollen but I can walk on it and pressing the bones doesn't hurt.",
				"finding:unable_to_bear_weight", "no", "finding:bone_tenderness", "no", "finding:deformity", "no",
				"finding:cold_pale_limb", "no", "finding:serious_accident", "no", "finding:heavy_bleeding", "no",
				"finding:bone_through_skin", "no", "finding:calf_pain", "no", "finding:hot_swollen_joint", "no",
				"finding:anticoagulant", "no", "finding:numbness_tingling", "no", "measure:pain", "4"))
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("I'm 27, I rolled my ankle this morning and the bony bump on the outside of the ankle is very tender to press."))
			.isEqualTo(Disposition.URGENT);
	}

	@Test
	void aSnapAtTheBackOfTheHeelIsASameDayTornAchillesTendon() {
		assertThat(disposition("Playing squash I felt like someone kicked me in the back of my heel and now I can't stand on tiptoe. I'm 42."))
			.isEqualTo(Disposition.URGENT);
	}

	@Test
	void aToddlerWhoWontUseHisArmAfterBeingSwungIsSeenToday() {
		assertThat(disposition("I swung my 2-year-old up by his hands and now he won't use his arm, he keeps it hanging by his side."))
			.isEqualTo(Disposition.URGENT);
	}

	@Test
	void aHotJointWithFeverIsSameDayButAKnownGoutFlareWithoutFeverIsSelfCare() {
		Assessment hot = assess("My knee is hot, red and swollen since last night and I have a temperature of 38.5. I'm 52.");
		assertThat(hot.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(hot.redFlags()).extracting(Assessment.RedFlagHit::id).contains("rf-hot-joint-with-fever");

		assertThat(disposition("My gout has come back in my big toe like the last times. I have no fever and I have naproxen for flares. I'm 60.",
				"finding:fever", "no", "finding:chills", "no", "finding:limb_injury", "no", "finding:deformity", "no",
				"finding:cold_pale_limb", "no", "finding:serious_accident", "no", "finding:heavy_bleeding", "no",
				"finding:bone_through_skin", "no", "finding:unable_to_bear_weight", "no", "finding:calf_pain", "no",
				"finding:bone_pain_at_night", "no", "finding:cast_or_splint", "no", "measure:pain", "5"))
			.isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void everydayAchesAreRecognisedAndStaySelfCare() {
		assertThat(consult("I woke up with a stiff neck and can't turn my head to the left. No injury, no temperature, no headache. I'm 36.",
				"finding:neck_injury", "no", "finding:serious_accident", "no", "finding:numbness_tingling", "no",
				"finding:arm_leg_weakness", "no", "finding:fever", "no", "finding:headache", "no", "measure:duration_days", "1 day",
				"finding:painkillers_not_helping", "no").assessment().disposition())
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("I've had pain on the outside of my elbow for a week after painting the ceiling, it hurts when I grip. I'm 48.",
				"finding:limb_injury", "no", "finding:hot_swollen_joint", "no", "finding:fever", "no",
				"finding:painkillers_not_helping", "no"))
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("My 6-year-old gets aching in both legs in the evening, it's gone by the morning and she plays normally.",
				"finding:limp", "no", "finding:fever", "no", "finding:bone_pain_at_night", "no", "finding:limb_injury", "no",
				"finding:hot_swollen_joint", "no", "finding:unable_to_bear_weight", "no"))
			.isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void longLastingOveruseProblemsGoToTheGp() {
		assertThat(disposition("The outside of my elbow has hurt for six weeks when I grip things. I'm 45.",
				"finding:limb_injury", "no", "finding:hot_swollen_joint", "no", "finding:fever", "no"))
			.isEqualTo(Disposition.ROUTINE);
		assertThat(disposition("For two months my thumb and first two fingers go numb at night and shaking my hand helps. I'm 47.",
				"finding:sudden_onset", "no", "finding:arm_leg_weakness", "no", "finding:face_drooping", "no",
				"finding:speech_difficulty", "no", "finding:vision_loss", "no"))
			.isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void sciaticaWithNumbnessWhenWipingIsCaudaEquina() {
		Assessment a = assess("I've had sciatica for two weeks and since last night I can't feel the toilet paper when I wipe.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(a.redFlags()).extracting(Assessment.RedFlagHit::id).contains("rf-cauda-equina");
	}
}
