package org.medassist.triage.internal.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.internal.KnowledgeBaseFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interview and the decision, as clinical sentences, over a small fixture knowledge base (so that these
 * tests pin the engine's behaviour, not the clinical content).
 */
class InterviewerTest {

	static final KnowledgeBase FIXTURE = load();

	private final Interviewer engine = new Interviewer(FIXTURE, null, 0.8);

	static KnowledgeBase load() {
		try {
			return new KnowledgeBaseLoader().load(KnowledgeBaseFiles.fromDirectory(Path.of("src/test/resources/triage-fixture")));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A conversation: the opening message, then answers to whatever the engine asks. */
	private final class Conversation {

		final List<Interviewer.Turn> turns = new ArrayList<>();
		Interviewer.Decision last;

		Conversation(String opening) {
			say(Interviewer.OPENING, opening);
		}

		Conversation answer(String text) {
			return say(((Interviewer.Ask) last).questionId(), text);
		}

		private Conversation say(String question, String text) {
			turns.add(new Interviewer.Turn(question, text));
			last = engine.next(turns, "911");
			return this;
		}

		String asked() {
			return last instanceof Interviewer.Ask ask ? ask.questionId() : "concluded";
		}

		Assessment assessment() {
			assertThat(last).as("the interview should be over").isInstanceOf(Interviewer.Conclude.class);
			return ((Interviewer.Conclude) last).assessment();
		}

		Interviewer.Conclude conclusion() {
			return (Interviewer.Conclude) last;
		}

		/** Answers every further question with the same words until the engine concludes. */
		Conversation answerAll(String text) {
			for (int i = 0; i < 30 && last instanceof Interviewer.Ask; i++) {
				answer(text);
			}
			return this;
		}
	}

	@Test
	void chestPainWithSweatingIsAnEmergencyAtOnce() {
		Conversation c = new Conversation("I have crushing chest pain and I'm sweating a lot");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(c.conclusion().escalated()).isTrue();
		assertThat(c.assessment().redFlags()).extracting(Assessment.RedFlagHit::id).contains("chest-pain-with-sweating");
		assertThat(c.conclusion().messages().get(0)).contains("911");
		assertThat(c.assessment().reasons()).allSatisfy(r -> assertThat(r.source()).isNotNull());
	}

	@Test
	void aOneLineOpeningIsFollowedByAnOpenQuestionThenTheRedFlags() {
		Conversation c = new Conversation("I have a pain in my chest");
		assertThat(c.asked()).isEqualTo(Interviewer.MORE);

		c.answer("It started an hour ago");

		assertThat(c.asked()).isIn("finding:sweating", "finding:shortness_of_breath");
	}

	@Test
	void whatThePatientAddsInTheirOwnWordsCounts() {
		Conversation c = new Conversation("I have a pain in my chest");

		c.answer("I'm also sweating a lot");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aYesToTheRedFlagQuestionEscalates() {
		Conversation c = new Conversation("My chest hurts");
		while (!c.asked().equals("finding:sweating") && !c.asked().equals("concluded")) {
			c.answer("no");
		}
		c.answer("yes, I'm clammy");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void negationIsReadWithinItsClause() {
		Conversation c = new Conversation("I have a sore throat, no fever, but a cough");

		c.answerAll("no");

		Assessment a = c.assessment();
		assertThat(a.present()).extracting(Assessment.FindingNote::id).contains("sore_throat", "cough");
		assertThat(a.absent()).extracting(Assessment.FindingNote::id).contains("fever", "drooling");
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(a.advice()).isNotEmpty();
	}

	@Test
	void aNegationDoesNotReachPastAndWithANewSubject() {
		Conversation c = new Conversation("I have chest pain. I haven't been sick and I'm sweating a lot");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aHedgedRedFlagCountsAsReported() {
		Conversation c = new Conversation("I think I might have a tight chest and maybe I'm a bit sweaty");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void notKnowingIsNotAHedge() {
		Conversation c = new Conversation("I have a sore throat, not sure if I have a fever");
		c.answerAll("no");

		assertThat(c.assessment().unknown()).extracting(Assessment.FindingNote::id).contains("fever");
	}

	@Test
	void pseudoNegationsAreNotNegations() {
		Conversation c = new Conversation("I have a sore throat and I can't stop vomiting");

		c.answerAll("no");

		assertThat(c.assessment().present()).extracting(Assessment.FindingNote::id).contains("vomiting");
	}

	@Test
	void aMinorSoreThroatIsSelfCareAndALongOneRoutine() {
		Conversation shortOne = new Conversation("I've had a sore throat for 2 days").answerAll("no");
		Conversation longOne = new Conversation("I've had a sore throat for 2 weeks").answerAll("no");

		assertThat(shortOne.assessment().disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(longOne.assessment().disposition()).isEqualTo(Disposition.ROUTINE);
		assertThat(longOne.assessment().reasons()).extracting(Assessment.Reason::rule).contains("sore-throat-long");
	}

	@Test
	void feverInABabyUnderThreeMonthsIsAnEmergency() {
		Conversation c = new Conversation("My 6 week old baby has a temperature of 38.4");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void theFirstAgeStatedIsThePatientsNotTheCarers() {
		Conversation c = new Conversation("My 6 week old has a fever");
		c.answer("I'm 35 and really worried about her");
		for (int i = 0; i < 30 && !c.asked().equals("measure:temperature") && !c.asked().equals("concluded"); i++) {
			c.answer("no");
		}
		c.answer("38.5");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(c.assessment().measurements()).contains("age: 0.12");
	}

	@Test
	void theFirstDurationStatedIsKeptUnlessTheDurationQuestionIsAnswered() {
		Conversation c = new Conversation("I've had a sore throat for 2 weeks. I sleep eight hours a night but I'm tired.");
		c.answerAll("no");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void fahrenheitIsConverted() {
		Conversation c = new Conversation("My 2 month old has a fever of 101F");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aReportedRedFlagIsNeverTakenBack() {
		Conversation c = new Conversation("Sore throat");
		c.answer("I'm drooling and can't swallow");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);

		Conversation contradicted = new Conversation("Sore throat and drooling. Actually no drooling.");
		assertThat(contradicted.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void unsureAboutASignOfAnEmergencyThatIsPartlyMetMeansAtLeastUrgent() {
		Conversation c = new Conversation("I have a fever and I keep vomiting");
		while (!c.asked().equals("finding:neck_stiffness")) {
			c.answer("no");
		}
		c.answer("I'm not sure");
		c.answerAll("no");

		Assessment a = c.assessment();
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.unknown()).extracting(Assessment.FindingNote::id).contains("neck_stiffness");
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.text()).contains("not sure"));
	}

	@Test
	void unsureAboutASignWithOnlyTheComplaintPresentIsReportedButDoesNotRaise() {
		Conversation c = new Conversation("I have a fever and I'm 30");
		while (!c.asked().equals("finding:neck_stiffness") && !c.asked().equals("concluded")) {
			c.answer("no");
		}
		c.answerAll("I'm not sure");

		Assessment a = c.assessment();
		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
		assertThat(a.unknown()).isNotEmpty();
	}

	@Test
	void theSameFeverWithAFlexibleNeckIsSelfCare() {
		Conversation c = new Conversation("I have a fever, I'm 30").answerAll("no");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void anUnrecognisedComplaintIsAskedAgainScreenedForEmergenciesThenGoesToTheNurseAsUrgent() {
		Conversation c = new Conversation("Something feels off");
		assertThat(c.asked()).isEqualTo(Interviewer.REPHRASE);

		c.answer("I don't know how to describe it");
		assertThat(c.asked()).isEqualTo("finding:chest_pain");
		c.answer("no");
		assertThat(c.asked()).isEqualTo("finding:fever");
		c.answer("I'm not sure");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.URGENT);
		assertThat(c.assessment().uncertainties()).isNotEmpty();
	}

	@Test
	void theGlobalScreenCanBringTheComplaintAndItsEmergencyToLight() {
		Conversation c = new Conversation("Not feeling great today").answer("hard to say");
		assertThat(c.asked()).isEqualTo("finding:chest_pain");

		c.answer("yes");
		// Chest pain is now the complaint: its red flag is followed up (after the open question a one-liner gets).
		if (c.asked().equals(Interviewer.MORE)) {
			c.answer("that's all");
		}
		assertThat(c.asked()).isEqualTo("finding:sweating");
		c.answer("yes");

		assertThat(c.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(c.assessment().protocols()).contains("chest-pain");
	}

	@Test
	void theInterviewStopsWhenNothingCanRaiseTheDisposition() {
		// Chest pain is URGENT at least; once the emergency signs are denied, only they could raise it.
		Conversation c = new Conversation("chest tightness, no sweating, not short of breath");

		assertThat(c.asked()).isEqualTo("concluded");
		assertThat(c.assessment().disposition()).isEqualTo(Disposition.URGENT);
	}

	@Test
	void questionsAreBounded() {
		Conversation c = new Conversation("sore throat, fever, chest pain").answerAll("banana");

		long asked = c.turns.size() - 1;
		assertThat(asked).isLessThanOrEqualTo(Interviewer.MAX_QUESTIONS);
		assertThat(c.last).isInstanceOf(Interviewer.Conclude.class);
	}

	@Test
	void severalComplaintsInOneMessageAreAllAssessed() {
		Conversation c = new Conversation("sore throat for 10 days and also a fever").answerAll("no");

		assertThat(c.assessment().protocols()).contains("sore-throat", "fever");
		assertThat(c.assessment().disposition()).isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void theSameInterviewAlwaysGivesTheSameDecision() {
		Conversation a = new Conversation("I have a fever and a cough").answerAll("no");
		Conversation b = new Conversation("I have a fever and a cough").answerAll("no");

		assertThat(a.assessment()).isEqualTo(b.assessment());
	}

	@Test
	void messagesInAnotherLanguageOrEmojiDoNotCrashAndGoToTheNurse() {
		for (String text : new String[] { "Me duele mucho la cabeza", "😷🤒🤕", "?!?!", "a".repeat(2000) }) {
			Conversation c = new Conversation(text).answerAll(text);
			assertThat(c.assessment().disposition()).as(text).isEqualTo(Disposition.URGENT);
		}
	}

	@Test
	void aQuestionForThePatientOrTheirCarerIsPutToTheCarerAboutThePatient() {
		assertThat(Interviewer.aboutThem("Are you (or the person who is unwell) struggling so hard to breathe that you cannot finish a sentence?", Facts.Sex.FEMALE))
			.isEqualTo("Is she struggling so hard to breathe that she cannot finish a sentence?");
		assertThat(Interviewer.aboutThem("Have you (or the person who is unwell) had a fit?", Facts.Sex.MALE))
			.isEqualTo("Has he had a fit?");
		assertThat(Interviewer.aboutThem("Are you (or the person who is unwell) unable to swallow your own saliva?", null))
			.isEqualTo("Are they unable to swallow their own saliva?");
	}

	@Test
	void aQuestionWrittenForThePatientIsPutToTheCarerAboutThePatient() {
		// Asked of the carer, "Do you have any pain ... in your chest?" would get the carer's own "no".
		assertThat(Interviewer.aboutThem("Do you have any pain, pressure, tightness or discomfort in your chest?", Facts.Sex.MALE))
			.isEqualTo("Does he have any pain, pressure, tightness or discomfort in his chest?");
		assertThat(Interviewer.aboutThem("Is your skin itchy?", Facts.Sex.FEMALE)).isEqualTo("Is her skin itchy?");
		assertThat(Interviewer.aboutThem("Have you been vomiting (being sick)?", Facts.Sex.FEMALE))
			.isEqualTo("Has she been vomiting (being sick)?");
		assertThat(Interviewer.aboutThem("Have you hurt yourself on purpose recently, for example by cutting or burning yourself?", null))
			.isEqualTo("Have they hurt themselves on purpose recently, for example by cutting or burning themselves?");
		assertThat(Interviewer.aboutThem("Are you short of breath, or finding it harder than usual to breathe?", null))
			.isEqualTo("Are they short of breath, or finding it harder than usual to breathe?");
	}

	@Test
	void aQuestionForTheCarerThemselfOrThatTheGrammarWouldBreakIsLeftAsWritten() {
		for (String question : new String[] { "Do you think it is chickenpox, with itchy spots that turn into blisters and then scabs?",
				"Are you looking after someone and finding it hard to cope, or feeling exhausted by caring?",
				"Does your child have a barking cough that sounds like a seal, or has a doctor said it is croup?",
				"Have you (or your child) been abroad or flown back from a trip in the last 3 months?",
				"Do your gums bleed when you brush, or look red, puffy or receding?",
				"Do you think a medicine you take is causing a side effect?",
				// Asked of whoever looks: a carer's "no, I haven't seen any" is not the patient's.
				"Have you seen blood in your poo or bleeding from your bottom?",
				"Have you checked your ketones, and are they raised (for example blood ketones of 1.6 mmol/L or more)?" }) {
			assertThat(Interviewer.aboutThem(question, Facts.Sex.MALE)).isEqualTo(question);
		}
	}
}
