package org.medassist.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.platform.Installation;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcript text is unreadable in the database, readable through the application, and a ciphertext moved to
 * another row or clinic does not decrypt.
 */
class PhiEncryptionTest extends ApplicationTest {

	@Autowired
	private PhiCipher cipher;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private Installation installation;

	@Autowired
	private ApplicationContext context;

	@Test
	void theDatabaseHoldsNoPlainTextOfWhatThePatientWrote() {
		String marker = "Zebedee" + UUID.randomUUID().toString().substring(0, 8);
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, "My name is " + marker + " Quill and my throat hurts").status()).isEqualTo(200);

		assertThat(patient.get(session).raw()).as("the patient reads it back").contains(marker);
		// Every row of every table, as text: what a dump of the data would show.
		List<String> tables = database.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
			.query(String.class).list();
		for (String table : tables) {
			assertThat(database.sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?")
				.param("%" + marker + "%").query(Integer.class).single()).as(table).isZero();
		}
		assertThat(database.sql("SELECT bool_and(text_encrypted) FROM consultation_message WHERE consultation_id = ?::uuid")
			.param(session.id()).query(Boolean.class).single()).isTrue();
		assertThat(database.sql("SELECT count(*) FROM clinic_keyset").query(Integer.class).single()).isPositive();
		assertThat(Files.exists(installation.dataDirectory().resolve("master-key.json")))
			.as("the master key is a file, not a row").isTrue();
	}

	@Test
	void aCiphertextCopiedToAnotherRowOrClinicDoesNotDecrypt() {
		ClinicId demo = new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = 'demo'").query(UUID.class).single());
		ClinicId other = new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = 'other'").query(UUID.class).single());
		patient.start("other");
		TransactionTemplate tx = new TransactionTemplate(transactions);
		PhiField row = new PhiField(demo, "consultation_message", "text", UUID.randomUUID());
		String ciphertext = Tenancy.callAs(demo, () -> tx.execute(s -> cipher.encrypt(row, "sore throat")));

		String decrypted = Tenancy.callAs(demo, () -> tx.execute(s -> cipher.decrypt(row, ciphertext)));
		assertThat(decrypted).isEqualTo("sore throat");
		long started = System.nanoTime();
		int rounds = 2000;
		for (int i = 0; i < rounds; i++) {
			cipher.decrypt(row, cipher.encrypt(row, "I have had a sore throat since Monday and a mild fever."));
		}
		System.out.printf("phi: encrypt+decrypt of a 55-character message: %.3f ms%n",
				(System.nanoTime() - started) / 1e6 / rounds);
		PhiField anotherRow = new PhiField(demo, "consultation_message", "text", UUID.randomUUID());
		assertThatThrownBy(() -> Tenancy.callAs(demo, () -> tx.execute(s -> cipher.decrypt(anotherRow, ciphertext))))
			.isInstanceOf(PhiUnreadable.class).hasMessageNotContaining("sore throat");
		PhiField anotherColumn = new PhiField(demo, "consultation_message", "note", row.rowId());
		assertThatThrownBy(() -> Tenancy.callAs(demo, () -> tx.execute(s -> cipher.decrypt(anotherColumn, ciphertext))))
			.isInstanceOf(PhiUnreadable.class);
		PhiField anotherClinic = new PhiField(other, "consultation_message", "text", row.rowId());
		assertThatThrownBy(() -> Tenancy.callAs(other, () -> tx.execute(s -> cipher.decrypt(anotherClinic, ciphertext))))
			.isInstanceOf(PhiUnreadable.class);
	}

	@Test
	void aStoredMessageMovedToAnotherRowMakesTheTranscriptFailRatherThanShowIt() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, "first message about my knee");
		// As the owner (the application role may not update the transcript): row 2's ciphertext into row 1.
		database.sql("""
				UPDATE consultation_message SET text = (SELECT text FROM consultation_message
				                                        WHERE consultation_id = ?::uuid AND seq = 2)
				WHERE consultation_id = ?::uuid AND seq = 1""").params(session.id(), session.id()).update();
		var reply = patient.get(session);
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.raw()).doesNotContain("knee");
	}

	@Test
	void rotationAddsANewPrimaryKeyOldTextStillReadsAndTheRotationIsAudited() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, "my ankle is swollen");
		String before = database.sql("SELECT text FROM consultation_message WHERE consultation_id = ?::uuid AND seq = 1")
			.param(session.id()).query(String.class).single();

		var out = new java.io.ByteArrayOutputStream();
		int status = org.medassist.KeysCommand.rotate(context, "demo", new java.io.PrintStream(out, true),
				new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
		assertThat(status).isZero();
		assertThat(out.toString()).contains("keys: clinic demo: keyset rotated");

		assertThat(patient.get(session).raw()).as("text under the old key still reads").contains("my ankle is swollen");
		patient.send(session, "and it hurts to walk");
		String after = database.sql("SELECT text FROM consultation_message WHERE consultation_id = ?::uuid"
				+ " ORDER BY seq DESC LIMIT 1").param(session.id()).query(String.class).single();
		// Tink prefixes each ciphertext with its key's id (bytes 1-4): the new text names another key.
		assertThat(java.util.Arrays.copyOfRange(java.util.Base64.getDecoder().decode(after), 0, 5))
			.isNotEqualTo(java.util.Arrays.copyOfRange(java.util.Base64.getDecoder().decode(before), 0, 5));
		assertThat(patient.get(session).raw()).contains("and it hurts to walk");
		assertThat(database.sql("SELECT detail FROM audit_event WHERE action = 'KEYSET_ROTATED' AND clinic_id ="
				+ " (SELECT id FROM clinic WHERE slug = 'demo')").query(String.class).list())
			.anyMatch(d -> d.matches("primary:-?\\d+ keys:[2-9]"));
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE action = 'KEYSET_CREATED'")
			.query(Integer.class).single()).as("creation is audited too").isPositive();
	}
}
