package org.medassist.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import tools.jackson.databind.JsonNode;

/**
 * A patient's own question in the chat gets quoted guidance (or "the nurse will see it"); replies to the engine's
 * questions do not, and every message still reaches the engine.
 */
class GuidanceQuestionTest extends ApplicationTest {

	private static List<JsonNode> guidance(Reply turn) {
		List<JsonNode> out = new ArrayList<>();
		turn.body().get("messages").forEach(m -> {
			if (m.get("kind").asString().equals("GUIDANCE")) {
				out.add(m);
			}
		});
		return out;
	}

	@Test
	void questionsAreAnsweredFromGuidanceAndAnswersAreLeftToTheEngine() {
		Session session = patient.startAndConsent("demo");

		Reply asked = patient.send(session, "is a sore throat contagious?");
		List<JsonNode> quoted = guidance(asked);
		assertThat(quoted).isNotEmpty().hasSizeLessThanOrEqualTo(2);
		assertThat(quoted.get(0).get("text").asString()).startsWith("Guideline text, quoted as written")
			.contains("Source: https://");
		// The question also answered the engine's first question: the script moves on to its second.
		assertThat(asked.body().get("question").get("id").asString()).isEqualTo("onset");
		assertThat(asked.body().get("messages").get(asked.body().get("messages").size() - 1).get("kind").asString())
			.isEqualTo("QUESTION");

		Reply option = patient.send(session, "Today");
		assertThat(guidance(option)).as("a quick reply is an answer").isEmpty();

		Reply unrelated = patient.send(session, "how much does parking cost?");
		assertThat(guidance(unrelated)).singleElement()
			.satisfies(m -> assertThat(m.get("text").asString())
				.isEqualTo("I can't answer that; the nurse will see your question."));
		assertThat(unrelated.body().get("status").asString()).as("the script concluded after its third answer")
			.isEqualTo("AWAITING_REVIEW");

		JsonNode transcript = patient.get(session).body().get("messages");
		assertThat(transcript.toString()).contains("\"kind\":\"GUIDANCE\"");
	}

	@Test
	void repliesToTheEnginesQuestionsAreNotTakenForQuestions() {
		for (String reply : List.of("yes", "No", "I'm not sure", "not sure?", "Yes, is that bad?", "Today",
				"when I woke up", "since monday", "about 3 days")) {
			assertThat(org.medassist.consultation.internal.GuidanceAnswersProbe.isQuestion(reply, List.of("Today", "Earlier")))
				.as(reply).isFalse();
		}
		for (String question : List.of("can I take ibuprofen", "is this contagious", "Should I go to work?",
				"how long will it last", "what can I take for the pain", "do I need antibiotics?")) {
			assertThat(org.medassist.consultation.internal.GuidanceAnswersProbe.isQuestion(question, List.of()))
				.as(question).isTrue();
		}
	}
}
