package org.medassist.platform;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.medassist.MedAssistApplication;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.MachinePostgres;
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

	static final String SERVER = MachinePostgres.SERVER;
	static final String ADMIN = MachinePostgres.ADMIN;
	static final String ADMIN_PASSWORD = MachinePostgres.ADMIN_PASSWORD;
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

	static void createDatabaseAndRoles() throws SQLException {
		createDatabaseAndRoles(DATABASE);
	}

	/** Each test class its own database: the first thing creating one does is drop it. */
	static void createDatabaseAndRoles(String database) throws SQLException {
		MachinePostgres.createDatabase(database, OWNER, APP);
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
