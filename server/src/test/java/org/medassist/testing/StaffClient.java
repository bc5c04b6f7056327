package org.medassist.testing;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.medassist.testing.PatientClient.Reply;

/**
 * A member of staff's client for the v1 API: logs in with password and a TOTP code computed like an
 * authenticator app does. MedAssist never accepts a code twice, so the client remembers the last time step it
 * used per account and takes the next one (the server accepts one step either side of now), waiting for the
 * clock when it must.
 */
public final class StaffClient {

	/** The demo staff's published secret. */
	public static final String DEMO_SECRET = "JBSWY3DPEHPK3PXP";

	private static final Map<String, Long> lastStep = new ConcurrentHashMap<>();

	private final PatientClient http;

	public StaffClient(PatientClient http) {
		this.http = http;
	}

	public record Tokens(String accessToken, String refreshToken, Reply reply) {
	}

	public static String code(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}

	public static long stepNow() {
		return Instant.now().getEpochSecond() / 30;
	}

	/** A code for this account (on this server) that has not been used yet and is valid now. */
	public String freshCode(String clinic, String username, String secret) {
		return freshCode(http.base() + "/" + clinic + "/" + username + "/" + secret, secret);
	}

	private static synchronized String freshCode(String key, String secret) {
		while (true) {
			long now = stepNow();
			// The previous step's code is accepted only until this step ends: late in a step, a slow login would
			// arrive after that and be refused, so then it is not offered.
			long earliest = Instant.now().getEpochSecond() % 30 < 20 ? now - 1 : now;
			long step = Math.max(earliest, lastStep.getOrDefault(key, Long.MIN_VALUE / 2) + 1);
			if (step <= now + 1) {
				lastStep.put(key, step);
				return code(secret, step);
			}
			sleep(1000);
		}
	}

	public Reply loginReply(String clinic, String username, String password, String totp) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("clinic", clinic);
		body.put("username", username);
		body.put("password", password);
		if (totp != null) {
			body.put("totp", totp);
		}
		return http.post("/api/v1/auth/login", PatientClient.JSON.writeValueAsString(body), null);
	}

	public Tokens login(String clinic, String username, String password, String secret) {
		Reply reply = loginReply(clinic, username, password, freshCode(clinic, username, secret));
		if (reply.status() != 200 || reply.body().path("accessToken").isMissingNode()) {
			throw new AssertionError("login of " + username + "@" + clinic + " failed: " + reply.status() + " "
					+ reply.raw());
		}
		return new Tokens(reply.body().get("accessToken").asString(), reply.body().get("refreshToken").asString(),
				reply);
	}

	public Tokens loginDemo(String clinic, String username, String password) {
		return login(clinic, username, password, DEMO_SECRET);
	}

	public Reply get(String path, String token) {
		return http.get(path, token);
	}

	public Reply post(String path, String json, String token) {
		return http.post(path, json, token);
	}

	public Reply send(String method, String path, String json, String token) {
		HttpRequest.Builder builder = http.request(path, token);
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		return http.exchange(builder
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Confirms password and code so that sensitive actions are allowed for a few minutes. */
	public void reauthenticate(String clinic, String username, String password, String secret, String token) {
		Reply reply = post("/api/v1/auth/reauthenticate", PatientClient.JSON.writeValueAsString(
				Map.of("password", password, "totp", freshCode(clinic, username, secret))), token);
		if (reply.status() != 204) {
			throw new AssertionError("re-authentication failed: " + reply.status() + " " + reply.raw());
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
