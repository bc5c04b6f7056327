package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.AuditCommand;
import org.medassist.audit.ChainReport;
import org.medassist.identity.ClinicId;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A rogue administrator edits, deletes, swaps and truncates audit records directly in PostgreSQL; the verifier
 * names the first record that no longer verifies, and the command line fails with it.
 */
class ChainVerificationTest extends ApplicationTest {

	@Autowired
	private AuditRecorder recorder;

	@Autowired
	private ChainVerification chains;

	@Autowired
	private ApplicationContext context;

	private ChainTampering dba;

	private ClinicId clinic;

	@BeforeEach
	void aChainOfTenRecords() {
		dba = new ChainTampering(database);
		clinic = dba.newClinic();
		for (int i = 0; i < 10; i++) {
			recorder.record(ChainTampering.entry(clinic, Instant.now(), "CONSULTATION_VIEWED"));
		}
		assertThat(chains.verify(clinic).intact()).as("untouched").isTrue();
	}

	@Test
	void anUntouchedChainVerifiesWithEveryRecordLinked() {
		ChainReport report = chains.verify(clinic);
		assertThat(report.records()).isEqualTo(10);
		assertThat(report.headSeq()).isEqualTo(10);
		assertThat(database.sql("SELECT count(DISTINCT prev_hash) FROM audit_event WHERE clinic_id = ?")
			.param(clinic.value()).query(Integer.class).single()).as("each record links to a different one").isEqualTo(10);
	}

	@Test
	void anEditedRecordIsFoundWhereItWasEdited() {
		dba.tamper("UPDATE audit_event SET user_id = gen_random_uuid() WHERE clinic_id = ? AND seq = 5", clinic.value());
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).isEqualTo(5);
		assertThat(report.problem()).contains("edited");
	}

	@Test
	void anEditWithARecomputedHashBreaksTheLinkOfTheNextRecord() {
		// A careful administrator also rewrites the hash; the next record still points at the old one.
		dba.tamper("UPDATE audit_event SET hash = sha256(hash) WHERE clinic_id = ? AND seq = 6", clinic.value());
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).as(report.summary()).isEqualTo(6);
		dba.tamper("UPDATE audit_event SET prev_hash = (SELECT hash FROM audit_event WHERE clinic_id = ? AND seq = 6)"
				+ " WHERE clinic_id = ? AND seq = 7", clinic.value(), clinic.value());
		assertThat(chains.verify(clinic).firstBrokenSeq()).isEqualTo(6);
	}

	@Test
	void aDeletedRecordIsFoundAtItsSequenceNumber() {
		dba.tamper("DELETE FROM audit_event WHERE clinic_id = ? AND seq = 4", clinic.value());
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).isEqualTo(4);
		assertThat(report.problem()).contains("missing");
	}

	@Test
	void twoSwappedRecordsAreFoundAtTheFirstOfThem() {
		// Record 8 moves to position 3 and record 3 to position 8 (through a free number: seq is unique).
		dba.tamper("UPDATE audit_event SET seq = 1000 WHERE clinic_id = ? AND seq = 3", clinic.value());
		dba.tamper("UPDATE audit_event SET seq = 3 WHERE clinic_id = ? AND seq = 8", clinic.value());
		dba.tamper("UPDATE audit_event SET seq = 8 WHERE clinic_id = ? AND seq = 1000", clinic.value());
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).isEqualTo(3);
	}

	@Test
	void aTruncatedTailIsFoundAgainstTheCheckpoint() {
		assertThat(chains.checkpoint(clinic).intact()).isTrue();
		dba.tamper("DELETE FROM audit_event WHERE clinic_id = ? AND seq > 7", clinic.value());
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).as(report.summary()).isEqualTo(8);
		assertThat(report.problem()).contains("truncated").contains("checkpointed at record 10");
		assertThat(report.checkpointSeq()).isEqualTo(10);
	}

	@Test
	void withoutACheckpointATruncatedTailLooksWhole() {
		// Why checkpoints exist: the chain alone cannot tell a shorter chain from a younger one.
		dba.tamper("DELETE FROM audit_event WHERE clinic_id = ? AND seq > 7", clinic.value());
		assertThat(chains.verify(clinic).intact()).isTrue();
	}

	@Test
	void aChainRewrittenBelowItsCheckpointIsFound() {
		assertThat(chains.checkpoint(clinic).intact()).isTrue();
		// Rewriting everything after record 2 consistently (hashes and links) still disagrees with the checkpoint.
		dba.tamper("DELETE FROM audit_event WHERE clinic_id = ? AND seq > 2", clinic.value());
		for (int i = 0; i < 8; i++) {
			recorder.record(ChainTampering.entry(clinic, Instant.now(), "LOGIN"));
		}
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).as(report.summary()).isEqualTo(10);
		assertThat(report.problem()).contains("checkpoint");
	}

	@Test
	void theCheckpointerDoesNotCheckpointATamperedChain() {
		assertThat(chains.checkpoint(clinic).intact()).isTrue();
		recorder.record(ChainTampering.entry(clinic, Instant.now(), "LOGIN"));
		dba.tamper("UPDATE audit_event SET action = 'LOGOUT' WHERE clinic_id = ? AND seq = 11", clinic.value());
		ChainReport report = chains.checkpoint(clinic);
		assertThat(report.firstBrokenSeq()).isEqualTo(11);
		assertThat(chains.verify(clinic).checkpointSeq()).as("the checkpoint stayed where it was").isEqualTo(10);
	}

	@Test
	void theCommandLineReportsTheFirstBrokenRecordAndFails() {
		String slug = database.sql("SELECT slug FROM clinic WHERE id = ?").param(clinic.value()).query(String.class)
			.single();
		assertThat(run(Optional.of(slug)).status()).isZero();
		dba.tamper("UPDATE audit_event SET object_id = 'other' WHERE clinic_id = ? AND seq = 2", clinic.value());
		Run broken = run(Optional.of(slug));
		assertThat(broken.status()).isEqualTo(1);
		assertThat(broken.out()).contains("audit chain " + slug + ": BROKEN at record 2");
		Run all = run(Optional.empty());
		assertThat(all.status()).as("one broken chain fails the whole check").isEqualTo(1);
		assertThat(all.out()).contains("audit chain demo: intact").contains("audit chain deployment: intact");
		assertThat(run(Optional.of("no-such-clinic")).status()).isEqualTo(2);
		assertThat(database.sql("SELECT detail FROM audit_event WHERE clinic_id IS NULL AND action = 'AUDIT_VERIFIED'"
				+ " AND object_id = ? ORDER BY seq").param(slug).query(String.class).list())
			.as("the operator's checks are themselves audited").containsExactly("chains:1 broken:0", "chains:1 broken:1");
	}

	record Run(int status, String out) {
	}

	private Run run(Optional<String> clinicSlug) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = AuditCommand.verify(context, clinicSlug, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
	}
}
