package org.medassist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.MachinePostgres;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore drill (docs/operations/backup-and-restore.md), run by CI on the machine's PostgreSQL server, the
 * way production runs: the packaged MedAssist on a fresh database records a consultation with a known sentence;
 * {@code bin/medassist-backup} backs the database and the audit checkpoints up while it runs; the backup is
 * restored into another fresh database, MedAssist starts on it with the same master key, the audit chains verify
 * against the restored checkpoints and the patient reads the sentence back. With another master key the restored
 * data does not decrypt, and MedAssist says so without falling over. Prints the backup's size and time and the
 * recovery time (restore start to readiness).
 */
class RestoreDrillIT {

	private static final Path JAR = Path.of(System.getProperty("medassist.jar", "target/medassist.jar"));

	private static final Path SCRIPT = Path.of("..", "bin", "medassist-backup").toAbsolutePath().normalize();

	/**
	 * JVM options for the processes that are not measured (start-up only, C1 compiler): the machine running CI is
	 * small. The restored server, whose readiness is the recovery time, starts as production does.
	 */
	private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private static final String OWNER = "medassist_drill_owner";

	private static final String APP = "medassist_drill_app";

	private static final String SENTENCE = "I have had a sore throat for two days since the choir rehearsal in Dunmore";

	private final String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private final String sourceDb = "medassist_drill_src_" + suffix;

	private final String restoredDb = "medassist_drill_rst_" + suffix;

	private final List<ServerProcess> servers = new ArrayList<>();

	private Path work;

	@AfterEach
	void cleanUp() throws Exception {
		servers.forEach(ServerProcess::kill);
		// The audit command, if an assertion stopped the drill before it was awaited: only this JVM's children.
		ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
		try (Connection admin = DriverManager.getConnection(MachinePostgres.SERVER + "postgres", MachinePostgres.ADMIN,
				MachinePostgres.ADMIN_PASSWORD); Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + sourceDb + " WITH (FORCE)");
			sql.execute("DROP DATABASE IF EXISTS " + restoredDb + " WITH (FORCE)");
		}
	}

	@Test
	void aBackupRestoresIntoAFreshDatabaseWithAnIntactAuditChainAndReadablePhi() throws Exception {
		work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "drill-");
		Path masterKey = work.resolve("keys/master-key.json");
		Path backup = work.resolve("backup");
		MachinePostgres.createDatabase(sourceDb, OWNER, APP);

		// 1. MedAssist on a fresh database: a consultation with a known sentence, finished, so that it has an
		// assessment, a review waiting for a nurse and audit records.
		ServerProcess source = start(sourceDb, work.resolve("source"), masterKey, true, FAST_START, "1s");
		PatientClient patient = source.client();
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, SENTENCE).status()).isEqualTo(200);
		JsonNode state = patient.get(session).body();
		for (int i = 0; i < 20 && state.get("status").asString().equals("IN_PROGRESS"); i++) {
			patient.send(session, "No");
			state = patient.get(session).body();
		}
		assertThat(state.get("status").asString()).isIn("AWAITING_REVIEW", "ESCALATED");
		String finalStatus = state.get("status").asString();
		Path checkpoints = work.resolve("source/audit-checkpoints");
		awaitClinicCheckpoint(checkpoints);

		// 2. The backup, taken while MedAssist runs.
		long backupStarted = System.nanoTime();
		Result backedUp = script("backup", "--db", sourceDb, "--to", backup.toString(), "--checkpoints",
				checkpoints.toString());
		long backupMillis = millisSince(backupStarted);
		assertThat(backedUp.exit()).as(backedUp.output()).isZero();
		String manifest = Files.readString(backup.resolve("manifest.json"));
		assertThat(manifest).contains("\"schema_owner\": \"" + OWNER + "\"", "\"granted_roles\": \"" + APP + "\"",
				"\"path\": \"medassist.dump\"", "\"master_key_included\": false")
			.containsPattern("\"schema_version\": \"\\d+\"");
		assertThat(backup.resolve("master-key.json")).doesNotExist();
		source.stop();

		// 3. Restore into another fresh database, and MedAssist on it with the same master key (no demo seed:
		// everything it serves comes from the backup).
		long restoreStarted = System.nanoTime();
		Path restoredData = work.resolve("restored");
		Result restored = script("restore", "--from", backup.toString(), "--db", restoredDb, "--checkpoints-to",
				restoredData.resolve("audit-checkpoints").toString());
		assertThat(restored.exit()).as(restored.output()).isZero();
		long restoreMillis = millisSince(restoreStarted);
		ServerProcess onRestored = start(restoredDb, restoredData, masterKey, false, List.of(), null);
		long recoveryMillis = millisSince(restoreStarted);

		JsonNode consultation = onRestored.client().get(session).body();
		assertThat(consultation.get("status").asString()).isEqualTo(finalStatus);
		List<String> texts = new ArrayList<>();
		consultation.get("messages").forEach(m -> texts.add(m.path("text").asString(null)));
		assertThat(texts).contains(SENTENCE);

		onRestored.stop();

		// 4. What an operator runs after a restore: the chains against the checkpoints that came with the backup
		// (the restored server above checkpoints every 5 minutes only, so it added none). In parallel, to save
		// time: the same backup with another master key. MedAssist runs, the PHI stays unreadable, the patient
		// gets a problem response, not the text and not a hang.
		Command verify = Command.start(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-jar", JAR.toAbsolutePath().toString(), "audit", "verify"),
				environment(restoredDb, restoredData, masterKey, false), work);
		ServerProcess wrongKey = start(restoredDb, work.resolve("wrong-key"), work.resolve("other-keys/master-key.json"),
				false, FAST_START, null);
		Reply unreadable = wrongKey.client().get(session);
		assertThat(unreadable.status()).isEqualTo(500);
		assertThat(unreadable.contentType()).contains("application/problem+json");
		assertThat(unreadable.raw()).doesNotContain("sore throat");
		assertThat(Files.readString(wrongKey.log())).contains("does not unwrap the keysets of 1 clinic(s)", "PhiUnreadable")
			.doesNotContain("sore throat");
		wrongKey.stop();

		Result verified = verify.await();
		assertThat(verified.exit()).as(verified.output()).isZero();
		// The whole restored chain is covered by the restored checkpoint: nothing was written after the backup.
		Matcher demo = Pattern.compile("audit chain demo: intact, \\d+ records, head (\\d+), checkpoint (\\d+)")
			.matcher(verified.output());
		assertThat(demo.find()).as(verified.output()).isTrue();
		assertThat(Integer.parseInt(demo.group(1))).isGreaterThanOrEqualTo(2);
		assertThat(demo.group(2)).isEqualTo(demo.group(1));

		// 5. Changing the master key on the restored database (`keys rewrap`, servers stopped), then MedAssist started
		// with only the new key, given as the keyset itself in MEDASSIST_MASTER_KEY: the old consultation reads back.
		Path newKey = work.resolve("new-keys/master-key.json");
		List<String> rewrap = List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
				JAR.toAbsolutePath().toString(), "keys", "rewrap", "--new-master-key", newKey.toString());
		Result rewrapped = Command.start(rewrap, environment(restoredDb, restoredData, masterKey, false), work).await();
		assertThat(rewrapped.exit()).as(rewrapped.output()).isZero();
		assertThat(rewrapped.output()).contains("keys: master key changed: ", " TOTP secret(s), ",
				" 1 deployment keyset(s) re-sealed under file " + newKey.toAbsolutePath());
		String newKeyJson = Files.readString(newKey);
		Matcher material = Pattern.compile("\"value\":\\s*\"([^\"]+)\"").matcher(newKeyJson);
		assertThat(material.find()).isTrue();
		assertThat(rewrapped.output()).doesNotContain(material.group(1));
		Map<String, String> keyInVariable = new java.util.HashMap<>(environment(restoredDb, restoredData, masterKey,
				false));
		keyInVariable.remove("MEDASSIST_MASTER_KEY_FILE");
		keyInVariable.put("MEDASSIST_MASTER_KEY", newKeyJson);
		ServerProcess onNewKey = start(keyInVariable, work.resolve("new-key"), FAST_START, null);
		List<String> textsAfter = new ArrayList<>();
		onNewKey.client().get(session).body().get("messages").forEach(m -> textsAfter.add(m.path("text").asString(null)));
		assertThat(textsAfter).contains(SENTENCE);
		assertThat(Files.readString(onNewKey.log())).doesNotContain("does not unwrap").doesNotContain(material.group(1));
		onNewKey.stop();

		long dumpBytes = Files.size(backup.resolve("medassist.dump"));
		System.out.printf("restore-drill: backup %d ms, dump %d bytes; restore %d ms; recovery (restore start to"
				+ " readiness) %d ms%n", backupMillis, dumpBytes, restoreMillis, recoveryMillis);
	}

	/**
	 * The checkpoint job (every second here) has caught up with the demo clinic's chain: a clinic's checkpoint file
	 * exists and its last checkpoint has not moved for three intervals.
	 */
	private static void awaitClinicCheckpoint(Path directory) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		String last = null;
		long unchangedSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			String now = lastClinicCheckpoint(directory);
			if (now == null || !now.equals(last)) {
				last = now;
				unchangedSince = System.nanoTime();
			}
			else if (millisSince(unchangedSince) > 3_000) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the clinic checkpoint in " + directory + " did not settle: " + last);
	}

	private static String lastClinicCheckpoint(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return null;
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> clinics = files.filter(f -> !f.getFileName().toString().equals("deployment.log")).toList();
			if (clinics.isEmpty()) {
				return null;
			}
			List<String> lines = Files.readAllLines(clinics.get(0));
			return lines.isEmpty() ? null : lines.get(lines.size() - 1).split(" ")[0];
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	record Result(int exit, String output) {
	}

	private Result script(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(args));
		URI server = URI.create(MachinePostgres.SERVER.substring("jdbc:".length()));
		return run(command, Map.of("PGHOST", server.getHost(), "PGPORT", Integer.toString(server.getPort()), "PGUSER",
				MachinePostgres.ADMIN, "PGPASSWORD", MachinePostgres.ADMIN_PASSWORD));
	}

	private Result run(List<String> command, Map<String, String> environment) throws Exception {
		return Command.start(command, environment, work).await();
	}

	/** A child process whose output goes to a file. */
	record Command(List<String> command, Process process, Path output) {

		static Command start(List<String> command, Map<String, String> environment, Path directory) throws IOException {
			Path output = Files.createTempFile(directory, "command-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			return new Command(command, builder.start(), output);
		}

		Result await() throws Exception {
			if (!process.waitFor(150, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(command + " did not finish:\n" + Files.readString(output));
			}
			return new Result(process.exitValue(), Files.readString(output));
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static Map<String, String> environment(String database, Path data, Path masterKey, boolean demo) {
		return Map.of("MEDASSIST_DB_URL", MachinePostgres.SERVER + database, "MEDASSIST_DB_USER", APP,
				"MEDASSIST_DB_PASSWORD", MachinePostgres.APP_PASSWORD, "MEDASSIST_DB_MIGRATION_USER", OWNER,
				"MEDASSIST_DB_MIGRATION_PASSWORD", MachinePostgres.OWNER_PASSWORD, "MEDASSIST_DEMO",
				Boolean.toString(demo), "MEDASSIST_DATA", data.toString(), "MEDASSIST_MASTER_KEY_FILE",
				masterKey.toString());
	}

	private ServerProcess start(String database, Path data, Path masterKey, boolean demo, List<String> jvmOptions,
			String checkpointInterval) throws Exception {
		return start(environment(database, data, masterKey, demo), data, jvmOptions, checkpointInterval);
	}

	private ServerProcess start(Map<String, String> environment, Path data, List<String> jvmOptions,
			String checkpointInterval) throws Exception {
		Files.createDirectories(data);
		List<String> arguments = new ArrayList<>(List.of("serve"));
		if (checkpointInterval != null) {
			arguments.add("--medassist.audit.checkpoint-interval=" + checkpointInterval);
		}
		List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
		jvm.addAll(jvmOptions);
		ServerProcess server = ServerProcess.start(JAR, jvm, arguments, environment,
				data.resolveSibling(data.getFileName() + "-server.log"), Duration.ofSeconds(240));
		servers.add(server);
		return server;
	}
}
