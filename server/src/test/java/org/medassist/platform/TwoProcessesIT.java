package org.medassist.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.testing.EventStreams.readUntil;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.MachinePostgres;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ServerProcess;
import org.medassist.testing.SocketClient;
import org.medassist.testing.StaffClient;
import tools.jackson.databind.JsonNode;

/**
 * Two real MedAssist processes (the packaged jar) on the machine's PostgreSQL and Redis, as behind a load
 * balancer. A nurse's dashboard is on B; a patient talks to A, which is killed with SIGKILL right after
 * acknowledging a message, while the reply is being produced. The patient reconnects to B: nothing is lost, the
 * interrupted turn completes, the conversation goes on; the dashboard, reconnecting with the last sequence number
 * it saw, receives what it missed.
 */
class TwoProcessesIT {

	private static final Path JAR = Path.of(System.getProperty("medassist.jar", "target/medassist.jar"));

	private static final String DATABASE = "medassist_it_two_processes";

	/** Each engine step takes this long: the window in which A dies with a reply in progress. */
	private static final String ENGINE_LATENCY = "2s";

	/** How long to wait for a frame: this machine's two cores may be shared with other builds. */
	private static final Duration PATIENCE = Duration.ofSeconds(120);

	private final List<ServerProcess> servers = new ArrayList<>();

	@AfterEach
	void stopEverything() {
		servers.forEach(ServerProcess::kill);
	}

	@Test
	void killNineOfOneInstanceMidConversationLosesNothingAndTheDashboardOnTheOtherCatchesUp() throws Exception {
		long began = System.nanoTime();
		MachinePostgres.createDatabase(DATABASE, ExternalPostgresTest.OWNER, ExternalPostgresTest.APP);
		Path logs = Files.createTempDirectory(
				Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "two-processes-");
		// Instances behind one load balancer share the master key (each data directory would otherwise get its own,
		// and one instance could not read the PHI the other wrote).
		AeadConfig.register();
		Path masterKey = logs.resolve("master-key.json");
		Files.writeString(masterKey, TinkJsonProtoKeysetFormat.serializeKeyset(
				KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
		// A migrates and seeds the demo clinic; B starts at the same time (Flyway's lock orders the migrations).
		CompletableFuture<ServerProcess> startingA = CompletableFuture.supplyAsync(() -> start("a", true, logs, masterKey));
		CompletableFuture<ServerProcess> startingB = CompletableFuture.supplyAsync(() -> start("b", false, logs, masterKey));
		ServerProcess a = startingA.get(180, TimeUnit.SECONDS);
		ServerProcess b = startingB.get(180, TimeUnit.SECONDS);
		System.out.printf("two-processes: both ready in %d ms%n", (System.nanoTime() - began) / 1_000_000);

		String nurse = login(new StaffClient(b.client()));
		InputStream dashboard = openDashboard(b, nurse, null);

		// A first patient finishes on A: the dashboard on B hears of it (Redis fan-out between processes).
		PatientClient onA = a.client();
		Session first = onA.startAndConsent("demo");
		finish(onA, first);
		String seen = readUntil(dashboard, first.id(), 120);
		assertThat(seen).as("B's dashboard hears of a case completed on A").contains("event:QUEUED").contains(first.id());
		long lastSeq = lastSeq(seen);
		dashboard.close(); // the nurse's laptop sleeps: the dashboard misses what follows

		// A second patient talks to A; A dies right after acknowledging a message, while the reply is produced.
		Session second = onA.startAndConsent("demo");
		assertThat(onA.send(second, "I have had a sore throat for two days").status()).isEqualTo(200);
		String clientMessageId = UUID.randomUUID().toString();
		try (SocketClient socket = SocketClient.connect(onA.base(), second.id())) {
			socket.auth(second.token());
			next(socket, "state");
			socket.message("It started 2 days ago", clientMessageId);
			assertThat(socket.next(PATIENCE).get("type").asString()).isEqualTo("ack");
			a.kill();
		}

		// The patient reconnects to B: the acknowledged message is there once, and its reply is produced there.
		PatientClient onB = b.client();
		try (SocketClient socket = SocketClient.connect(onB.base(), second.id())) {
			socket.auth(second.token());
			JsonNode state = next(socket, "state").get("consultation");
			assertThat(count(state.get("messages"), clientMessageId)).as("the acknowledged message survived").isEqualTo(1);
		}
		JsonNode resumed = onB.get(second).body();
		JsonNode acknowledged = find(resumed.get("messages"), clientMessageId);
		assertThat(acknowledged.get("text").asString()).isEqualTo("It started 2 days ago");
		assertThat(hasReplyTo(resumed.get("messages"), acknowledged.get("id").asString()))
			.as("the interrupted reply was produced on B").isTrue();
		finish(onB, second);

		// The dashboard comes back, to B, with the last sequence number it saw: it receives what it missed.
		InputStream again = openDashboard(b, nurse, lastSeq);
		String missed = readUntil(again, second.id(), 120);
		again.close();
		assertThat(missed).contains("event:QUEUED").contains(second.id());
		assertThat(firstSeq(missed)).as("only what came after the last event it saw").isGreaterThan(lastSeq);
		assertThat(new StaffClient(onB).get("/api/v1/review/queue", nurse).raw()).contains(first.id())
			.contains(second.id());
		System.out.printf("two-processes: done in %d ms%n", (System.nanoTime() - began) / 1_000_000);
	}

	private ServerProcess start(String name, boolean seedDemo, Path logs, Path masterKey) {
		try {
			ServerProcess server = ServerProcess.start(JAR, List.of("-Xmx512m"),
					List.of("serve", "--medassist.triage.simulated-latency=" + ENGINE_LATENCY,
							"--medassist.db.migration.user=" + ExternalPostgresTest.OWNER,
							"--medassist.db.migration.password=owner-secret",
							"--medassist.identity.logins-per-minute-per-account=1000",
							"--medassist.identity.logins-per-minute-per-address=1000"),
					Map.of("MEDASSIST_DB_URL", MachinePostgres.SERVER + DATABASE, "MEDASSIST_DB_USER",
							ExternalPostgresTest.APP, "MEDASSIST_DB_PASSWORD", "app-secret", "MEDASSIST_REDIS_URL",
							System.getenv().getOrDefault("MEDASSIST_TEST_REDIS_URL", "redis://127.0.0.1:6379"),
							"MEDASSIST_DEMO", Boolean.toString(seedDemo), "MEDASSIST_DATA",
							logs.resolve(name).toString(), "MEDASSIST_MASTER_KEY_FILE", masterKey.toString()),
					logs.resolve(name + ".log"), Duration.ofSeconds(180));
			synchronized (servers) {
				servers.add(server);
			}
			return server;
		}
		catch (Exception e) {
			throw new IllegalStateException("instance " + name + " did not start", e);
		}
	}

	/** Ends the consultation: an emergency ends it at once; otherwise answer "No" until the engine concludes. */
	private static void finish(PatientClient client, Session session) {
		client.send(session, "Now I have crushing chest pain and I am sweating");
		JsonNode state = client.get(session).body();
		for (int i = 0; i < 20 && state.get("status").asString().equals("IN_PROGRESS"); i++) {
			client.send(session, "No");
			state = client.get(session).body();
		}
		assertThat(state.get("status").asString()).isIn("AWAITING_REVIEW", "ESCALATED");
	}

	private static JsonNode next(SocketClient socket, String type) {
		while (true) {
			JsonNode frame = socket.next(PATIENCE);
			if (type.equals(frame.path("type").asString())) {
				return frame;
			}
		}
	}

	/** The demo nurse, once more with the next code if the first one fell out of the server's window. */
	private static String login(StaffClient staff) {
		for (int attempt = 1;; attempt++) {
			Reply reply = staff.loginReply("demo", "nurse", "nurse-demo-password",
					staff.freshCode("demo", "nurse", StaffClient.DEMO_SECRET));
			if (reply.status() == 200 || attempt == 2) {
				assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
				return reply.body().get("accessToken").asString();
			}
		}
	}

	private static InputStream openDashboard(ServerProcess server, String token, Long after) throws Exception {
		HttpResponse<InputStream> stream = HttpClient.newHttpClient()
			.send(server.client().request("/api/v1/notifications/dashboard" + (after == null ? "" : "?after=" + after),
					token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		return stream.body();
	}

	private static long firstSeq(String events) {
		Matcher ids = Pattern.compile("(?m)^id:(\\d+)").matcher(events);
		assertThat(ids.find()).isTrue();
		return Long.parseLong(ids.group(1));
	}

	private static long lastSeq(String events) {
		Matcher ids = Pattern.compile("(?m)^id:(\\d+)").matcher(events);
		long last = -1;
		while (ids.find()) {
			last = Long.parseLong(ids.group(1));
		}
		assertThat(last).as("events carry sequence numbers").isPositive();
		return last;
	}

	private static JsonNode find(JsonNode messages, String clientMessageId) {
		for (JsonNode m : messages) {
			if (clientMessageId.equals(m.path("clientMessageId").asString(null))) {
				return m;
			}
		}
		throw new AssertionError("no message " + clientMessageId);
	}

	private static int count(JsonNode messages, String clientMessageId) {
		int n = 0;
		for (JsonNode m : messages) {
			n += clientMessageId.equals(m.path("clientMessageId").asString(null)) ? 1 : 0;
		}
		return n;
	}

	private static boolean hasReplyTo(JsonNode messages, String patientMessageId) {
		for (JsonNode m : messages) {
			if (patientMessageId.equals(m.path("inReplyTo").asString(null))) {
				return true;
			}
		}
		return false;
	}
}
