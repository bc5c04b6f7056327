package org.medassist.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A patient's whole consultation over the v1 REST API, on real PostgreSQL. */
class ConsultationConversationTest extends ApplicationTest {

	@Test
	void aPatientIsGreetedAndAskedForConsentBeforeAnything() {
		Session session = patient.start("demo");

		JsonNode started = session.started().body();
		assertThat(session.started().contentType()).startsWith("application/json");
		assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(session.token()).startsWith("ct_");
		assertThat(started.get("consent").get("given").asBoolean()).isFalse();
		List<String> kinds = new ArrayList<>();
		started.get("messages").forEach(m -> kinds.add(m.get("kind").asString()));
		assertThat(kinds).containsExactly("TEXT", "CONSENT");
		String consent = started.get("messages").get(1).get("text").asString();
		assertThat(consent).contains("not a doctor", "nurse", "911");
		assertThat(started.get("messages").get(1).get("aiGenerated").asBoolean()).isTrue();

		Reply beforeConsent = patient.send(session, "I have a headache");
		assertThat(beforeConsent.status()).isEqualTo(409);
		assertThat(beforeConsent.problemType()).isEqualTo("urn:medassist:problem:consent-required");
		assertThat(count("consultation_message", session.id())).isEqualTo(2);
	}

	@Test
	void theInterviewRunsToTheNursesQueueAndTheTranscriptReplaysExactly() {
		Session session = patient.start("demo");
		Reply consent = patient.consent(session, true);
		assertThat(consent.status()).isEqualTo(200);
		assertThat(consent.body().get("question").get("id").asString()).isEqualTo("main-concern");

		List<JsonNode> turns = new ArrayList<>();
		for (String answer : List.of("I have had a sore throat", "1 to 3 days ago", "No, that's all")) {
			Reply turn = patient.send(session, answer);
			assertThat(turn.status()).as(turn.raw()).isEqualTo(200);
			turns.add(turn.body());
		}

		assertThat(turns.get(0).get("question").get("id").asString()).isEqualTo("onset");
		assertThat(turns.get(0).get("question").get("options").size()).isGreaterThan(1);
		assertThat(turns.get(1).get("question").get("id").asString()).isEqualTo("anything-else");
		JsonNode last = turns.get(2);
		assertThat(last.get("status").asString()).isEqualTo("AWAITING_REVIEW");
		assertThat(last.get("question").isNull()).isTrue();
		// The placeholder engine gives no clinical outcome, and says so.
		assertThat(last.get("disposition").isNull()).isTrue();
		assertThat(last.get("messages").toString()).contains("no assessment was made");

		JsonNode resumed = patient.get(session).body();
		assertThat(resumed.get("status").asString()).isEqualTo("AWAITING_REVIEW");
		List<String> transcript = new ArrayList<>();
		resumed.get("messages").forEach(m -> transcript.add(m.get("author").asString() + ":" + m.get("text").asString()));
		List<String> expected = new ArrayList<>();
		started(session).forEach(m -> expected.add("ASSISTANT:" + m.get("text").asString()));
		consent.body().get("messages").forEach(m -> expected.add("ASSISTANT:" + m.get("text").asString()));
		List<String> answers = List.of("I have had a sore throat", "1 to 3 days ago", "No, that's all");
		for (int i = 0; i < turns.size(); i++) {
			expected.add("PATIENT:" + answers.get(i));
			turns.get(i).get("messages").forEach(m -> expected.add("ASSISTANT:" + m.get("text").asString()));
		}
		assertThat(transcript).containsExactlyElementsOf(expected);

		int seq = 0;
		for (JsonNode m : resumed.get("messages")) {
			assertThat(m.get("seq").asInt()).isEqualTo(++seq);
		}
		// Patient answers are linked to the question they answer.
		assertThat(resumed.get("messages").get(3).get("questionId").asString()).isEqualTo("main-concern");
	}

	@Test
	void aFinishedConsultationRefusesMoreMessagesAndStoresNothing() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, "Back pain");
		patient.send(session, "Today");
		patient.send(session, "No, that's all");
		String before = storedState(session.id());

		Reply late = patient.send(session, "One more thing");

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.contentType()).startsWith("application/problem+json");
		assertThat(late.problemType()).isEqualTo("urn:medassist:problem:consultation-closed");
		assertThat(late.body().get("detail").asString()).contains("AWAITING_REVIEW");
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void decliningConsentEndsTheConsultationPolitely() {
		Session session = patient.start("demo");

		Reply declined = patient.consent(session, false);

		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.body().get("status").asString()).isEqualTo("ABANDONED");
		assertThat(declined.body().get("messages").get(0).get("text").asString()).contains("911");
		assertThat(patient.send(session, "hello").status()).isEqualTo(409);
		assertThat(patient.consent(session, true).status()).isEqualTo(409);
	}

	@Test
	void consentingTwiceIsHarmless() {
		Session session = patient.startAndConsent("demo");
		String before = storedState(session.id());

		Reply again = patient.consent(session, true);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("question").get("id").asString()).isEqualTo("main-concern");
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void theResponseCarriesACorrelationIdThatProblemsRepeat() {
		Reply problem = patient.post("/api/v1/consultations", "{\"clinic\":\"no-such-clinic\"}", null);

		assertThat(problem.status()).isEqualTo(404);
		assertThat(problem.body().get("correlationId").asString()).isNotBlank();
	}

	@Test
	void theApiIsDescribedByOpenApiAndHealthIsPublic() {
		Reply docs = patient.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").has("/api/v1/consultations/{id}/messages")).isTrue();

		assertThat(patient.get("/actuator/health/liveness", null).body().get("status").asString()).isEqualTo("UP");
		// Readiness waits for the triage engine, which loads in the background after start-up.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				patient.get("/actuator/health/readiness", null).body().get("status").asString()).isEqualTo("UP"));
		Reply metrics = patient.get("/actuator/prometheus", null);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.raw()).contains("http_server_requests");
	}

	private static Iterable<JsonNode> started(Session session) {
		return session.started().body().get("messages");
	}

	@Test
	void aMessageIdFromAnotherConsultationIsIndependent() {
		Session first = patient.startAndConsent("demo");
		Session second = patient.startAndConsent("demo");
		UUID shared = UUID.randomUUID();

		assertThat(patient.send(first, "Cough", shared).status()).isEqualTo(200);
		assertThat(patient.send(second, "Rash", shared).status()).isEqualTo(200);

		assertThat(count("consultation_message", first.id())).isEqualTo(count("consultation_message", second.id()));
	}
}
