package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.audit.ChainReport;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.StaffClient.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What reaches the audit trail, and that the application cannot take it back: logins, failed logins, denials
 * and staff reads of a consultation become records with who, what, where and correlation id and no PHI; the
 * application role can neither update nor delete them; a record is part of its action's transaction; concurrent
 * appends never fork a chain.
 */
class AuditRecordingTest extends ApplicationTest {

	private static final Map<Integer, Tokens> nurses = new ConcurrentHashMap<>();

	@Autowired
	private DataSource applicationDataSource;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private AuditRecorder recorder;

	@Autowired
	private ChainVerification chains;

	private JdbcClient app;

	private ClinicId demo;

	@BeforeEach
	void connect() {
		app = JdbcClient.create(applicationDataSource);
		demo = new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = 'demo'").query(UUID.class).single());
	}

	@Test
	void aNurseReadingAConsultationIsRecordedWithWhoWhatWhereAndNoPatientText() {
		String canary = "Canary Zebedee-" + UUID.randomUUID();
		Session session = patient.startAndConsent("demo");
		patient.send(session, "My name is " + canary + " and my throat hurts");
		Tokens nurse = nurses.computeIfAbsent(port, p -> staff.loginDemo("demo", "nurse", "nurse-demo-password"));
		assertThat(staff.get("/api/v1/consultations/" + session.id(), nurse.accessToken()).status()).isEqualTo(200);

		Map<String, Object> viewed = database.sql("""
				SELECT user_id::text, role, purpose, remote_address, correlation_id, outcome FROM audit_event
				WHERE clinic_id = ? AND action = 'CONSULTATION_VIEWED' AND object_type = 'consultation'
				  AND object_id = ?""").params(demo.value(), session.id()).query().singleRow();
		String nurseId = database.sql("SELECT id::text FROM staff_user WHERE clinic_id = ? AND username = 'nurse'")
			.param(demo.value()).query(String.class).single();
		assertThat(viewed).containsEntry("user_id", nurseId).containsEntry("role", "NURSE")
			.containsEntry("purpose", "TREAT").containsEntry("outcome", "SUCCESS");
		assertThat((String) viewed.get("remote_address")).isNotBlank();
		assertThat((String) viewed.get("correlation_id")).isNotBlank();
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = 'LOGIN'"
				+ " AND user_id = ?::uuid").params(demo.value(), nurseId).query(Integer.class).single()).isPositive();
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE audit_event::text LIKE ?")
			.param("%Zebedee%").query(Integer.class).single()).as("no patient text in any audit column").isZero();
	}

	@Test
	void failedLoginsAndDenialsAreRecordedAndAnUnknownClinicGoesToTheDeploymentChain() {
		staff.loginReply("demo", "nurse", "wrong-password-" + UUID.randomUUID(), "000000");
		staff.loginReply("no-such-clinic", "nurse", "whatever-password", "000000");
		assertThat(staff.get("/api/v1/audit/events", null).status()).isEqualTo(401);

		assertThat(database.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'LOGIN_FAILED'")
			.param(demo.value()).query(String.class).list()).contains("401:bad-password");
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE clinic_id IS NULL AND action = 'LOGIN_FAILED'")
			.query(Integer.class).single()).as("login to an unknown clinic").isPositive();
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE clinic_id IS NULL AND action = 'ACCESS_DENIED'"
				+ " AND object_id = 'GET /api/v1/audit/events'").query(Integer.class).single()).isPositive();
		assertThat(chains.verify((ClinicId) null).intact()).isTrue();
	}

	@Test
	void theApplicationRoleCanNeitherUpdateNorDeleteAndTheTriggerStopsEvenTheOwner() {
		recorder.record(ChainTampering.entry(demo, Instant.now(), "LOGIN"));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		for (String sql : List.of("UPDATE audit_event SET action = 'X'", "DELETE FROM audit_event",
				"TRUNCATE audit_event")) {
			assertThatThrownBy(() -> Tenancy.runAs(demo, () -> tx.executeWithoutResult(s -> app.sql(sql).update())))
				.as(sql).rootCause().hasMessageContaining("permission denied");
		}
		assertThatThrownBy(() -> database.sql("UPDATE audit_event SET action = 'X' WHERE clinic_id = ?")
			.param(demo.value()).update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> database.sql("DELETE FROM audit_event WHERE clinic_id = ?").param(demo.value()).update())
			.rootCause().hasMessageContaining("append-only");
	}

	@Test
	void aClinicSeesOnlyItsChainAndNoClinicSeesOnlyTheDeploymentChain() {
		recorder.record(ChainTampering.entry(demo, Instant.now(), "LOGIN"));
		recorder.record(ChainTampering.entry(null, Instant.now(), "LOGIN_FAILED"));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		List<UUID> seenByDemo = Tenancy.callAs(demo, () -> tx.execute(s -> app
			.sql("SELECT DISTINCT clinic_id FROM audit_event").query((rs, n) -> rs.getObject(1, UUID.class)).list()));
		assertThat(seenByDemo).containsExactly(demo.value());
		List<UUID> seenByNone = tx.execute(s -> app.sql("SELECT DISTINCT clinic_id FROM audit_event")
			.query((rs, n) -> rs.getObject(1, UUID.class)).list());
		assertThat(seenByNone).containsExactly((UUID) null);
		assertThatThrownBy(() -> Tenancy.runAs(demo, () -> tx.executeWithoutResult(s -> app
			.sql("INSERT INTO audit_event (id, clinic_id, seq, occurred_at, action, outcome, prev_hash, hash)"
					+ " VALUES (gen_random_uuid(), NULL, 999999, now(), 'X', 'SUCCESS', ?, ?)")
			.params(new byte[32], new byte[32]).update()))).rootCause()
			.hasMessageContaining("row-level security");
	}

	@Test
	void aRecordIsPartOfItsActionsTransaction() {
		ClinicId clinic = new ChainTampering(database).newClinic();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		assertThatThrownBy(() -> Tenancy.runAs(clinic, () -> tx.executeWithoutResult(s -> {
			recorder.record(ChainTampering.entry(clinic, Instant.now(), "CONSULTATION_VIEWED"));
			throw new IllegalStateException("the action fails after its record was written");
		}))).isInstanceOf(IllegalStateException.class);
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ?").param(clinic.value())
			.query(Integer.class).single()).as("rolled back with the action").isZero();
	}

	@Test
	void concurrentAppendsFromManyThreadsNeverForkTheChain() throws Exception {
		ClinicId clinic = new ChainTampering(database).newClinic();
		int threads = 8;
		int each = 125;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < each; i++) {
						recorder.record(ChainTampering.entry(clinic, Instant.now(), "CONSULTATION_VIEWED"));
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double millis = (System.nanoTime() - started) / 1e6;
		long verifying = System.nanoTime();
		ChainReport report = chains.verify(clinic);
		double verifyMillis = (System.nanoTime() - verifying) / 1e6;
		assertThat(report.intact()).as(report.summary()).isTrue();
		assertThat(report.headSeq()).isEqualTo(threads * each);
		System.out.printf("audit: %d appends from %d threads to one chain in %.0f ms (%.2f ms each)%n",
				threads * each, threads, millis, millis / (threads * each));
		System.out.printf("audit: verified %d records in %.0f ms%n", report.records(), verifyMillis);
	}
}
