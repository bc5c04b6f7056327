package org.medassist.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a database administrator's dump shows: MedAssist on the machine's PostgreSQL (pg_dump must match the
 * server's version, and the embedded binaries ship none), a consultation with a known name and sentence, then
 * {@code pg_dump} as the superuser. The transcript is in the dump, the name and sentence are not.
 */
class DatabaseDumpTest extends ApplicationTest {

	static final String SERVER = env("MEDASSIST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
	static final String ADMIN = env("MEDASSIST_TEST_PG_USER", "postgres");
	static final String ADMIN_PASSWORD = env("MEDASSIST_TEST_PG_PASSWORD", "");
	static final String DATABASE = "medassist_it_dump";
	static final String OWNER = "medassist_it_dump_owner";
	static final String APP = "medassist_it_dump_app";

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", ADMIN, ADMIN_PASSWORD);
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			for (String role : new String[] { OWNER, APP }) {
				sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
						+ " CREATE ROLE " + role + " LOGIN; END IF; END $$");
			}
			sql.execute("ALTER ROLE " + OWNER + " PASSWORD 'owner-secret' NOSUPERUSER");
			sql.execute("ALTER ROLE " + APP + " PASSWORD 'app-secret' NOSUPERUSER NOBYPASSRLS");
			sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
		}
		registry.add("medassist.db.url", () -> SERVER + DATABASE);
		registry.add("medassist.db.user", () -> APP);
		registry.add("medassist.db.password", () -> "app-secret");
		registry.add("medassist.db.migration.user", () -> OWNER);
		registry.add("medassist.db.migration.password", () -> "owner-secret");
		registry.add("medassist.demo", () -> "true");
	}

	@Test
	void aDumpOfTheDatabaseHoldsNeitherTheNameNorTheSentence() throws Exception {
		String name = "Zebedee" + UUID.randomUUID().toString().substring(0, 8);
		String sentence = "the rash spread over my elbows on Tuesday";
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, "My name is " + name + " Quill and " + sentence).status()).isEqualTo(200);
		assertThat(patient.get(session).raw()).contains(name).contains(sentence);

		String dump = pgDump();

		assertThat(dump).contains("COPY public.consultation_message").contains(session.id());
		assertThat(dump).doesNotContain(name).doesNotContain(sentence).doesNotContain("elbows");
	}

	private static String pgDump() throws IOException, InterruptedException {
		String hostPort = SERVER.replace("jdbc:postgresql://", "").replaceAll("/.*$", "");
		ProcessBuilder builder = new ProcessBuilder("pg_dump", "--host", hostPort.split(":")[0], "--port",
				hostPort.contains(":") ? hostPort.split(":")[1] : "5432", "--username", ADMIN, "--no-password",
				DATABASE);
		builder.environment().put("PGPASSWORD", ADMIN_PASSWORD);
		builder.redirectErrorStream(true);
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String text = new String(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text.length() > 500 ? text.substring(0, 500) : text).isZero();
		return text;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
