package org.medassist;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ScriptedTriageEngine;
import org.medassist.testing.SocketClient;
import org.medassist.testing.StaffClient;
import org.medassist.testing.StaffClient.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient text never reaches the logs: not in normal operation, not when it is rejected, not when a parser
 * chokes on it. The logs are JSON and carry correlation and consultation ids instead. Values of fields classified
 * RESTRICTED (see {@code ClassifiedFieldsTest}: staff notes and instructions, passwords, codes, tokens, TOTP
 * secrets) are driven through real flows with distinctive values and must not appear either; and identifiers that
 * do reach a log line are replaced by the redaction hook.
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

	@Test
	void restrictedValuesNeverReachTheLogs(CapturedOutput output) {
		String unique = UUID.randomUUID().toString();
		List<String> restricted = new ArrayList<>();
		String note = "Restricted-note-" + unique;
		String instructions = "Restricted-instructions-" + unique;
		String secondOpinion = "Restricted-second-opinion-" + unique;
		String wrongPassword = "Restricted-password-" + unique;
		String wrongCode = "Restricted-totp-" + unique;
		String wrongRecoveryCode = "Restricted-recovery-" + unique;
		String wrongRefreshToken = "rt_Restricted-refresh-" + unique;
		restricted.addAll(List.of(note, instructions, secondOpinion, wrongPassword, wrongCode, wrongRecoveryCode,
				wrongRefreshToken, StaffClient.DEMO_SECRET, "nurse-demo-password"));

		// Sign-in: a refused password, code and recovery code, then real tokens and their rotation.
		assertThat(staff.loginReply("demo", "nurse", wrongPassword, wrongCode).status()).isEqualTo(401);
		assertThat(staff.post("/api/v1/auth/login", """
				{"clinic":"demo","username":"no-such-user","password":"%s","recoveryCode":"%s"}"""
			.formatted(wrongPassword, wrongRecoveryCode), null).status()).isEqualTo(401);
		assertThat(staff.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + wrongRefreshToken + "\"}", null).status())
			.isEqualTo(401);
		Tokens nurse = staff.loginDemo("demo", "nurse", "nurse-demo-password");
		Reply refreshed = staff.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + nurse.refreshToken() + "\"}", null);
		assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
		String token = refreshed.body().get("accessToken").asString();
		restricted.addAll(List.of(nurse.accessToken(), nurse.refreshToken(), token,
				refreshed.body().get("refreshToken").asString()));

		// A patient's access token, a decision with a note and instructions, a request for a second opinion.
		Session decided = patient.startAndConsent("demo");
		restricted.add(decided.token());
		patient.send(decided, ScriptedTriageEngine.DISPOSITION_PREFIX + "URGENT");
		assertThat(staff.post("/api/v1/review/" + decided.id() + "/claim", "", token).status()).isEqualTo(200);
		Reply decision = staff.post("/api/v1/review/" + decided.id() + "/decision", """
				{"disposition":"ROUTINE","reasonCode":"RED_FLAG_NOT_CONFIRMED","note":"%s","patientInstructions":"%s"}"""
			.formatted(note, instructions), token);
		assertThat(decision.status()).as(decision.raw()).isEqualTo(200);
		assertThat(staff.get("/api/v1/review/" + decided.id(), token).raw()).contains(note);
		assertThat(patient.get(decided).raw()).contains(instructions);

		Session referred = patient.startAndConsent("demo");
		restricted.add(referred.token());
		patient.send(referred, ScriptedTriageEngine.DISPOSITION_PREFIX + "URGENT");
		staff.post("/api/v1/review/" + referred.id() + "/claim", "", token);
		assertThat(staff.post("/api/v1/review/" + referred.id() + "/second-opinion",
				"{\"note\":\"" + secondOpinion + "\"}", token).status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/review/" + referred.id(), token).raw()).contains(secondOpinion);

		// Log lines only: the start-up banner prints the demo clinics' logins and TOTP secret on purpose (demo mode).
		String logs = output.getAll().lines().filter(line -> line.startsWith("{")).collect(Collectors.joining("\n"));
		assertThat(logs).contains("\"correlation_id\"");
		for (String value : restricted) {
			assertThat(logs).as("a RESTRICTED value reached the log").doesNotContain(value);
		}
	}

	@Test
	void identifiersInALogLineAreRedacted(CapturedOutput output) {
		Logger log = LoggerFactory.getLogger(LogPrivacyTest.class);
		log.warn("Patient wrote: my name is Anna Kowalski, call 07700 900123 or write to anna.k@example.com");
		log.error("Insert failed", new IllegalStateException(
				"duplicate key value violates unique constraint: (email)=(anna.k@example.com), DOB 12/03/1980"));

		String logs = output.getAll();
		assertThat(logs).contains("my name is [NAME], call [PHONE] or write to [EMAIL]")
			.contains("(email)=([EMAIL]), DOB [DATE]")
			.doesNotContain("Kowalski")
			.doesNotContain("900123")
			.doesNotContain("anna.k@example.com")
			.doesNotContain("12/03/1980");
	}
}
