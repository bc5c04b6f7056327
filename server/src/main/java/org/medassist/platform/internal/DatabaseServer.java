package org.medassist.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.medassist.platform.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server MedAssist talks to: either one it runs itself under the data directory (the
 * zero-setup default) or an external one. Knows the two roles: the migration role that owns the schema and
 * the application role that only reads and writes rows.
 */
final class DatabaseServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

	static final String EMBEDDED_DATABASE = "medassist";
	static final String EMBEDDED_OWNER = "medassist_owner";
	static final String EMBEDDED_APP_ROLE = "medassist_app";

	record Credentials(String url, String user,
			@org.medassist.platform.Classification(org.medassist.platform.Classification.Level.RESTRICTED) String password) {
	}

	private final Credentials application;
	private final Credentials migration;
	private final EmbeddedPostgres embedded;
	private final FileLock dataDirectoryLock;

	private DatabaseServer(Credentials application, Credentials migration, EmbeddedPostgres embedded,
			FileLock dataDirectoryLock) {
		this.application = application;
		this.migration = migration;
		this.embedded = embedded;
		this.dataDirectoryLock = dataDirectoryLock;
	}

	static DatabaseServer external(DatabaseProperties db) {
		Credentials app = new Credentials(db.url(), db.user(), db.password());
		if (!db.hasMigrationUser()) {
			log.warn("No MEDASSIST_DB_MIGRATION_USER: the application role migrates the schema and so owns its"
					+ " tables; row-level security does not bind a table owner. Configure a separate owner role.");
			return new DatabaseServer(app, app, null, null);
		}
		return new DatabaseServer(app, new Credentials(db.url(), db.migration().user(), db.migration().password()), null,
				null);
	}

	/**
	 * Starts (or restarts) the embedded server whose cluster lives in {@code dataDirectory/postgres}. Durability
	 * settings are forced on: the test-oriented defaults of the embedding library turn synchronous commit off,
	 * which would let an acknowledged patient message vanish in a crash.
	 */
	static DatabaseServer embedded(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
			FileLock lock = lockDataDirectory(dataDirectory);
			Path cluster = dataDirectory.resolve("postgres");
			stopOrphanedPostmaster(cluster);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				// Spring stops the server when it closes the application, after everything that needs it; a
				// shutdown hook of its own would race that (and stall shutdown on a database already gone).
				.setRegisterShutdownHook(false)
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "127.0.0.1")
				// Statements may contain patient text: never copy them into the server log.
				.setServerConfig("log_min_error_statement", "panic")
				.setServerConfig("log_error_verbosity", "terse")
				.setPGStartupWait(Duration.ofSeconds(90))
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("postgres.log").toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("postgres.log").toFile()))
				.start();
			createRolesAndDatabase(postgres);
			String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + EMBEDDED_DATABASE;
			// The embedded cluster trusts local connections; it listens on the loopback interface only.
			return new DatabaseServer(new Credentials(url, EMBEDDED_APP_ROLE, ""),
					new Credentials(url, EMBEDDED_OWNER, ""), postgres, lock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + dataDirectory, e);
		}
	}

	/**
	 * One MedAssist per data directory. The OS drops the lock when the process dies, even by {@code kill -9},
	 * which is what lets a restart recognise a postmaster left behind by a crashed predecessor.
	 */
	private static FileLock lockDataDirectory(Path dataDirectory) throws IOException {
		FileChannel channel = FileChannel.open(dataDirectory.resolve("medassist.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("Another MedAssist is running with the data directory " + dataDirectory
					+ "; stop it or set MEDASSIST_DATA to another directory.");
		}
		return lock;
	}

	/**
	 * After a crash of the JVM the embedded postmaster keeps running and holds the cluster. We hold the data
	 * directory lock, so no live MedAssist owns it: stop it (a smart shutdown, then a kill; PostgreSQL's WAL
	 * recovery makes either safe for committed data) before starting our own.
	 */
	private static void stopOrphanedPostmaster(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
		if (process.isEmpty()) {
			return;
		}
		log.warn("Stopping the embedded PostgreSQL (pid {}) left running by an earlier MedAssist that did not shut"
				+ " down cleanly", pid);
		ProcessHandle postmaster = process.get();
		postmaster.destroy();
		if (!waitForExit(postmaster, Duration.ofSeconds(30))) {
			postmaster.destroyForcibly();
			waitForExit(postmaster, Duration.ofSeconds(10));
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception e) {
			return !process.isAlive();
		}
	}

	private static void createRolesAndDatabase(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("""
					DO $$ BEGIN
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
					    CREATE ROLE %1$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
					  END IF;
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
					    CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
					  END IF;
					END $$""".formatted(EMBEDDED_OWNER, EMBEDDED_APP_ROLE));
			try (var rows = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DATABASE + "'")) {
				if (!rows.next()) {
					sql.execute("CREATE DATABASE " + EMBEDDED_DATABASE + " OWNER " + EMBEDDED_OWNER);
				}
			}
		}
		catch (SQLException e) {
			throw new IOException("Cannot prepare the embedded database", e);
		}
	}

	Credentials application() {
		return application;
	}

	Credentials migration() {
		return migration;
	}

	boolean isEmbedded() {
		return embedded != null;
	}

	@Override
	public void close() throws IOException {
		try {
			if (embedded != null) {
				embedded.close();
			}
		}
		finally {
			if (dataDirectoryLock != null) {
				dataDirectoryLock.release();
				dataDirectoryLock.channel().close();
			}
		}
	}
}
