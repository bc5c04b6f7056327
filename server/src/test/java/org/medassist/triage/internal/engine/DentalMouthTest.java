package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.assessAnsweringNo;
import static org.medassist.triage.internal.engine.EngineConsultations.redFlagIds;
import static org.medassist.triage.internal.engine.EngineConsultations.ruleIds;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Teeth, gums, mouth and jaw: a dental infection spreading to the eye, under the tongue or into the neck (Ludwig's
 * angina), a broken jaw, a tooth socket that will not stop bleeding, and a heart attack felt only in the jaw are
 * emergencies; a knocked-out adult tooth, a dry socket and a swollen face from a tooth are seen today; and the
 * look-alikes are not over-triaged: a knocked-out baby tooth is not a knock-out, teething and a clicking jaw are
 * looked after at home, and a patch in the mouth for weeks goes to the GP or dentist. Real knowledge base and the
 * bundled embedding model, as in production; the Spanish openings use the Spanish phrases only.
 */
class DentalMouthTest {

	/** No embedding model: Spanish is read by its phrases only. */
	private final Interviewer spanish = new Interviewer(SpanishInterviewTest.KB, null, 0.8);

	@Test
	void swellingUnderTheTongueFromABadToothWithDroolingIsLudwigsAngina() {
		EngineConsultations.Run run = EngineConsultations.consult(
				"My jaw is massively swollen underneath from a bad tooth. The swelling is under my chin and my tongue feels "
						+ "pushed up. I can't swallow my spit and I'm drooling.");

		assertThat(run.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(run.assessment())).containsAnyOf("rf-floor-of-mouth-swelling", "rf-dental-infection-spreading");
	}

	@Test
	void aDentalAbscessSwellingUpToTheEyeIsAnEmergencyEvenWithoutTheWordToothache() {
		Assessment a = assess("My face has swollen up from an abscess on one of my top teeth. The swelling has spread up to "
				+ "my eye and I can't open it.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-dental-infection-spreading");
	}

	@Test
	void aSwollenCheekOverABadToothWithoutSpreadIsSeenTodayNotSentToHospital() {
		Assessment a = assessAnsweringNo("My cheek has swollen up over a bad tooth since yesterday. It's tender and warm.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(a)).contains("toothache-abscess");
		assertThat(redFlagIds(a)).doesNotContain("rf-dental-infection-spreading");
	}

	@Test
	void aKnockedOutAdultToothIsAnUrgentDentistNotAnUnconsciousPatient() {
		Assessment a = assessAnsweringNo("My front tooth got knocked out playing rugby half an hour ago. It's an adult tooth and I've "
				+ "put it in milk. I didn't hit my head.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(a)).contains("dental-injury-adult-tooth-knocked-out");
		assertThat(redFlagIds(a)).doesNotContain("rf-unresponsive");
	}

	@Test
	void aKnockedOutBabyToothGoesToTheDentistWithoutHurry() {
		Assessment a = assessAnsweringNo("My 4-year-old knocked out one of his baby front teeth when he tripped. The bleeding stopped "
				+ "quickly and he's playing normally.");

		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(redFlagIds(a)).doesNotContain("rf-unresponsive");
		assertThat(a.protocols()).contains("dental-injury");
	}

	@Test
	void teethThatNoLongerMeetAfterABlowToTheJawAreAnEmergency() {
		Assessment a = assess("I came off my bike and smashed my jaw on the kerb. My teeth don't meet properly when I close "
				+ "my mouth.");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(ruleIds(a)).contains("dental-injury-jaw");
	}

	@Test
	void aToothSocketBleedingOnWarfarinWithDizzinessIsAnEmergencyAndOozingOnApixabanIsSeenToday() {
		Assessment heavy = assess("My dad had a tooth pulled this morning and the socket won't stop bleeding. He's on warfarin. "
				+ "Now he's pale and dizzy.");
		Assessment oozing = assessAnsweringNo("I had a tooth taken out this afternoon and the socket is still bleeding. I take apixaban. "
				+ "I feel fine otherwise.");

		assertThat(heavy.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(ruleIds(heavy)).contains("tooth-extraction-heavy-bleeding");
		assertThat(oozing.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(oozing)).contains("tooth-extraction-bleeding");
	}

	@Test
	void painGettingWorseDaysAfterAnExtractionIsADrySocketSeenToday() {
		Assessment a = assessAnsweringNo("Three days after my wisdom tooth was taken out the pain has got much worse instead of better. "
				+ "I can see an empty hole where the clot was.");

		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(ruleIds(a)).contains("tooth-extraction-dry-socket-or-infection");
	}

	@Test
	void aClickingJawFromClenchingForAFewDaysIsSelfCareAndForSixWeeksTheGp() {
		Assessment days = assessAnsweringNo("My jaw has been aching and clicking for a few days since I've been stressed and clenching "
				+ "my teeth. I can open my mouth fine.");
		Assessment weeks = assessAnsweringNo("My jaw clicks and aches in front of my ear when I chew, and it's been going on for about "
				+ "6 weeks.");

		assertThat(days.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(days.protocols()).contains("jaw-pain-tmd");
		assertThat(weeks.disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void teethingIsLookedAfterAtHome() {
		Assessment a = assessAnsweringNo("My 8-month-old is teething. She's dribbling, chewing everything and a bit grumpy. Her "
				+ "temperature is 37.4 and she's feeding fine.");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(a.protocols()).contains("teething");
	}

	@Test
	void aRedPatchInTheMouthForFourWeeksGoesToTheGpOrDentist() {
		Assessment a = assessAnsweringNo("I noticed a red velvety patch under my tongue about 4 weeks ago and it's still there.");

		assertThat(a.disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(ruleIds(a)).contains("mouth-patch-three-weeks");
	}

	@Test
	void spanishDentalSwellingReachingTheEyeIsAnEmergencyFromTheOpening() {
		Assessment a = spanishInterview("Tengo un absceso dental y la cara hinchada, y la hinchazón ya me llegó al ojo");

		assertThat(a.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(a)).contains("rf-dental-infection-spreading");
	}

	@Test
	void spanishSwellingUnderTheTongueWithAToothacheIsAnEmergencyAndAKnockedOutToothIsUrgent() {
		Assessment ludwig = spanishInterview("Tengo dolor de muela y hinchazón debajo de la lengua, y no puedo tragar");
		Assessment tooth = spanishInterview("Se me salió el diente con el golpe jugando fútbol, es un diente de adulto");

		assertThat(ludwig.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(redFlagIds(ludwig)).containsAnyOf("rf-floor-of-mouth-swelling", "rf-dental-infection-spreading");
		assertThat(tooth.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(tooth.protocols()).contains("dental-injury");
	}

	/** A Spanish interview: "No" to every yes/no question, "No lo sé" to every measure, "Eso es todo" otherwise. */
	private Assessment spanishInterview(String opening) {
		List<Interviewer.Turn> turns = new ArrayList<>();
		turns.add(new Interviewer.Turn(null, opening));
		Interviewer.Decision decision = spanish.next(turns, "911", "es");
		for (int i = 0; i < 30 && decision instanceof Interviewer.Ask ask; i++) {
			String answer = ask.questionId().startsWith("finding:") ? ask.options().get(1)
					: ask.questionId().startsWith("measure:") ? ask.options().get(ask.options().size() - 1)
					: "Eso es todo.";
			turns.add(new Interviewer.Turn(ask.questionId(), answer));
			decision = spanish.next(turns, "911", "es");
		}
		return ((Interviewer.Conclude) decision).assessment();
	}
}
