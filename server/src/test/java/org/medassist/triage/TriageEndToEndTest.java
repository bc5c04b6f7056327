package org.medassist.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real engine and knowledge base behind the public API: an emergency stops the interview at once and the
 * consultation is ESCALATED; a minor problem ends with advice; both assessments carry their citations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TriageEndToEndTest {

	@LocalServerPort
	int port;

	PatientClient patient;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path root = Files.createDirectories(Path.of("target", "test-data"));
		Path data = Files.createTempDirectory(root.toAbsolutePath(), "triage-");
		registry.add("medassist.data", data::toString);
	}

	@BeforeEach
	void client() {
		patient = PatientClient.onPort(port);
	}

	@Test
	void chestPainWithSweatingIsEscalatedAtOnceWithTheEmergencyNumber() {
		Session session = patient.startAndConsent("demo");

		Reply turn = patient.send(session, "I'm 58 and I've had crushing chest pain for 30 minutes and I'm sweating");

		assertThat(turn.status()).isEqualTo(200);
		assertThat(turn.body().get("status").asString()).isEqualTo("ESCALATED");
		assertThat(turn.body().get("disposition").asString()).isEqualTo("EMERGENCY");
		assertThat(turn.body().get("question").isNull()).isTrue();
		assertThat(turn.body().get("messages").get(0).get("text").asString()).contains("911");

		JsonNode consultation = patient.get(session).body();
		JsonNode assessment = consultation.get("assessment");
		assertThat(assessment.get("disposition").asString()).isEqualTo("EMERGENCY");
		assertThat(assessment.get("redFlags").size()).isPositive();
		assertThat(assessment.get("knowledgeBaseVersion").asString()).matches("\\d+\\.\\d+\\.\\d+\\+sha256\\.[0-9a-f]{12}");
		assertThat(consultation.get("engineVersion").asString()).contains("kb/");
		for (JsonNode reason : assessment.get("reasons")) {
			assertThat(reason.get("source").get("url").asString()).startsWith("https://");
		}
		assertThat(patient.send(session, "hello?").status()).isEqualTo(409);
	}

	@Test
	void aMinorProblemEndsWithAdviceAndSignsToWatchFor() {
		Session session = patient.startAndConsent("demo");
		Reply turn = patient.send(session, "I've had a mild sore throat and a runny nose for 2 days. I'm 30. "
				+ "No fever, I can swallow fine and my breathing is fine.");
		for (int i = 0; i < 20 && turn.body().get("status").asString().equals("IN_PROGRESS"); i++) {
			turn = patient.send(session, "No");
		}

		assertThat(turn.body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		JsonNode assessment = patient.get(session).body().get("assessment");
		assertThat(assessment.get("disposition").asString()).isIn("SELF_CARE", "ROUTINE");
		assertThat(assessment.get("advice").size()).isPositive();
		assertThat(assessment.get("seekCareIf").size()).isPositive();
		assertThat(turn.body().get("messages").toString()).contains("nurse");
	}

	@Test
	void everyReasonAndEveryPieceOfAdviceCitesAGuidelinePassage() {
		Session session = patient.startAndConsent("demo");
		Reply turn = patient.send(session, "I've had a mild sore throat and a runny nose for 2 days. I'm 30. "
				+ "No fever, I can swallow fine and my breathing is fine.");
		for (int i = 0; i < 20 && turn.body().get("status").asString().equals("IN_PROGRESS"); i++) {
			turn = patient.send(session, "No");
		}
		JsonNode assessment = patient.get(session).body().get("assessment");
		assertThat(assessment.get("reasons").size()).isPositive();
		for (JsonNode reason : assessment.get("reasons")) {
			assertThat(reason.get("citations").size()).as("citations of %s", reason.get("rule")).isPositive();
			assertCitation(reason.get("citations").get(0));
			assertThat(reason.get("source").get("url").asString()).as("the rule's own source is kept").startsWith("https://");
		}
		for (JsonNode advice : assessment.get("advice")) {
			assertThat(advice.get("cited").size()).isEqualTo(advice.get("items").size());
			for (JsonNode item : advice.get("cited")) {
				assertThat(item.get("citations").size()).as("citations of %s", item.get("text")).isPositive();
				assertCitation(item.get("citations").get(0));
			}
		}
		// Chosen for the protocol at hand: the sore throat guidance is among them.
		assertThat(assessment.toString()).contains("\"documentId\":\"sore-throat\"");
	}

	private static void assertCitation(JsonNode citation) {
		assertThat(citation.get("documentId").asString()).matches("[a-z0-9-]+");
		assertThat(citation.get("title").asString()).isNotBlank();
		assertThat(citation.get("section").asString()).isNotBlank();
		assertThat(citation.get("url").asString()).startsWith("https://");
	}

	@Test
	void aPatientsQuestionIsAnsweredWithQuotedGuidanceAndTheInterviewGoesOn() {
		Session session = patient.startAndConsent("demo");
		Reply turn = patient.send(session, "I've had a sore throat for 2 days. Can I take ibuprofen for it?");
		assertThat(turn.body().get("status").asString()).isEqualTo("IN_PROGRESS");
		JsonNode guidance = null;
		for (JsonNode m : turn.body().get("messages")) {
			if (m.get("kind").asString().equals("GUIDANCE")) {
				guidance = m;
				break;
			}
		}
		assertThat(guidance).as(turn.raw()).isNotNull();
		assertThat(guidance.get("text").asString()).startsWith("Guideline text, quoted as written")
			.contains("ibuprofen").contains("Source: https://");
		assertThat(guidance.get("aiGenerated").asBoolean()).isTrue();
		assertThat(turn.body().get("question").isNull()).as("the engine still asks its next question").isFalse();

		Reply unrelated = patient.send(session, "What is the capital of France?");
		assertThat(unrelated.body().get("messages").get(0).get("text").asString())
			.isEqualTo("I can't answer that; the nurse will see your question.");
	}

	@Test
	void aQuestionDoesNotHoldUpAnEmergency() {
		Session session = patient.startAndConsent("demo");
		Reply turn = patient.send(session,
				"I'm 58 and I've had crushing chest pain for 30 minutes and I'm sweating. Should I take an aspirin?");
		assertThat(turn.body().get("status").asString()).isEqualTo("ESCALATED");
		assertThat(turn.body().get("disposition").asString()).isEqualTo("EMERGENCY");
		assertThat(turn.body().get("messages").get(0).get("text").asString()).contains("911");
		assertThat(turn.body().get("messages").toString()).doesNotContain("\"GUIDANCE\"");
	}
}
