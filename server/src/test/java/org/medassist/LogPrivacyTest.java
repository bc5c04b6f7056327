package org.medassist;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.SocketClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient text never reaches the logs: not in normal operation, not when it is rejected, not when a parser
 * chokes on it. The logs are JSON and carry correlation and consultation ids instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest extends ApplicationTest {

	private static final String CANARY = "Zanzibar-canary-" + UUID.randomUUID();

	@Test
	void patientWordsNeverAppearInTheLogs(CapturedOutput output) {
		Session session = patient.startAndConsent("demo");
		patient.send(session, "My name is " + CANARY + " and I have chest pain");
		patient.send(session, CANARY.repeat(100));
		patient.post("/api/v1/consultations/" + session.id() + "/messages", "{\"text\": \"" + CANARY + " oops", session.token());
		patient.post("/api/v1/consultations/" + session.id() + "/messages", "{\"" + CANARY + "\": 1}", session.token());
		patient.post("/api/v1/consultations/" + session.id() + "/messages", "{\"text\": " + CANARY + "}", session.token());
		patient.post("/api/v1/consultations", "{\"clinic\": \"" + CANARY + "\"}", null);
		try (SocketClient socket = SocketClient.connect(patient.base(), session.id())) {
			socket.auth(session.token());
			socket.nextOfType("state");
			socket.send("{\"type\":\"message\",\"text\":\"" + CANARY + "\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
			socket.nextOfType("turn");
			socket.send("{" + CANARY);
			socket.nextOfType("error");
		}

		assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain("chest pain");
		assertThat(output.getAll()).contains("\"consultation_id\":\"" + session.id() + "\"").contains("\"correlation_id\"");
	}
}
