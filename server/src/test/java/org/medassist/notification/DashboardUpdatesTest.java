package org.medassist.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ScriptedTriageEngine;

/**
 * A nurse's dashboard stream over real HTTP: new cases and claims arrive as server-sent events with sequence
 * numbers, only for the nurse's clinic, and a dashboard that reconnects with Last-Event-ID receives exactly what
 * it missed.
 */
@ManyLogins
class DashboardUpdatesTest extends ApplicationTest {

	private static final Map<String, String> logins = new ConcurrentHashMap<>();

	record Event(String id, String name, String data) {
	}

	@Test
	void aNurseSeesNewCasesLiveAndCatchesUpAfterReconnecting() throws Exception {
		String nurse = login("demo", "nurse", "nurse-demo-password");
		String otherNurse = login("other", "nurse", "other-demo-password");
		Stream demo = open(nurse, null);
		Stream other = open(otherNurse, null);
		assertThat(demo.next().name()).isEqualTo("ready");
		assertThat(other.next().name()).isEqualTo("ready");

		String id = completed("demo", "URGENT");
		Event queued = demo.nextAbout(id);
		assertThat(queued.name()).isEqualTo("QUEUED");
		assertThat(queued.data()).contains("\"disposition\":\"URGENT\"");
		assertThat(other.poll(2)).as("another clinic hears nothing of it").isNull();

		demo.close();
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse).status()).isEqualTo(200);
		String missedWhileAway = completed("demo", "ROUTINE");

		Stream back = open(nurse, queued.id());
		assertThat(back.next().name()).isEqualTo("ready");
		Event claimed = back.next();
		assertThat(claimed.name()).isEqualTo("CLAIMED");
		assertThat(Long.parseLong(claimed.id())).isGreaterThan(Long.parseLong(queued.id()));
		Event next = back.nextAbout(missedWhileAway);
		assertThat(next.name()).isEqualTo("QUEUED");
		back.close();
		other.close();
	}

	// --- a minimal SSE client ---

	final class Stream implements AutoCloseable {

		private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

		private final InputStream body;

		Stream(InputStream body) {
			this.body = body;
			Thread reader = new Thread(this::read, "sse-test-reader");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
				String id = null;
				String name = null;
				StringBuilder data = new StringBuilder();
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.isEmpty()) {
						if (name != null || data.length() > 0) {
							events.add(new Event(id, name, data.toString()));
						}
						id = null;
						name = null;
						data.setLength(0);
					}
					else if (line.startsWith("id:")) {
						id = line.substring(3).strip();
					}
					else if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5).strip());
					}
				}
			}
			catch (java.io.IOException e) {
				// closed by the test
			}
		}

		Event poll(int seconds) throws InterruptedException {
			return events.poll(seconds, TimeUnit.SECONDS);
		}

		Event next() throws InterruptedException {
			Event event = poll(10);
			assertThat(event).as("an event within 10 s").isNotNull();
			return event;
		}

		/** The next event about this consultation, skipping others' (tests share the application). */
		Event nextAbout(String consultationId) throws InterruptedException {
			while (true) {
				Event event = next();
				if (event.data().contains(consultationId)) {
					return event;
				}
			}
		}

		@Override
		public void close() throws Exception {
			body.close();
		}
	}

	private Stream open(String token, String lastEventId) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(java.net.URI.create(patient.base() + "/api/v1/notifications/dashboard"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<InputStream> response = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.build()
			.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		return new Stream(response.body());
	}

	private String completed(String clinic, String disposition) {
		Session session = patient.startAndConsent(clinic);
		patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + disposition);
		return session.id();
	}

	private String login(String clinic, String username, String password) {
		return logins.computeIfAbsent(port + clinic + username,
				k -> staff.loginDemo(clinic, username, password).accessToken());
	}
}
