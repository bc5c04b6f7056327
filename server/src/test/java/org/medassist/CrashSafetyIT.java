package org.medassist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ServerProcess;
import org.medassist.testing.SocketClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safety rule 4, tested on the real thing: the packaged MedAssist runs as a child process on its embedded
 * PostgreSQL, and is killed with SIGKILL between turns and while a reply is being produced. After each restart
 * every acknowledged message and every reply is there, and the consultation goes on.
 */
class CrashSafetyIT {

	private static final Path JAR = Path.of(System.getProperty("medassist.jar", "target/medassist.jar"));

	/** Each engine step takes this long, so that "while a reply is being produced" is a window we can hit. */
	private static final String ENGINE_LATENCY = "3s";

	private Path data;

	private final List<ServerProcess> servers = new ArrayList<>();

	@BeforeEach
	void freshDataDirectory() throws IOException {
		data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "crash-");
	}

	@AfterEach
	void stopEverything() {
		servers.forEach(ServerProcess::kill);
		stopOrphanedPostmaster();
	}

	@Test
	void acknowledgedMessagesAndRepliesSurviveKillNineAndTheConsultationContinues() throws Exception {
		ServerProcess first = start();
		PatientClient client = first.client();
		Session session = client.startAndConsent("demo");
		Reply firstTurn = client.send(session, "I have had a sore throat for two days");
		assertThat(firstTurn.status()).isEqualTo(200);
		JsonNode beforeCrash = client.get(session).body().get("messages");
		String waitingQuestion = firstTurn.body().get("question").get("id").asString();

		// 1. Killed between turns.
		first.kill();
		ServerProcess second = start();
		client = second.client();
		JsonNode afterRestart = client.get(session).body();
		assertThat(afterRestart.get("messages")).isEqualTo(beforeCrash);
		assertThat(afterRestart.get("question").get("id").asString()).isEqualTo(waitingQuestion);

		// 2. Killed while the reply to an acknowledged message is being produced.
		String clientMessageId = UUID.randomUUID().toString();
		List<String> framesBeforeCrash = new ArrayList<>();
		try (SocketClient socket = SocketClient.connect(client.base(), session.id())) {
			socket.auth(session.token());
			socket.nextOfType("state");
			socket.message("It started 2 days ago", clientMessageId);
			JsonNode ack = socket.next();
			framesBeforeCrash.add(ack.get("type").asString());
			assertThat(ack.get("type").asString()).isEqualTo("ack");
			second.kill();
		}
		assertThat(framesBeforeCrash).doesNotContain("turn");

		ServerProcess third = start();
		client = third.client();
		JsonNode resumed = client.get(session).body();
		JsonNode acknowledged = find(resumed.get("messages"), clientMessageId);
		assertThat(acknowledged).as("the acknowledged message survived").isNotNull();
		assertThat(acknowledged.get("text").asString()).isEqualTo("It started 2 days ago");
		assertThat(count(resumed.get("messages"), clientMessageId)).isEqualTo(1);
		assertThat(repliesTo(resumed.get("messages"), acknowledged.get("id").asString()))
			.as("the interrupted reply was produced on resume").isNotEmpty();
		String resumedQuestion = resumed.get("question").isNull() ? null : resumed.get("question").get("id").asString();

		// The client, which never saw the reply, retries: it gets the resumed answer and nothing is stored twice.
		Reply retry = client.send(session, "It started 2 days ago", UUID.fromString(clientMessageId));
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body().get("question").isNull() ? null : retry.body().get("question").get("id").asString())
			.isEqualTo(resumedQuestion);
		assertThat(client.get(session).body().get("messages").size()).isEqualTo(resumed.get("messages").size());

		// 3. The consultation goes on to its end (the real engine: answer "no" until it concludes).
		JsonNode state = client.get(session).body();
		for (int i = 0; i < 20 && state.get("status").asString().equals("IN_PROGRESS"); i++) {
			client.send(session, "No");
			state = client.get(session).body();
		}
		assertThat(state.get("status").asString()).isIn("AWAITING_REVIEW", "ESCALATED");
		assertThat(state.get("assessment").get("disposition").isNull()).isFalse();

		third.stop();
		assertThat(data.resolve("postgres/postmaster.pid")).as("a clean stop stops PostgreSQL too").doesNotExist();
	}

	private static JsonNode find(JsonNode messages, String clientMessageId) {
		for (JsonNode m : messages) {
			if (clientMessageId.equals(m.path("clientMessageId").asString(null))) {
				return m;
			}
		}
		return null;
	}

	private static int count(JsonNode messages, String clientMessageId) {
		int n = 0;
		for (JsonNode m : messages) {
			n += clientMessageId.equals(m.path("clientMessageId").asString(null)) ? 1 : 0;
		}
		return n;
	}

	private static List<JsonNode> repliesTo(JsonNode messages, String patientMessageId) {
		List<JsonNode> replies = new ArrayList<>();
		messages.forEach(m -> {
			if (patientMessageId.equals(m.path("inReplyTo").asString(null))) {
				replies.add(m);
			}
		});
		return replies;
	}

	private ServerProcess start() throws Exception {
		int generation = servers.size() + 1;
		Path log = data.resolveSibling(data.getFileName() + "-server-" + generation + ".log");
		long started = System.nanoTime();
		ServerProcess server = ServerProcess.start(JAR, List.of("-Xmx512m"),
				List.of("serve", "--medassist.triage.simulated-latency=" + ENGINE_LATENCY),
				Map.of("MEDASSIST_DATA", data.toString()), log, Duration.ofSeconds(120));
		System.out.printf("crash-safety: start %d ready in %d ms%n", generation, (System.nanoTime() - started) / 1_000_000);
		servers.add(server);
		return server;
	}

	private void stopOrphanedPostmaster() {
		try {
			Path pid = data.resolve("postgres/postmaster.pid");
			if (Files.exists(pid)) {
				ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(ProcessHandle::destroy);
			}
		}
		catch (IOException | RuntimeException e) {
			// best effort: nothing else to do for a test's leftovers
		}
	}
}
