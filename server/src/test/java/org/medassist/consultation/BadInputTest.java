package org.medassist.consultation;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input gets a 4xx {@code application/problem+json} with a reason, and leaves the database
 * exactly as it was.
 */
class BadInputTest extends ApplicationTest {

	private Session session;

	@BeforeEach
	void aConsultationWaitingForAnAnswer() {
		session = patient.startAndConsent("demo");
	}

	static Stream<Arguments> badMessages() {
		String uuid = "\"clientMessageId\":\"" + UUID.randomUUID() + "\"";
		return Stream.of(
				arguments("empty text", "{\"text\":\"\"," + uuid + "}", 400, "invalid-message-text", "empty"),
				arguments("whitespace only", "{\"text\":\"  \\n\\t \"," + uuid + "}", 400, "invalid-message-text", "empty"),
				arguments("control characters only", "{\"text\":\"\\u0000\\u0007\\u001b\"," + uuid + "}", 400,
						"invalid-message-text", "empty"),
				arguments("missing text", "{" + uuid + "}", 400, "invalid-message-text", "'text' is required"),
				arguments("null text", "{\"text\":null," + uuid + "}", 400, "invalid-message-text", "'text' is required"),
				arguments("text too long", "{\"text\":\"" + "a".repeat(2001) + "\"," + uuid + "}", 400,
						"message-too-long", "2000"),
				arguments("text far too long", "{\"text\":\"" + "a".repeat(50_000) + "\"," + uuid + "}", 400,
						"message-too-long", "2000"),
				arguments("invalid JSON", "{\"text\": \"I feel ", 400, "invalid-request-body", "not valid JSON"),
				arguments("not an object", "[1,2]", 400, "invalid-request-body", "wrong shape"),
				arguments("empty body", "", 400, "invalid-request-body", "missing"),
				arguments("unknown field", "{\"text\":\"hi\",\"mood\":\"sad\"," + uuid + "}", 400,
						"invalid-request-body", "Unknown field 'mood'"),
				arguments("text of the wrong type", "{\"text\":42," + uuid + "}", 400, "invalid-request-body",
						"'text' has the wrong type"),
				arguments("text as an object", "{\"text\":{\"a\":1}," + uuid + "}", 400, "invalid-request-body",
						"'text' has the wrong type"),
				arguments("clientMessageId not a UUID", "{\"text\":\"hi\",\"clientMessageId\":\"abc\"}", 400,
						"invalid-request-body", "'clientMessageId'"),
				arguments("clientMessageId missing", "{\"text\":\"hi\"}", 400, "invalid-client-message-id",
						"clientMessageId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badMessages")
	void aBadMessageIsRefusedWithAReasonAndNothingIsStored(String label, String body, int status, String type,
			String detail) {
		String before = storedState(session.id());

		Reply reply = patient.post("/api/v1/consultations/" + session.id() + "/messages", body, session.token());

		assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.problemType()).isEqualTo("urn:medassist:problem:" + type);
		assertThat(reply.body().get("detail").asString()).contains(detail);
		assertThat(reply.body().get("status").asInt()).isEqualTo(status);
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void controlCharactersAreStrippedFromAcceptedText() {
		Reply reply = patient.send(session, "  my\u0000 knee\u0007 hurts\u202E\r\nsince Monday  ");

		assertThat(reply.status()).isEqualTo(200);
		// Stored encrypted: read it back as the patient does.
		String stored = patient.get(session).body().get("messages").valueStream()
			.filter(m -> "PATIENT".equals(m.path("author").asString()))
			.map(m -> m.get("text").asString())
			.findFirst()
			.orElseThrow();
		assertThat(stored).isEqualTo("my knee hurts\nsince Monday");
	}

	@Test
	void exactlyTwoThousandCharactersAreAccepted() {
		assertThat(patient.send(session, "é".repeat(2000)).status()).isEqualTo(200);
	}

	@Test
	void anUnknownConsultationIsNotFound() {
		Reply reply = patient.get("/api/v1/consultations/" + UUID.randomUUID(), session.token());

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.problemType()).isEqualTo("urn:medassist:problem:consultation-not-found");
	}

	@Test
	void aMalformedConsultationIdIsABadRequest() {
		Reply reply = patient.get("/api/v1/consultations/not-a-uuid", session.token());

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void withoutATokenNothingIsShownOrStored() {
		String before = storedState(session.id());

		Reply read = patient.get("/api/v1/consultations/" + session.id(), null);
		Reply write = patient.post("/api/v1/consultations/" + session.id() + "/messages",
				"{\"text\":\"hi\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}", null);

		assertThat(read.status()).isEqualTo(401);
		assertThat(write.status()).isEqualTo(401);
		assertThat(write.problemType()).isEqualTo("urn:medassist:problem:unauthenticated");
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void aWrongTokenIsUnauthorized() {
		for (String token : new String[] { "ct_" + "A".repeat(43), "nonsense", "ct_short" }) {
			Reply reply = patient.get("/api/v1/consultations/" + session.id(), token);
			assertThat(reply.status()).as(token).isEqualTo(401);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		Reply malformedHeader = patient.exchange(patient.request("/api/v1/consultations/" + session.id(), null)
			.header("Authorization", "Basic dXNlcjpwYXNz")
			.GET()
			.build());
		assertThat(malformedHeader.status()).isEqualTo(401);
	}

	@Test
	void anotherConsultationsTokenFindsNothing() {
		Session other = patient.startAndConsent("demo");
		String before = storedState(session.id());

		Reply read = patient.get("/api/v1/consultations/" + session.id(), other.token());
		Reply write = patient.post("/api/v1/consultations/" + session.id() + "/messages",
				"{\"text\":\"hi\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}", other.token());
		Reply consent = patient.post("/api/v1/consultations/" + session.id() + "/consent", "{\"accepted\":true}",
				other.token());

		assertThat(read.status()).isEqualTo(404);
		assertThat(write.status()).isEqualTo(404);
		assertThat(consent.status()).isEqualTo(404);
		assertThat(read.raw()).doesNotContain("main-concern");
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void startingNeedsAKnownClinicAndASupportedLanguage() {
		long consultations = totalConsultations();

		Reply noClinic = patient.post("/api/v1/consultations", "{}", null);
		Reply unknownClinic = patient.post("/api/v1/consultations", "{\"clinic\":\"atlantis\"}", null);
		Reply badLanguage = patient.post("/api/v1/consultations", "{\"clinic\":\"demo\",\"language\":\"tlh\"}", null);
		Reply numericClinic = patient.post("/api/v1/consultations", "{\"clinic\":7}", null);
		Reply wrongMediaType = patient.exchange(patient.request("/api/v1/consultations", null)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("demo"))
			.build());

		assertThat(noClinic.status()).isEqualTo(400);
		assertThat(unknownClinic.status()).isEqualTo(404);
		assertThat(unknownClinic.problemType()).isEqualTo("urn:medassist:problem:clinic-not-found");
		assertThat(badLanguage.status()).isEqualTo(400);
		assertThat(badLanguage.body().get("detail").asString()).contains("en");
		assertThat(numericClinic.status()).isEqualTo(400);
		assertThat(wrongMediaType.status()).isEqualTo(415);
		assertThat(wrongMediaType.contentType()).startsWith("application/problem+json");
		assertThat(totalConsultations()).isEqualTo(consultations);
	}

	@Test
	void consentMustBeABoolean() {
		Session fresh = patient.start("demo");
		String before = storedState(fresh.id());

		for (String body : new String[] { "{}", "{\"accepted\":\"yes\"}", "{\"accepted\":1}", "{\"accepted\":null}" }) {
			Reply reply = patient.post("/api/v1/consultations/" + fresh.id() + "/consent", body, fresh.token());
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.body().get("detail").asString()).as(body).contains("accepted");
		}
		assertThat(storedState(fresh.id())).isEqualTo(before);
	}

	private long totalConsultations() {
		return database.sql("SELECT count(*) FROM consultation").query(Long.class).single();
	}


	@Test
	void identifiersEchoedFromTheRequestAreRedactedInTheErrorReport() {
		Reply clinic = patient.post("/api/v1/consultations", "{\"clinic\":\"07700-900123\"}", null);
		assertThat(clinic.status()).isEqualTo(404);
		assertThat(clinic.body().get("detail").asString()).isEqualTo("There is no clinic '[PHONE]'.");

		Reply field = patient.post("/api/v1/consultations/" + session.id() + "/messages",
				"{\"anna.k@example.com\":1}", session.token());
		assertThat(field.status()).isEqualTo(400);
		assertThat(field.body().get("detail").asString()).isEqualTo("Unknown field '[EMAIL]'.");
		assertThat(clinic.raw() + field.raw()).doesNotContain("900123").doesNotContain("anna.k@example.com");
	}
}
