package org.medassist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port over its embedded PostgreSQL (a fresh cluster per application
 * context, under {@code target/test-data}). Tests talk to it as clients do, over HTTP, and look into the
 * database through the schema owner's connection. The triage engine is {@link ScriptedTriageEngine}: these
 * tests are about the consultation, not the clinical content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ ScriptedTriageEngine.Configuration.class, RecordedEvents.class })
public abstract class ApplicationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	@FlywayDataSource
	private DataSource ownerDataSource;

	protected PatientClient patient;

	protected StaffClient staff;

	@Autowired
	protected RecordedEvents events;

	protected JdbcClient database;

	@DynamicPropertySource
	static void freshDataDirectory(DynamicPropertyRegistry registry) {
		registry.add("medassist.data", ApplicationTest::newDataDirectory);
		// The guidance index loads at the first search in tests, not at every context's start (CPU is scarce).
		registry.add("medassist.knowledge.warm-up", () -> "false");
	}

	static String newDataDirectory() {
		try {
			Path root = Files.createDirectories(Path.of("target", "test-data"));
			return Files.createTempDirectory(root.toAbsolutePath(), "app-").toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@BeforeEach
	void connectClients() {
		patient = PatientClient.onPort(port);
		staff = new StaffClient(patient);
		database = JdbcClient.create(ownerDataSource);
	}

	/** Every row of the consultation's transcript and turns, as a comparable snapshot. */
	protected String storedState(String consultationId) {
		return database
			.sql("SELECT string_agg(seq || ':' || author || ':' || kind || ':' || text, '|' ORDER BY seq)"
					+ " FROM consultation_message WHERE consultation_id = ?::uuid")
			.param(consultationId)
			.query(String.class)
			.optional()
			.orElse("")
				+ " turns=" + count("consultation_turn", consultationId) + " status=" + database
					.sql("SELECT status || '/' || version FROM consultation WHERE id = ?::uuid")
					.param(consultationId)
					.query(String.class)
					.single();
	}

	protected int count(String table, String consultationId) {
		return database.sql("SELECT count(*) FROM " + table + " WHERE consultation_id = ?::uuid")
			.param(consultationId)
			.query(Integer.class)
			.single();
	}
}
