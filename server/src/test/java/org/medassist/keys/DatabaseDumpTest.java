package org.medassist.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.MachinePostgres;
import org.medassist.testing.PatientClient.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a database administrator's dump shows: MedAssist on the machine's PostgreSQL (pg_dump must match the
 * server's version, and the embedded binaries ship none), a consultation with a known name and sentence, then
 * {@code pg_dump} as the superuser. The transcript is in the dump, the name and sentence are not.
 */
class DatabaseDumpTest extends ApplicationTest {

	static final String SERVER = MachinePostgres.SERVER;
	static final String ADMIN = MachinePostgres.ADMIN;
	static final String ADMIN_PASSWORD = MachinePostgres.ADMIN_PASSWORD;
	static final String DATABASE = "medassist_it_dump";
	static final String OWNER = "medassist_it_dump_owner";
	static final String APP = "medassist_it_dump_app";

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
		MachinePostgres.createDatabase(DATABASE, OWNER, APP);
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
}
