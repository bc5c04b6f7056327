package org.medassist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged MedAssist jar running as a child process on a free port, its output in a log file: for the tests
 * that stop, kill and restart the real thing (crash safety, restore drill).
 */
public record ServerProcess(Process process, int port, Path log) {

	/**
	 * Starts {@code java [jvmOptions] -jar jar [arguments]} with {@code environment} (plus {@code PORT}) and waits
	 * until it is ready.
	 */
	public static ServerProcess start(Path jar, List<String> jvmOptions, List<String> arguments,
			Map<String, String> environment, Path log, Duration readyWithin) throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		ServerProcess server = new ServerProcess(builder.start(), port, log);
		try {
			server.awaitReady(readyWithin);
		}
		catch (Exception | AssertionError e) {
			server.kill();
			throw e;
		}
		return server;
	}

	public PatientClient client() {
		return PatientClient.onPort(port);
	}

	private void awaitReady(Duration timeout) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("MedAssist exited with " + process.exitValue() + ":\n" + Files.readString(log));
			}
			try {
				if (client().get("/actuator/health/readiness", null).status() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new AssertionError("MedAssist not ready within " + timeout + ":\n" + Files.readString(log));
	}

	/** SIGTERM: a graceful shutdown. */
	public void stop() throws InterruptedException {
		process.destroy();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed, an embedded PostgreSQL is orphaned. */
	public void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
