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
}
