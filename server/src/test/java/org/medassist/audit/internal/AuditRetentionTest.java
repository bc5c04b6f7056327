package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.medassist.audit.ChainReport;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: records older than the period go, through the purge function only, and the purge is recorded in
 * the chain it shortened, which still verifies; nothing younger than six years goes, whatever is asked.
 */
class AuditRetentionTest extends ApplicationTest {

	@Autowired
	private AuditRecorder recorder;

	@Autowired
	private AuditRetention retention;

	@Autowired
	private ChainVerification chains;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private javax.sql.DataSource applicationDataSource;

	@Test
	void recordsPastSevenYearsArePurgedTheRestKeptAndThePurgeIsAuditedInAChainThatStillVerifies() {
		ClinicId clinic = new ChainTampering(database).newClinic();
		Instant now = Instant.now();
		for (int i = 0; i < 3; i++) {
			recorder.record(ChainTampering.entry(clinic, now.minus(Duration.ofDays(8 * 366)), "LOGIN"));
		}
		// Checkpointed at record 3, which the purge removes: the checkpointer must carry on after it.
		assertThat(chains.checkpoint(clinic).intact()).isTrue();
		recorder.record(ChainTampering.entry(clinic, now.minus(Duration.ofDays(5 * 365)), "LOGIN"));
		recorder.record(ChainTampering.entry(clinic, now, "LOGIN"));

		AuditRetention.Purged purged = retention.purge(clinic);

		assertThat(purged.records()).isEqualTo(3);
		assertThat(purged.throughSeq()).isEqualTo(3);
		assertThat(database.sql("SELECT seq FROM audit_event WHERE clinic_id = ? ORDER BY seq").param(clinic.value())
			.query(Long.class).list()).containsExactly(4L, 5L, 6L);
		assertThat(database.sql("SELECT action || ' ' || detail FROM audit_event WHERE clinic_id = ? AND seq = 6")
			.param(clinic.value()).query(String.class).single()).startsWith("AUDIT_PURGED through=3 hash=");
		ChainReport report = chains.verify(clinic);
		assertThat(report.intact()).as(report.summary()).isTrue();
		assertThat(report.headSeq()).isEqualTo(6);
		ChainReport checkpointed = chains.checkpoint(clinic);
		assertThat(checkpointed.intact()).as(checkpointed.summary()).isTrue();
		assertThat(chains.verify(clinic).checkpointSeq()).isEqualTo(6);
		assertThat(retention.purge(clinic).records()).as("nothing more to purge").isZero();
	}

	@Test
	void theDatabaseRefusesToPurgeAnythingYoungerThanSixYearsWhateverItIsAsked() {
		ClinicId clinic = new ChainTampering(database).newClinic();
		recorder.record(ChainTampering.entry(clinic, Instant.now().minus(Duration.ofDays(5 * 365)), "LOGIN"));
		recorder.record(ChainTampering.entry(clinic, Instant.now().minus(Duration.ofDays(4 * 365)), "LOGIN"));
		recorder.record(ChainTampering.entry(clinic, Instant.now(), "LOGIN"));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Long purged = Tenancy.callAs(clinic, () -> tx.execute(s -> JdbcClient.create(applicationDataSource)
			.sql("SELECT purged FROM audit_purge(?)")
			.param(Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)))
			.query(Long.class)
			.single()));
		assertThat(purged).isZero();
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ?").param(clinic.value())
			.query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void retentionIsSevenYearsByDefaultAndNeverBelowSix() {
		AuditProperties defaults = new AuditProperties(Period.ofYears(7), null, Duration.ofMinutes(5), Duration.ofDays(1));
		assertThat(defaults.retention()).isEqualTo(Period.ofYears(7));
		assertThat(new AuditProperties(Period.ofYears(6), Path.of("x"), Duration.ofMinutes(5), Duration.ofDays(1))
			.retention()).isEqualTo(Period.ofYears(6));
		assertThatThrownBy(() -> new AuditProperties(Period.ofYears(5), null, Duration.ofMinutes(5), Duration.ofDays(1)))
			.hasMessageContaining("at least 6 years");
		assertThatThrownBy(() -> new AuditProperties(Period.ofDays(2000), null, Duration.ofMinutes(5), Duration.ofDays(1)))
			.hasMessageContaining("at least 6 years");
	}
}
