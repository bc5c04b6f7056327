package org.medassist.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.medassist.MedAssistApplication;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MedAssist on the machine's own PostgreSQL server (127.0.0.1:5432) as an external database, the way a
 * clinic's IT staff deploy it: an owner role migrates, an unprivileged role runs the application.
 */
class ExternalPostgresTest extends ApplicationTest {

	static final String SERVER = env("MEDASSIST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
	/** A superuser of the machine's server; bin/test provides one when 'postgres' cannot log in over TCP. */
	static final String ADMIN = env("MEDASSIST_TEST_PG_USER", "postgres");
	static final String ADMIN_PASSWORD = env("MEDASSIST_TEST_PG_PASSWORD", "");
	static final String DATABASE = "medassist_it_external";
	static final String OWNER = "medassist_it_owner";
	static final String APP = "medassist_it_app";

	@Autowired
	private DataSource applicationDataSource;

	@Autowired
	private Installation installation;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
		createDatabaseAndRoles();
		registry.add("medassist.db.url", () -> SERVER + DATABASE);
		registry.add("medassist.db.user", () -> APP);
		registry.add("medassist.db.password", () -> "app-secret");
		registry.add("medassist.db.migration.user", () -> OWNER);
		registry.add("medassist.db.migration.password", () -> "owner-secret");
		registry.add("medassist.demo", () -> "true");
	}

	/** What an administrator does once: a database owned by the owner role, and a login for the application. */
	static void createDatabaseAndRoles() throws SQLException {
		createDatabaseAndRoles(DATABASE);
	}

	/** The same, for a database of another name (each test class its own, since the first is dropped). */
	static void createDatabaseAndRoles(String database) throws SQLException {
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", ADMIN, ADMIN_PASSWORD);
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			for (String role : new String[] { OWNER, APP }) {
				sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
						+ " CREATE ROLE " + role + " LOGIN; END IF; END $$");
			}
			sql.execute("ALTER ROLE " + OWNER + " PASSWORD 'owner-secret' NOSUPERUSER");
			sql.execute("ALTER ROLE " + APP + " PASSWORD 'app-secret' NOSUPERUSER NOBYPASSRLS");
			sql.execute("CREATE DATABASE " + database + " OWNER " + OWNER);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	@Test
	void aConsultationRunsOnTheExternalServer() {
		assertThat(installation.embeddedDatabase()).isFalse();
		Session session = patient.startAndConsent("demo");
		Reply turn = patient.send(session, "I twisted my knee playing football");

		assertThat(turn.status()).isEqualTo(200);
		assertThat(database.sql("SELECT count(*) FROM consultation_message WHERE consultation_id = ?::uuid")
			.param(session.id())
			.query(Integer.class)
			.single()).isEqualTo(6);
		assertThat(database.sql("SELECT current_database()").query(String.class).single()).isEqualTo(DATABASE);
	}

	@Test
	void theApplicationRoleIsNeitherSuperuserNorOwner() {
		JdbcClient app = JdbcClient.create(applicationDataSource);

		assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo(APP);
		assertThat(app.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(app.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
			.query(Integer.class)
			.single()).isZero();
		assertThat(database.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> ?")
			.param(OWNER)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theTranscriptIsAppendOnlyForTheApplication() {
		Session session = patient.startAndConsent("demo");
		JdbcClient app = JdbcClient.create(applicationDataSource);

		assertThatThrownBy(() -> app.sql("UPDATE consultation_message SET text = 'changed' WHERE consultation_id = ?::uuid")
			.param(session.id())
			.update()).isInstanceOf(BadSqlGrammarException.class).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.sql("DELETE FROM consultation_message WHERE consultation_id = ?::uuid")
			.param(session.id())
			.update()).isInstanceOf(BadSqlGrammarException.class).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> app.sql("DELETE FROM consultation").update())
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void MedAssistRefusesToRunAsASuperuser() {
		SpringApplicationBuilder superuser = new SpringApplicationBuilder(MedAssistApplication.class).properties(
				"medassist.db.url=" + SERVER + DATABASE, "medassist.db.user=" + ADMIN, "medassist.db.password=" + ADMIN_PASSWORD,
				"server.port=0", "spring.main.banner-mode=off");

		assertThatThrownBy(superuser::run).rootCause().hasMessageContaining("may not be a superuser");
	}
}
