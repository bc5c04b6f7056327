package org.medassist.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's client speaking MedAssist's public v1 API over real HTTP, as the web app and the evaluation
 * harness do.
 */
public final class PatientClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public PatientClient(String base) {
		this.base = base;
	}

	public static PatientClient onPort(int port) {
		return new PatientClient("http://localhost:" + port);
	}

	public String base() {
		return base;
	}

	/** A response: status, content type, and the body parsed as JSON (or {@code null} if it is not JSON). */
	public record Reply(int status, String contentType, String raw, JsonNode body) {

		public String problemType() {
			return body == null ? null : body.path("type").asString(null);
		}
	}

	/** A started consultation with its token. */
	public record Session(String id, String token, Reply started) {
	}

	public Session start(String clinic) {
		Reply reply = post("/api/v1/consultations", "{\"clinic\":\"" + clinic + "\"}", null);
		if (reply.status() != 201) {
			throw new AssertionError("could not start a consultation: " + reply.status() + " " + reply.raw());
		}
		return new Session(reply.body().get("id").asString(), reply.body().get("accessToken").asString(), reply);
	}

	public Session startAndConsent(String clinic) {
		Session session = start(clinic);
		Reply consent = consent(session, true);
		if (consent.status() != 200) {
			throw new AssertionError("consent failed: " + consent.status() + " " + consent.raw());
		}
		return session;
	}

	public Reply consent(Session session, boolean accepted) {
		return post("/api/v1/consultations/" + session.id() + "/consent", "{\"accepted\":" + accepted + "}",
				session.token());
	}

	public Reply send(Session session, String text) {
		return send(session, text, UUID.randomUUID());
	}

	public Reply send(Session session, String text, UUID clientMessageId) {
		String body = JSON.writeValueAsString(java.util.Map.of("text", text, "clientMessageId", clientMessageId));
		return post("/api/v1/consultations/" + session.id() + "/messages", body, session.token());
	}

	public Reply get(Session session) {
		return get("/api/v1/consultations/" + session.id(), session.token());
	}

	public Reply get(String path, String token) {
		return exchange(request(path, token).GET().build());
	}

	public Reply post(String path, String json, String token) {
		return exchange(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Reply exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			String type = response.headers().firstValue("Content-Type").orElse("");
			JsonNode body = null;
			if (type.contains("json") && !response.body().isEmpty()) {
				body = JSON.readTree(response.body());
			}
			return new Reply(response.statusCode(), type, response.body(), body);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}
}
