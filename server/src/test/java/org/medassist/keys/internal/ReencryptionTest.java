package org.medassist.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.medassist.KeysCommand;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.keys.KeyRetirementRefused;
import org.medassist.keys.KeyRotation;
import org.medassist.keys.KeyUsage;
import org.medassist.keys.PhiCipher;
import org.medassist.keys.PhiField;
import org.medassist.keys.ReencryptionRun;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a rotation the job moves every encrypted value (transcript, assessment, review notes) and every value
 * stored before encryption under the new primary key; stopped midway it goes on from what is left; an old key
 * retires only once nothing uses it. Batches of 3 so that a few consultations make several batches.
 */
@TestPropertySource(properties = { "medassist.keys.reencrypt-batch=3", "medassist.keys.keyset-cache-ttl=PT1S",
		"medassist.keys.reencrypt-every=PT1H" })
class ReencryptionTest extends ApplicationTest {

	@Autowired
	private ReencryptionJob job;

	@Autowired
	private KeyRotation rotation;

	@Autowired
	private PhiCipher cipher;

	@Autowired
	private JdbcClient app;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void afterRotationEveryValueMovesUnderTheNewKeyAStoppedRunResumesAndTheOldKeyRetiresOnlyWhenUnused()
			throws Exception {
		ClinicId clinic = clinic("other");
		Session first = completedWithAssessment("other", "my left knee swelled after the hike");
		Session second = completedWithAssessment("other", "a dull ache behind the right eye");
		// Written before encryption existed: a plain transcript row and a plain jsonb assessment.
		database.sql("UPDATE consultation_message SET text = 'plain words from long ago', text_encrypted = false"
				+ " WHERE consultation_id = ?::uuid AND author = 'PATIENT' AND seq = (SELECT min(seq) FROM"
				+ " consultation_message WHERE consultation_id = ?::uuid AND author = 'PATIENT')")
			.params(second.id(), second.id()).update();
		String assessment = inClinic(clinic, () -> cipher.decrypt(new PhiField(clinic, "consultation",
				"assessment_encrypted", UUID.fromString(second.id())), database
					.sql("SELECT assessment_encrypted FROM consultation WHERE id = ?::uuid").param(second.id())
					.query(String.class).single()));
		database.sql("UPDATE consultation SET assessment = ?::jsonb, assessment_encrypted = NULL WHERE id = ?::uuid")
			.params(assessment, second.id()).update();
		String note = "called her back; the swelling is less";
		reviewNote(clinic, UUID.fromString(first.id()), note);
		String firstBefore = patient.get(first).raw();
		String secondBefore = patient.get(second).raw();
		assertThat(firstBefore).contains("my left knee swelled after the hike");
		assertThat(secondBefore).contains("plain words from long ago").contains("a dull ache behind the right eye");

		KeyUsage before = job.status(clinic);
		int oldKey = before.primaryKeyId();
		assertThat(before.plainValues()).as("a plain message and a plain assessment").isEqualTo(2);
		assertThat(before.keys()).singleElement().satisfies(k -> assertThat(k.values()).isGreaterThan(8));
		long encrypted = before.keys().get(0).values();

		int newKey = rotation.rotate(clinic).primaryKeyId();
		KeyUsage rotated = job.status(clinic);
		assertThat(rotated.pending()).isEqualTo(encrypted + 2);
		assertThatThrownBy(() -> job.retire(clinic, oldKey)).isInstanceOf(KeyRetirementRefused.class);

		// Stopped after one batch, as a crash would stop it: what was done stays done, everything still reads.
		ReencryptionRun stopped = job.reencrypt(clinic, 1);
		assertThat(stopped.reencrypted()).isEqualTo(3);
		assertThat(stopped.remaining()).isEqualTo(encrypted + 2 - 3);
		assertThat(patient.get(first).raw()).isEqualTo(firstBefore);
		assertThat(patient.get(second).raw()).isEqualTo(secondBefore);

		ReencryptionRun resumed = job.reencrypt(clinic);
		assertThat(resumed.remaining()).isZero();
		assertThat(resumed.reencrypted()).isEqualTo(encrypted + 2 - 3);
		KeyUsage after = job.status(clinic);
		assertThat(after.plainValues()).isZero();
		assertThat(after.keys()).extracting(KeyUsage.Key::id, KeyUsage.Key::values)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(oldKey, 0L),
					org.assertj.core.groups.Tuple.tuple(newKey, encrypted + 2));
		// In the database: every transcript row, the assessments and the note under the new key.
		assertThat(database.sql("SELECT text FROM consultation_message WHERE clinic_id = ?").param(clinic.value())
			.query(String.class).list()).allSatisfy(text -> assertThat(keyIdOf(text)).isEqualTo(newKey));
		assertThat(database.sql("SELECT count(*) FROM consultation_message WHERE NOT text_encrypted")
			.query(Integer.class).single()).isZero();
		assertThat(database.sql("SELECT count(*) FROM consultation WHERE assessment IS NOT NULL")
			.query(Integer.class).single()).as("no plain assessment left").isZero();
		assertThat(database.sql("SELECT assessment_encrypted FROM consultation WHERE clinic_id = ?"
				+ " AND assessment_encrypted IS NOT NULL").param(clinic.value()).query(String.class).list())
			.hasSize(2).allSatisfy(text -> assertThat(keyIdOf(text)).isEqualTo(newKey));
		String storedNote = database.sql("SELECT note FROM review WHERE consultation_id = ?::uuid").param(first.id())
			.query(String.class).single();
		assertThat(keyIdOf(storedNote)).isEqualTo(newKey);
		assertThat(inClinic(clinic, () -> cipher.decrypt(new PhiField(clinic, "review", "note",
				UUID.fromString(first.id())), storedNote))).isEqualTo(note);
		// And the application reads exactly what it read before.
		assertThat(patient.get(first).raw()).isEqualTo(firstBefore);
		assertThat(patient.get(second).raw()).isEqualTo(secondBefore);
		assertThat(database.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action LIKE"
				+ " 'PHI_REENCRYPTION_%' ORDER BY seq").param(clinic.value()).query(String.class).list())
			.as("each run is audited at its start and end, with counts").hasSize(4)
			.last().isEqualTo("primary:" + newKey + " values:" + (encrypted + 2 - 3) + " remaining:0");

		// Nothing uses the old key now: once every instance has reread the keyset, it may retire; the primary never.
		Thread.sleep(2100);
		assertThatThrownBy(() -> job.retire(clinic, newKey)).isInstanceOf(KeyRetirementRefused.class)
			.hasMessageContaining("primary");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(KeysCommand.retire(context, "other", oldKey, new PrintStream(out, true),
				new PrintStream(new ByteArrayOutputStream(), true))).isZero();
		assertThat(out.toString()).contains("key " + oldKey + " retired, 1 key(s) left");
		assertThat(job.status(clinic).keys()).extracting(KeyUsage.Key::id).containsExactly(newKey);
		assertThat(patient.get(first).raw()).isEqualTo(firstBefore);
		assertThat(database.sql("SELECT detail FROM audit_event WHERE clinic_id = ? AND action = 'KEY_RETIRED'")
			.param(clinic.value()).query(String.class).single()).isEqualTo("key:" + oldKey + " primary:" + newKey + " keys:1");
	}

	@Test
	void aKeyStillInUseIsNotRetiredAndStatusSaysHowManyValuesUseIt() throws Exception {
		ClinicId clinic = clinic("demo");
		completedWithAssessment("demo", "my wrist clicks when I turn it");
		int oldKey = job.status(clinic).primaryKeyId();
		rotation.rotate(clinic);
		Thread.sleep(2100);
		long inUse = job.status(clinic).keys().stream().filter(k -> k.id() == oldKey).findFirst().orElseThrow().values();
		assertThat(inUse).isPositive();

		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(KeysCommand.retire(context, "demo", oldKey, new PrintStream(new ByteArrayOutputStream(), true),
				new PrintStream(err, true))).isEqualTo(1);
		assertThat(err.toString()).contains(inUse + " stored value(s) still use key " + oldKey);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(KeysCommand.status(context, "demo", new PrintStream(out, true), new PrintStream(err, true))).isZero();
		assertThat(out.toString()).contains("  key " + oldKey + ": " + inUse + " value(s)");

		// Two processes at once: both finish, nothing is left under the old key, everything reads.
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<ReencryptionRun>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit((Callable<ReencryptionRun>) () -> job.reencrypt(clinic)));
			}
			for (Future<ReencryptionRun> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(job.status(clinic).pending()).isZero();
		assertThat(KeysCommand.retire(context, "demo", oldKey, new PrintStream(new ByteArrayOutputStream(), true),
				new PrintStream(new ByteArrayOutputStream(), true))).isZero();
	}

	@Test
	void theTranscriptStaysAppendOnlyOnlyTheOwnersFunctionSwapsACiphertextAndNeverForPlainText() {
		ClinicId clinic = clinic("demo");
		Session session = patient.startAndConsent("demo");
		patient.send(session, "my ear hurts");
		var row = database.sql("SELECT id, text FROM consultation_message WHERE consultation_id = ?::uuid"
				+ " AND author = 'PATIENT' ORDER BY seq DESC LIMIT 1").param(session.id())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		assertThatThrownBy(() -> inClinic(clinic, () -> app.sql("UPDATE consultation_message SET text = 'x' WHERE id = ?::uuid")
			.param(row[0]).update())).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> inClinic(clinic, () -> app.sql("SELECT reencrypt_transcript_text(?::uuid, ?, ?)")
			.params(row[0], row[1], "my ear is fine now").query(Boolean.class).single()))
			.rootCause().hasMessageContaining("not a ciphertext");
		// A stale old value changes nothing.
		String other = inClinic(clinic, () -> cipher.encrypt(new PhiField(clinic, "consultation_message", "text",
				UUID.fromString(row[0])), "my ear is fine now"));
		assertThat(inClinic(clinic, () -> app.sql("SELECT reencrypt_transcript_text(?::uuid, ?, ?)")
			.params(row[0], "not what it holds", other).query(Boolean.class).single())).isFalse();
		assertThat(patient.get(session).raw()).contains("my ear hurts");
	}

	@Test
	void aRunReencryptsThousandsOfValuesInBatchesOf200() {
		database.sql("INSERT INTO clinic (id, slug, name, emergency_number) VALUES (?, 'bench', 'Bench', '112')")
			.param(UUID.randomUUID()).update();
		ClinicId clinic = clinic("bench");
		Session session = patient.startAndConsent("bench");
		int n = 5000;
		UUID[] ids = new UUID[n];
		Integer[] seqs = new Integer[n];
		String[] texts = new String[n];
		inClinic(clinic, () -> {
			for (int i = 0; i < n; i++) {
				ids[i] = UUID.randomUUID();
				seqs[i] = 1000 + i;
				texts[i] = cipher.encrypt(new PhiField(clinic, "consultation_message", "text", ids[i]),
						"I have had a sore throat since Monday and a mild fever, message " + i);
			}
			return null;
		});
		database.sql("INSERT INTO consultation_message (id, clinic_id, consultation_id, seq, author, kind, text,"
				+ " text_encrypted, created_at) SELECT m.id, ?, ?::uuid, m.seq, 'ASSISTANT', 'TEXT', m.text, true, now()"
				+ " FROM unnest(?::uuid[], ?::int[], ?::text[]) AS m (id, seq, text)")
			.params(clinic.value(), session.id(), ids, seqs, texts).update();
		long values = job.status(clinic).keys().get(0).values();
		rotation.rotate(clinic);

		long started = System.nanoTime();
		KeyUsage usage = job.status(clinic);
		double statusMs = (System.nanoTime() - started) / 1e6;
		started = System.nanoTime();
		ReencryptionRun run = job.reencrypt(clinic, Integer.MAX_VALUE, 200);
		double runMs = (System.nanoTime() - started) / 1e6;

		assertThat(values).isGreaterThan(n);
		assertThat(usage.pending()).isEqualTo(values);
		assertThat(run.reencrypted()).isEqualTo(values);
		assertThat(run.remaining()).isZero();
		System.out.printf("reencryption: %d values in %.0f ms (%.0f values/s, batches of 200); status count %.0f ms%n",
				values, runMs, values / (runMs / 1000), statusMs);
		assertThat(patient.get(session).raw()).contains("message 4999");
	}

	@Test
	void aValueThatDoesNotDecryptIsLeftAloneAndTheBackgroundJobStopsRetryingIt() {
		database.sql("INSERT INTO clinic (id, slug, name, emergency_number) VALUES (?, 'stall', 'Stall', '112')")
			.param(UUID.randomUUID()).update();
		ClinicId clinic = clinic("stall");
		Session session = patient.startAndConsent("stall");
		patient.send(session, "my back aches");
		// A ciphertext copied into another row (as only the owner can): it does not decrypt there.
		database.sql("UPDATE consultation_message SET text = (SELECT text FROM consultation_message"
				+ " WHERE consultation_id = ?::uuid AND seq = 1) WHERE consultation_id = ?::uuid AND seq = 2")
			.params(session.id(), session.id()).update();
		int oldKey = job.status(clinic).primaryKeyId();
		rotation.rotate(clinic);

		job.inBackground();
		KeyUsage usage = job.status(clinic);
		assertThat(usage.keys()).filteredOn(k -> k.id() == oldKey).singleElement()
			.satisfies(k -> assertThat(k.values()).as("only the broken row").isOne());
		job.inBackground();
		int audited = database.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action LIKE"
				+ " 'PHI_REENCRYPTION_%'").param(clinic.value()).query(Integer.class).single();
		job.inBackground();
		job.inBackground();
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action LIKE"
				+ " 'PHI_REENCRYPTION_%'").param(clinic.value()).query(Integer.class).single())
			.as("no run, no record, once nothing more can be done").isEqualTo(audited);
		assertThatThrownBy(() -> job.retire(clinic, oldKey)).isInstanceOf(KeyRetirementRefused.class);
	}

	private Session completedWithAssessment(String clinic, String words) {
		Session session = patient.startAndConsent(clinic);
		assertThat(patient.send(session, words).status()).isEqualTo(200);
		assertThat(patient.send(session, "assessment:ROUTINE").status()).isEqualTo(200);
		assertThat(database.sql("SELECT assessment_encrypted IS NOT NULL FROM consultation WHERE id = ?::uuid")
			.param(session.id()).query(Boolean.class).single()).isTrue();
		return session;
	}

	private void reviewNote(ClinicId clinic, UUID consultationId, String note) {
		String sealed = inClinic(clinic, () -> cipher.encrypt(new PhiField(clinic, "review", "note", consultationId), note));
		database.sql("UPDATE review SET note = ? WHERE consultation_id = ?").params(sealed, consultationId).update();
		if (database.sql("SELECT count(*) FROM review WHERE consultation_id = ?").param(consultationId)
			.query(Integer.class).single() == 0) {
			database.sql("INSERT INTO review (consultation_id, clinic_id, status, escalated, ai_disposition, queued_at,"
					+ " note) VALUES (?, ?, 'QUEUED', false, 'ROUTINE', now(), ?)")
				.params(consultationId, clinic.value(), sealed).update();
		}
	}

	private ClinicId clinic(String slug) {
		return new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = ?").param(slug).query(UUID.class).single());
	}

	private <T> T inClinic(ClinicId clinic, java.util.function.Supplier<T> work) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		return Tenancy.callAs(clinic, () -> tx.execute(s -> work.get()));
	}

	private static int keyIdOf(String base64) {
		return ByteBuffer.wrap(Base64.getDecoder().decode(base64), 1, 4).getInt();
	}
}
