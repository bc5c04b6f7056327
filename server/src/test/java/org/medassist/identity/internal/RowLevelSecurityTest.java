package org.medassist.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security checked in PostgreSQL itself, as the application's own database role: every tenant table
 * is covered, nothing is visible without a clinic, the role cannot switch the policies off, and a pooled
 * connection never carries one clinic's setting into another clinic's transaction.
 */
class RowLevelSecurityTest extends ApplicationTest {

	private static final ClinicId DEMO = new ClinicId(DemoClinics.DEMO);

	private static final ClinicId OTHER = new ClinicId(DemoClinics.OTHER);

	@Autowired
	private DataSource applicationDataSource;

	private JdbcClient app;

	@BeforeEach
	void twoClinicsWithData() {
		patient.start("demo");
		patient.start("other");
		app = JdbcClient.create(applicationDataSource);
	}

	@Test
	void everyTableWithAClinicIdHasForcedRowLevelSecurityAndAPolicy() {
		List<String> tenantTables = database.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind = 'r'
				  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'clinic_id'
				              AND NOT a.attisdropped)
				ORDER BY 1""").query(String.class).list();
		assertThat(tenantTables).contains("consultation", "consultation_message", "consultation_turn", "staff_user",
				"staff_session", "staff_refresh_token", "staff_recovery_code");
		for (String table : tenantTables) {
			assertThat(database.sql("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = ?")
				.param(table).query(Boolean.class).single()).as(table + " has RLS enabled and forced").isTrue();
			assertThat(database.sql("""
					SELECT count(*) FROM pg_policies WHERE tablename = ? AND policyname = 'tenant_isolation'
					  AND 'public' = ANY (roles) AND cmd = 'ALL'
					  AND qual = '(clinic_id = current_clinic())' AND with_check = '(clinic_id = current_clinic())'""")
				.param(table).query(Integer.class).single()).as(table + " has the tenant policy for everyone").isOne();
			// No other policy may open rows to the application's role (policies are permissive: any one suffices).
			// The one exception is the audit trail's deployment chain: records with no clinic, visible only to a
			// transaction that has no clinic either.
			assertThat(database.sql("""
					SELECT count(*) FROM pg_policies p WHERE p.tablename = ? AND p.policyname <> 'tenant_isolation'
					  AND NOT (p.tablename = 'audit_event' AND p.policyname = 'deployment_chain'
					           AND p.qual = '((clinic_id IS NULL) AND (current_clinic() IS NULL))')
					  AND (('public' = ANY (p.roles)) OR EXISTS (SELECT 1 FROM pg_roles r
					       WHERE r.rolname = ANY (p.roles) AND pg_has_role(?, r.oid, 'MEMBER')))""")
				.params(table, appRole()).query(Integer.class).single()).as(table + ": no other policy for the app role")
				.isZero();
			assertThat(app.sql("SELECT count(*) FROM " + table + " WHERE clinic_id IS NOT NULL").query(Integer.class)
				.single()).as(table + " shows no clinic's rows without a clinic").isZero();
		}
	}

	private String appRole() {
		return app.sql("SELECT current_user").query(String.class).single();
	}

	@Test
	void theApplicationRoleIsNeitherOwnerNorSuperuserNorExempt() {
		String role = app.sql("SELECT current_user").query(String.class).single();
		assertThat(app.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
			.query(Boolean.class).single()).isFalse();
		assertThat(database.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = ?")
			.param(role).query(Integer.class).single()).isZero();
	}

	@Test
	void withoutAClinicTheApplicationSeesNoRows() {
		assertThat(database.sql("SELECT count(*) FROM consultation").query(Integer.class).single())
			.as("the owner sees the rows").isGreaterThanOrEqualTo(2);
		for (String table : List.of("consultation", "consultation_message", "staff_user", "staff_session")) {
			assertThat(app.sql("SELECT count(*) FROM " + table).query(Integer.class).single()).as(table).isZero();
		}
	}

	@Test
	void theApplicationRoleCannotTurnThePoliciesOff() {
		assertThatThrownBy(() -> app.sql("ALTER TABLE consultation DISABLE ROW LEVEL SECURITY").update())
			.rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> app.sql("ALTER TABLE consultation NO FORCE ROW LEVEL SECURITY").update())
			.rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> app.sql("DROP POLICY tenant_isolation ON consultation").update())
			.rootCause().hasMessageContaining("must be owner");
		// With row_security off, PostgreSQL refuses the query rather than show unfiltered rows.
		TransactionTemplate tx = new TransactionTemplate(new TenantTransactionManager(applicationDataSource));
		assertThatThrownBy(() -> Tenancy.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
			JdbcClient.create(applicationDataSource).sql("SET LOCAL row_security = off").update();
			JdbcClient.create(applicationDataSource).sql("SELECT count(*) FROM consultation").query(Integer.class).single();
		}))).rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void aClinicCannotWriteRowsIntoAnotherClinic() {
		TransactionTemplate tx = new TransactionTemplate(new TenantTransactionManager(applicationDataSource));
		assertThatThrownBy(() -> Tenancy.runAs(DEMO, () -> tx.executeWithoutResult(s -> JdbcClient
			.create(applicationDataSource)
			.sql("INSERT INTO staff_user (id, clinic_id, username, display_name, role, password_hash, created_at)"
					+ " VALUES (?, ?, 'intruder', 'x', 'NURSE', 'x', now())")
			.params(UUID.randomUUID(), OTHER.value())
			.update()))).rootCause().hasMessageContaining("violates row-level security policy");
		Integer updated = Tenancy.callAs(DEMO, () -> tx.execute(s -> JdbcClient.create(applicationDataSource)
			.sql("UPDATE consultation SET language = language WHERE clinic_id = ?")
			.param(OTHER.value())
			.update()));
		assertThat(updated).as("another clinic's rows are not there to update").isZero();
	}

	@Test
	void tenThousandAlternatingTransactionsOnOneConnectionNeverSeeTheOtherClinic() {
		HikariDataSource original = (HikariDataSource) applicationDataSource;
		try (HikariDataSource one = new HikariDataSource()) {
			one.setJdbcUrl(original.getJdbcUrl());
			one.setUsername(original.getUsername());
			one.setPassword(original.getPassword());
			one.setMaximumPoolSize(1);
			TransactionTemplate tx = new TransactionTemplate(new TenantTransactionManager(one));
			JdbcClient jdbc = JdbcClient.create(one);
			String sql = "SELECT clinic_id FROM consultation UNION SELECT clinic_id FROM staff_user"
					+ " UNION SELECT clinic_id FROM consultation_message";
			for (int i = 0; i < 10_000; i++) {
				ClinicId clinic = i % 2 == 0 ? DEMO : OTHER;
				List<UUID> seen = Tenancy.callAs(clinic, () -> tx.execute(s -> jdbc.sql(sql).query(UUID.class).list()));
				assertThat(seen).as("transaction " + i).containsExactly(clinic.value());
				if (i % 1000 == 999) {
					// Between tenants, outside any transaction, the connection carries no clinic at all.
					assertThat(jdbc.sql("SELECT count(*) FROM consultation").query(Integer.class).single()).isZero();
				}
			}
		}
	}
}
