package org.medassist.triage.internal.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.internal.KnowledgeBaseFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine in Spanish, over the bundled knowledge base: it says everything to the patient in Spanish, keeps what
 * it writes for the nurse in English, and reads Spanish quick answers exactly as it reads the English ones.
 */
class SpanishInterviewTest {

	static final KnowledgeBase KB = load();

	/** No embedding model: these tests are about language, not about reading by meaning. */
	private final Interviewer engine = new Interviewer(KB, null, 0.8);

	static KnowledgeBase load() {
		try {
			return new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void spanishQuickAnswersAreReadAsYesNoAndNotSure() {
		assertThat(answer("Sí")).isEqualTo(Reading.Answer.YES);
		assertThat(answer("si")).isEqualTo(Reading.Answer.YES);
		assertThat(answer("Sí, un poco")).isEqualTo(Reading.Answer.YES);
		assertThat(answer("No")).isEqualTo(Reading.Answer.NO);
		assertThat(answer("no, nada")).isEqualTo(Reading.Answer.NO);
		assertThat(answer("No estoy seguro")).isEqualTo(Reading.Answer.UNSURE);
		assertThat(answer("no estoy segura.")).isEqualTo(Reading.Answer.UNSURE);
		assertThat(answer("No sé")).isEqualTo(Reading.Answer.UNSURE);
		assertThat(answer("no se")).isEqualTo(Reading.Answer.UNSURE);
		assertThat(answer("No lo sé")).isEqualTo(Reading.Answer.UNSURE);
		// "No se me quita" ("it won't go away") is not "I don't know".
		assertThat(answer("No se me quita")).isEqualTo(Reading.Answer.NO);
		// English is read as before.
		assertThat(answer("I'm not sure")).isEqualTo(Reading.Answer.UNSURE);
		assertThat(answer("Yes")).isEqualTo(Reading.Answer.YES);
		assertThat(answer("no")).isEqualTo(Reading.Answer.NO);
	}

	@Test
	void spanishAgesAndDurationsAnsweringTheirQuestionKeepTheirUnits() {
		assertThat(MeasureReader.read("6 meses", Optional.of(Measure.AGE)).get(Measure.AGE)).isEqualTo(0.5);
		assertThat(MeasureReader.read("3 semanas", Optional.of(Measure.AGE)).get(Measure.AGE)).isEqualTo(3 / 52.0);
		assertThat(MeasureReader.read("2 semanas", Optional.of(Measure.DURATION_DAYS)).get(Measure.DURATION_DAYS))
			.isEqualTo(14.0);
		assertThat(MeasureReader.read("6 horas", Optional.of(Measure.DURATION_DAYS)).get(Measure.DURATION_DAYS))
			.isEqualTo(0.25);
		assertThat(MeasureReader.read("58", Optional.of(Measure.AGE)).get(Measure.AGE)).isEqualTo(58.0);
	}

	@Test
	void chestPainWithSweatingIsAnEmergencyToldInSpanishAndExplainedInEnglishToTheNurse() {
		Interviewer.Conclude conclusion = (Interviewer.Conclude) engine
			.next(List.of(new Interviewer.Turn(null, "I'm 58 and I have crushing chest pain and I'm sweating")), "911", "es");

		assertThat(conclusion.escalated()).isTrue();
		assertThat(conclusion.messages().get(0)).isEqualTo(
				"Esto podría ser una emergencia. Llame al 911 ahora o vaya al servicio de urgencias más cercano. No maneje usted mismo.");
		Assessment.RedFlagHit flag = conclusion.assessment().redFlags().get(0);
		assertThat(flag.instruction()).startsWith("Llame al 911 ahora.").doesNotContain("{emergency_number}");
		assertThat(conclusion.messages()).contains(flag.instruction());
		assertThat(conclusion.messages().get(conclusion.messages().size() - 1))
			.isEqualTo(KB.say("es", "texts.nurse-review", KB.text("nurse-review")));
		// What the nurse reads stays in English: the red flag's name and the reasons.
		assertThat(flag.name()).isEqualTo(KB.redFlag(flag.id()).name());
		assertThat(conclusion.assessment().reasons().get(0).text()).isEqualTo(KB.redFlag(flag.id()).reason());
	}

	@Test
	void anEmergencyFoundByAProtocolRuleTellsThePatientItsReasonInSpanish() {
		Interviewer.Conclude conclusion = (Interviewer.Conclude) engine.next(
				List.of(new Interviewer.Turn(null, "I have a sore throat and I'm drooling, I can't swallow my spit")), "911",
				"es");

		assertThat(conclusion.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
		if (conclusion.assessment().redFlags().isEmpty()) {
			String rule = conclusion.assessment().reasons().stream()
				.filter(r -> r.disposition() == Disposition.EMERGENCY).findFirst().orElseThrow().rule();
			assertThat(conclusion.messages()).contains(KB.translations().byLanguage().get("es").get("rules." + rule + ".reason"));
		}
		assertThat(String.join("\n", conclusion.messages())).doesNotContain("Call ").contains("Llame al 911");
	}

	/**
	 * The same patient answering the same questions, once with the English quick replies and once with the Spanish
	 * ones (buttons and typed): the engine asks the same questions (in Spanish) and reaches the same assessment.
	 */
	@Test
	void spanishQuickRepliesLeadToTheSameInterviewAndAssessmentAsEnglishOnes() {
		String opening = "I've had a sore throat and a runny nose since yesterday. It hurts to swallow a bit.";
		// Answering "yes" to the first questions (the most urgent ones) ends in an emergency; "no" and "not sure"
		// keep it a minor problem with advice. Both must come out the same in Spanish as in English.
		List<List<String>> english = List.of(List.of("Yes", "No", "I'm not sure"), List.of("No", "No", "I'm not sure"));
		List<List<String>> spanishButtons = List.of(List.of("Sí", "No", "No lo sé"), List.of("No", "No", "No lo sé"));
		List<List<String>> spanishTyped = List.of(List.of("si", "no.", "no estoy segura"), List.of("no", "No", "no sé"));

		List<Run> minor = new ArrayList<>();
		for (int script = 0; script < 2; script++) {
			Run en = run("en", opening, english.get(script));
			Run es = run("es", opening, spanishButtons.get(script));
			Run typed = run("es", opening, spanishTyped.get(script));

			assertThat(en.questionIds()).hasSizeGreaterThan(2);
			assertThat(es.questionIds()).isEqualTo(en.questionIds());
			assertThat(typed.questionIds()).isEqualTo(en.questionIds());
			for (Run spanish : List.of(es, typed)) {
				assertThat(spanish.assessment().disposition()).isEqualTo(en.assessment().disposition());
				assertThat(spanish.assessment().present()).isEqualTo(en.assessment().present());
				assertThat(spanish.assessment().absent()).isEqualTo(en.assessment().absent());
				assertThat(spanish.assessment().unknown()).isEqualTo(en.assessment().unknown());
				assertThat(spanish.assessment().measurements()).isEqualTo(en.assessment().measurements());
				assertThat(spanish.assessment().reasons()).isEqualTo(en.assessment().reasons());
			}
			// Everything asked in Spanish is the Spanish text, with Spanish quick replies.
			for (Interviewer.Ask ask : es.asked()) {
				assertThat(ask.text()).isEqualTo(spanishQuestion(ask.questionId()));
				if (ask.questionId().startsWith("finding:")) {
					assertThat(ask.options()).containsExactly("Sí", "No", "No lo sé");
				}
				else if (ask.questionId().startsWith("measure:")) {
					assertThat(ask.options()).last().isEqualTo("No lo sé");
				}
			}
			for (Interviewer.Ask ask : en.asked()) {
				if (ask.questionId().startsWith("finding:")) {
					assertThat(ask.text()).isEqualTo(KB.findings().get(ask.questionId().substring(8)).question());
					assertThat(ask.options()).containsExactly("Yes", "No", "I'm not sure");
				}
			}
			if (script == 0) {
				assertThat(en.assessment().disposition()).isEqualTo(Disposition.EMERGENCY);
				assertThat(es.assessment().present()).isNotEmpty();
			}
			else {
				minor.add(en);
				minor.add(es);
			}
		}

		// Advice and the signs to watch for are the Spanish texts of the same items.
		Run en = minor.get(0);
		Run es = minor.get(1);
		assertThat(es.assessment().disposition()).isNotEqualTo(Disposition.EMERGENCY);
		assertThat(es.assessment().absent()).isNotEmpty();
		assertThat(es.assessment().advice()).isNotEmpty();
		for (Assessment.Advice advice : es.assessment().advice()) {
			KnowledgeBase.Protocol p = KB.protocol(advice.protocol());
			for (int i = 0; i < advice.items().size(); i++) {
				assertThat(advice.items().get(i)).isEqualTo(KB.say("es", "protocols." + p.id() + ".advice." + i, null))
					.isNotEqualTo(p.advice().get(i));
			}
		}
		assertThat(es.assessment().seekCareIf()).hasSameSizeAs(en.assessment().seekCareIf())
			.doesNotContainAnyElementsOf(en.assessment().seekCareIf());
		assertThat(es.conclusion().messages())
			.contains(KB.say("es", "texts.worse", null).replace("{emergency_number}", "911"));
	}

	@Test
	void aLanguageTheKnowledgeBaseIsNotTranslatedIntoGetsEnglish() {
		String opening = "I've had a sore throat and a runny nose since yesterday. It hurts to swallow a bit.";
		List<String> english = List.of("Yes", "No", "I'm not sure");

		Run en = run("en", opening, english);
		Run fr = run("fr", opening, english);

		assertThat(fr.asked()).isEqualTo(en.asked());
		assertThat(fr.conclusion()).isEqualTo(en.conclusion());
		assertThat(engine.opening("fr")).isEqualTo(engine.opening());
		assertThat(engine.opening("es").text()).isEqualTo(KB.say("es", "texts.opening", null));
	}

	private static String spanishQuestion(String questionId) {
		var es = KB.translations().byLanguage().get("es");
		if (questionId.startsWith("finding:")) {
			return es.get("findings." + questionId.substring(8) + ".question");
		}
		if (questionId.startsWith("measure:")) {
			return es.get("measures." + questionId.substring(8) + ".question");
		}
		return es.get("texts." + questionId);
	}

	private record Run(List<Interviewer.Ask> asked, Interviewer.Conclude conclusion) {

		List<String> questionIds() {
			return asked.stream().map(Interviewer.Ask::questionId).toList();
		}

		Assessment assessment() {
			return conclusion.assessment();
		}
	}

	/**
	 * A scripted patient: answers the yes/no questions with the three replies in turn (so the n-th question gets the
	 * same reply in every language), each measure with its second quick reply, the open follow-up with a sentence.
	 */
	private Run run(String language, String opening, List<String> replies) {
		List<Interviewer.Turn> turns = new ArrayList<>();
		List<Interviewer.Ask> asked = new ArrayList<>();
		turns.add(new Interviewer.Turn(null, opening));
		Interviewer.Decision decision = engine.next(turns, "911", language);
		int findingQuestions = 0;
		for (int i = 0; i < 30 && decision instanceof Interviewer.Ask ask; i++) {
			asked.add(ask);
			String answer;
			if (ask.questionId().startsWith("finding:")) {
				answer = replies.get(findingQuestions++ % 3);
			}
			else if (ask.questionId().startsWith("measure:")) {
				answer = ask.options().get(Math.min(1, ask.options().size() - 1));
			}
			else {
				answer = "I am 30 and it is mild.";
			}
			turns.add(new Interviewer.Turn(ask.questionId(), answer));
			decision = engine.next(turns, "911", language);
		}
		return new Run(asked, (Interviewer.Conclude) decision);
	}

	private static Reading.Answer answer(String text) {
		return FindingExtractor.answer(Text.normalize(text));
	}
}
