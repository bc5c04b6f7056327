package org.medassist.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.triage.internal.KnowledgeBaseFiles;
import org.medassist.triage.internal.engine.KnowledgeBase;
import org.medassist.triage.internal.engine.KnowledgeBaseLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation in Spanish, through the public API with the real engine and knowledge base: the patient is
 * greeted, asked, advised and told what to do in an emergency in Spanish, and Spanish quick replies work; an
 * English consultation is unchanged. A Spanish patient's own words are understood: red flags in Spanish escalate,
 * a Spanish denial does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpanishConsultationTest {

	static final KnowledgeBase KB = load();

	@LocalServerPort
	int port;

	PatientClient patient;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path root = Files.createDirectories(Path.of("target", "test-data"));
		Path data = Files.createTempDirectory(root.toAbsolutePath(), "spanish-");
		registry.add("medassist.data", data::toString);
	}

	static KnowledgeBase load() {
		try {
			return new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@BeforeEach
	void client() {
		patient = PatientClient.onPort(port);
	}

	@Test
	void aSpanishEmergencyIsToldInSpanishWithTheClinicsNumber() {
		Session session = start("es");
		assertThat(session.started().body().get("language").asString()).isEqualTo("es");
		assertThat(texts(session.started().body().get("messages"))).first().asString().startsWith("Hola, soy MedAssist");
		Reply consent = patient.consent(session, true);
		assertThat(consent.body().get("question").get("text").asString()).isEqualTo(spanish("texts.opening"));

		Reply turn = patient.send(session, "I'm 58 and I've had crushing chest pain for 30 minutes and I'm sweating");

		assertThat(turn.body().get("status").asString()).isEqualTo("ESCALATED");
		List<String> messages = texts(turn.body().get("messages"));
		assertThat(messages.get(0)).isEqualTo(spanish("texts.outcome.EMERGENCY").replace("{emergency_number}", "911"));
		JsonNode assessment = patient.get(session).body().get("assessment");
		JsonNode flag = assessment.get("redFlags").get(0);
		String instruction = spanish("red_flags." + flag.get("id").asString() + ".instruction").replace("{emergency_number}", "911");
		assertThat(flag.get("instruction").asString()).isEqualTo(instruction).startsWith("Llame al 911");
		assertThat(messages).contains(instruction).doesNotContain(KB.redFlag(flag.get("id").asString()).instruction());
		// The nurse's part of the assessment stays in English.
		assertThat(flag.get("name").asString()).isEqualTo(KB.redFlag(flag.get("id").asString()).name());
	}

	@Test
	void aPatientsOwnSpanishWordsForAStrokeAreAnEmergency() {
		Session session = start("es");
		patient.consent(session, true);

		Reply turn = patient.send(session, "Mi papá no habla bien y tiene la cara caída desde hace media hora");

		assertThat(turn.body().get("status").asString()).isEqualTo("ESCALATED");
		JsonNode assessment = patient.get(session).body().get("assessment");
		assertThat(assessment.get("disposition").asString()).isEqualTo("EMERGENCY");
		assertThat(assessment.get("present").toString()).contains("speech_difficulty").contains("face_drooping");
		JsonNode flag = assessment.get("redFlags").get(0);
		assertThat(flag.get("id").asString()).isEqualTo("rf-stroke-signs");
		assertThat(texts(turn.body().get("messages")))
			.contains(spanish("red_flags.rf-stroke-signs.instruction").replace("{emergency_number}", "911"));
	}

	@Test
	void aSpanishDenialOfChestPainIsNotAnEmergencyAndTheCoughIsAskedAboutInSpanish() {
		Session session = start("es");
		patient.consent(session, true);

		Reply turn = patient.send(session, "No tengo dolor de pecho, solo tos desde hace 3 días");

		assertThat(turn.body().get("status").asString()).isEqualTo("IN_PROGRESS");
		String question = turn.body().get("question").get("text").asString();
		assertThat(question).isIn(spanish("texts.more"), spanishQuestion(turn.body().get("question").get("id").asString()));
		for (int i = 0; i < 20 && turn.body().get("status").asString().equals("IN_PROGRESS"); i++) {
			JsonNode q = turn.body().get("question");
			String id = q.get("id").asString();
			turn = patient.send(session, id.startsWith("finding:") ? "No" : id.startsWith("measure:") ? "No lo sé" : "Nada más.");
		}
		JsonNode assessment = patient.get(session).body().get("assessment");
		assertThat(assessment.get("disposition").asString()).isNotEqualTo("EMERGENCY");
		assertThat(texts(assessment.get("protocols"))).contains("cough");
		assertThat(assessment.get("absent").toString()).contains("chest_pain");
	}

	@Test
	void aSpanishMinorProblemIsAskedAndAdvisedInSpanishAndAnEnglishOneIsUnchanged() {
		// ("Yes" to the first, most urgent questions would make it an emergency: SpanishInterviewTest covers "sí".)
		Conversation es = converse("es", List.of("No", "No lo sé", "no", "No", "no estoy segura", "no sé"));
		Conversation en = converse("en", List.of("No", "I'm not sure", "no", "No", "not sure", "I don't know"));

		// The same questions, each in its language, with the quick replies of its language.
		assertThat(es.questionIds()).isEqualTo(en.questionIds()).hasSizeGreaterThan(2);
		for (JsonNode q : es.questions) {
			String id = q.get("id").asString();
			assertThat(q.get("text").asString()).isEqualTo(spanishQuestion(id));
			if (id.startsWith("finding:")) {
				assertThat(texts(q.get("options"))).containsExactly("Sí", "No", "No lo sé");
			}
		}
		for (JsonNode q : en.questions) {
			String id = q.get("id").asString();
			if (id.startsWith("finding:")) {
				assertThat(q.get("text").asString()).isEqualTo(KB.findings().get(id.substring(8)).question());
				assertThat(texts(q.get("options"))).containsExactly("Yes", "No", "I'm not sure");
			}
		}
		// Spanish quick answers meant what the English ones meant.
		assertThat(es.assessment.get("disposition")).isEqualTo(en.assessment.get("disposition"));
		assertThat(es.assessment.get("present")).isEqualTo(en.assessment.get("present"));
		assertThat(es.assessment.get("absent")).isEqualTo(en.assessment.get("absent"));
		assertThat(es.assessment.get("unknown")).isEqualTo(en.assessment.get("unknown"));
		assertThat(es.assessment.get("reasons")).isEqualTo(en.assessment.get("reasons"));

		// Advice and the signs to watch for, in Spanish in the assessment and in what the patient is told.
		JsonNode advice = es.assessment.get("advice").get(0);
		String protocol = advice.get("protocol").asString();
		assertThat(texts(advice.get("items")))
			.isEqualTo(java.util.stream.IntStream.range(0, KB.protocol(protocol).advice().size()).mapToObj(i -> spanish("protocols." + protocol + ".advice." + i)).toList());
		assertThat(texts(es.assessment.get("seekCareIf"))).contains(spanish("protocols." + protocol + ".seek_care_if.0"));
		String told = String.join("\n", es.outcome);
		assertThat(told).contains(spanish("texts.seek-care-heading")).contains(spanish("texts.nurse-review"))
			.doesNotContain("nurse");
		assertThat(String.join("\n", en.outcome)).contains(KB.text("seek-care-heading")).contains("nurse");
		assertThat(texts(en.assessment.get("advice").get(0).get("items"))).isEqualTo(KB.protocol(protocol).advice());
	}

	@Test
	void aSpanishPatientWhoDeclinesIsAnsweredInSpanish() {
		Session session = start("es");

		Reply declined = patient.consent(session, false);

		assertThat(texts(declined.body().get("messages")).get(0)).startsWith("Usted eligió no continuar")
			.contains("llame al 911");
	}

	private record Conversation(List<JsonNode> questions, List<String> outcome, JsonNode assessment) {

		List<String> questionIds() {
			return questions.stream().map(q -> q.get("id").asString()).toList();
		}
	}

	/** A mild sore throat; yes/no questions answered with the replies in turn, measures with their second option. */
	private Conversation converse(String language, List<String> replies) {
		Session session = start(language);
		patient.consent(session, true);
		Reply turn = patient.send(session, "I've had a mild sore throat and a runny nose for 2 days. I'm 30. "
				+ "No fever, I can swallow fine and my breathing is fine.");
		List<JsonNode> questions = new ArrayList<>();
		int findingQuestions = 0;
		for (int i = 0; i < 20 && turn.body().get("status").asString().equals("IN_PROGRESS"); i++) {
			JsonNode question = turn.body().get("question");
			questions.add(question);
			String id = question.get("id").asString();
			String answer = id.startsWith("finding:") ? replies.get(findingQuestions++ % replies.size())
					: id.startsWith("measure:") ? question.get("options").get(1).asString() : "It is mild and started slowly.";
			turn = patient.send(session, answer);
		}
		assertThat(turn.body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		return new Conversation(questions, texts(turn.body().get("messages")), patient.get(session).body().get("assessment"));
	}

	private Session start(String language) {
		Reply reply = patient.post("/api/v1/consultations", "{\"clinic\":\"demo\",\"language\":\"" + language + "\"}", null);
		assertThat(reply.status()).isEqualTo(201);
		return new Session(reply.body().get("id").asString(), reply.body().get("accessToken").asString(), reply);
	}

	private static String spanish(String key) {
		String text = KB.translations().byLanguage().get("es").get(key);
		assertThat(text).as("Spanish for " + key).isNotNull();
		return text;
	}

	private static String spanishQuestion(String id) {
		if (id.startsWith("finding:")) {
			return spanish("findings." + id.substring(8) + ".question");
		}
		if (id.startsWith("measure:")) {
			return spanish("measures." + id.substring(8) + ".question");
		}
		return spanish("texts." + id);
	}

	private static List<String> texts(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.isObject() ? n.get("text").asString() : n.asString()));
		return out;
	}
}
