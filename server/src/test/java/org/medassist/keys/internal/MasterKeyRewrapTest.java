package org.medassist.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.junit.jupiter.api.Test;
import org.medassist.KeysCommand;
import org.medassist.audit.AuditTrail;
import org.medassist.audit.ChainReport;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.keys.PhiField;
import org.medassist.platform.Installation;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing the master key ({@code keys rewrap --new-master-key FILE}): refused, with nothing changed, when the
 * current key does not open something (named by table and id) or when the new key is the current one; otherwise
 * every clinic keyset is re-wrapped and every sealed secret re-sealed in one commit, audited per clinic. Then keys
 * built from the new key file alone read the old transcript, TOTP secrets, signing key and audit keyset; the old
 * key opens none of them; the running application (switched at the commit) keeps serving patients and staff.
 * Its own application (its own settings: not shared through the context cache, nor {@code @ManyLogins}'s): it
 * changes that application's master key. No background re-encryption meanwhile.
 */
@TestPropertySource(properties = "medassist.keys.reencrypt-every=PT2H")
class MasterKeyRewrapTest extends ApplicationTest {

	private static final String SENTENCE = "the itch started on my wrists after the new soap";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MasterKey master;

	@Autowired
	private Installation installation;

	@Autowired
	private AuditTrail audit;

	@Autowired
	private JdbcClient app;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private KeysProperties properties;

	@Test
	void everyKeysetAndSealedSecretMovesToTheNewKeyInOneCommitOrNothingMoves() throws Exception {
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, SENTENCE).status()).isEqualTo(200);
		assertThat(patient.send(session, "a second line so the other clinic is not alone").status()).isEqualTo(200);
		patient.startAndConsent("other");
		assertThat(staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken()).isNotBlank();
		String auditKey = audit.checkpointPublicKey();
		Aead old = master.aead();
		ClinicId demo = clinic("demo");
		UUID physician = database.sql("SELECT id FROM staff_user WHERE username = 'physician' AND clinic_id = ?")
			.param(demo.value()).query(UUID.class).single();
		String before = everythingSealed();
		Path newKey = installation.dataDirectory().resolve("keys/new-master-key.json");

		// Refused: a TOTP secret the current key does not open (sealed under some other key). Nothing moves.
		String physicianSecret = database.sql("SELECT mfa_secret FROM staff_user WHERE id = ?").param(physician)
			.query(String.class).single();
		Aead stranger = FileOrEnvironmentMasterKey.readOrCreate(installation.dataDirectory().resolve("stranger.json"));
		database.sql("UPDATE staff_user SET mfa_secret = ? WHERE id = ?")
			.params(Base64.getEncoder().encodeToString(stranger.encrypt(new byte[] { 1, 2, 3 }, new byte[0])), physician)
			.update();
		String corrupted = everythingSealed();
		var refused = run(newKey);
		assertThat(refused.status()).isEqualTo(1);
		assertThat(refused.err()).contains("master key not changed: the current master key does not open:")
			.contains("staff_user.mfa_secret " + physician);
		assertThat(everythingSealed()).as("nothing re-wrapped").isEqualTo(corrupted);
		assertThat(master.aead()).isSameAs(old);
		database.sql("UPDATE staff_user SET mfa_secret = ? WHERE id = ?").params(physicianSecret, physician).update();
		assertThat(everythingSealed()).isEqualTo(before);

		// Refused: the "new" key is the current one.
		var same = run(installation.dataDirectory().resolve("master-key.json"));
		assertThat(same.status()).isEqualTo(1);
		assertThat(same.err()).contains("the new master key is the current one");

		var done = run(newKey);
		assertThat(done.status()).as(done.err()).isZero();
		int clinics = database.sql("SELECT count(*) FROM clinic").query(Integer.class).single();
		int secrets = database.sql("SELECT count(*) FROM staff_user WHERE mfa_secret_sealed AND mfa_secret IS NOT NULL")
			.query(Integer.class).single();
		int signingKeys = database.sql("SELECT count(*) FROM signing_key WHERE private_sealed").query(Integer.class)
			.single();
		assertThat(secrets).isGreaterThan(3);
		assertThat(signingKeys).isPositive();
		assertThat(done.out()).contains("master key changed: " + database.sql("SELECT count(*) FROM clinic_keyset")
			.query(Integer.class).single() + " clinic keyset(s) re-wrapped; " + secrets + " TOTP secret(s), "
				+ signingKeys + " signing key(s) and 1 deployment keyset(s) re-sealed under file "
				+ newKey.toAbsolutePath());
		assertThat(newKey).exists();

		// Keys built from the new key file alone, as a server started with it would: the old data opens.
		MasterKey fresh = new MasterKey(
				new FileOrEnvironmentMasterKey(null, newKey.toString(), null, Path.of("unused"), false).masterKey(),
				"new");
		ClinicKeysets keysets = new ClinicKeysets(fresh, app, transactions, Clock.systemUTC(), context, properties);
		List<Object[]> rows = database.sql("SELECT id, text FROM consultation_message WHERE consultation_id = ?::uuid"
				+ " AND author = 'PATIENT' AND text_encrypted ORDER BY seq")
			.param(session.id()).query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) }).list();
		assertThat(rows).isNotEmpty();
		List<String> texts = rows.stream().map(r -> inClinic(demo, () -> keysets.decrypt(
				new PhiField(demo, "consultation_message", "text", (UUID) r[0]), (String) r[1]))).toList();
		assertThat(texts).contains(SENTENCE);
		MasterKeySealer newSealer = new MasterKeySealer(fresh);
		MasterKeySealer oldSealer = new MasterKeySealer(new MasterKey(old, "old"));
		byte[] sealedSecret = Base64.getDecoder().decode(database.sql("SELECT mfa_secret FROM staff_user WHERE id = ?")
			.param(physician).query(String.class).single());
		byte[] secretContext = ("staff_user|mfa_secret|" + physician).getBytes(StandardCharsets.UTF_8);
		assertThat(new String(newSealer.open(sealedSecret, secretContext), StandardCharsets.UTF_8))
			.isEqualTo("JBSWY3DPEHPK3PXP");
		assertThatThrownBy(() -> oldSealer.open(sealedSecret, secretContext)).isInstanceOf(IllegalStateException.class);
		for (var key : database.sql("SELECT kid, private_der FROM signing_key")
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) }).list()) {
			byte[] kidContext = ("signing_key|private_der|" + key[0]).getBytes(StandardCharsets.UTF_8);
			assertThat(newSealer.open((byte[]) key[1], kidContext)[0]).as("PKCS#8 DER").isEqualTo((byte) 0x30);
			assertThatThrownBy(() -> oldSealer.open((byte[]) key[1], kidContext))
				.isInstanceOf(IllegalStateException.class);
		}
		byte[] auditKeyset = database.sql("SELECT sealed_keyset FROM audit_signing_key").query(byte[].class).single();
		assertThat(new MasterKeySealing(fresh).open(auditKeyset, "audit-checkpoint-signing").size()).isOne();
		assertThatThrownBy(() -> new MasterKeySealing(new MasterKey(old, "old")).open(auditKeyset,
				"audit-checkpoint-signing")).isInstanceOf(IllegalStateException.class);
		// The old master key no longer unwraps any clinic's keyset; the new one does.
		for (var wrapped : database.sql("SELECT clinic_id, wrapped_keyset FROM clinic_keyset")
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getBytes(2) }).list()) {
			byte[] ctx = ClinicKeysets.wrappingContext(new ClinicId((UUID) wrapped[0]));
			assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset((byte[]) wrapped[1], old, ctx))
				.isInstanceOf(GeneralSecurityException.class);
			assertThat(TinkProtoKeysetFormat.parseEncryptedKeyset((byte[]) wrapped[1], fresh.aead(), ctx).size())
				.isPositive();
		}
		assertThat(new MasterKeyCheck(fresh, context.getBean(org.medassist.identity.Clinics.class), app, transactions)
			.unreadableKeysets()).isEmpty();
		assertThat(new MasterKeyCheck(new MasterKey(old, "old"), context.getBean(org.medassist.identity.Clinics.class),
				app, transactions).unreadableKeysets()).hasSize(clinics);

		// The running application switched at the commit: patients and staff carry on.
		assertThat(patient.get(session).raw()).contains(SENTENCE);
		String token = staff.loginDemo("demo", "physician", "physician-demo-password").accessToken();
		assertThat(staff.get("/api/v1/auth/me", token).status()).isEqualTo(200);
		assertThat(audit.checkpointPublicKey()).as("the same checkpoint-signing key").isEqualTo(auditKey);

		// Audited: one record in each clinic's chain and one in the deployment's, counts only; the two refusals in
		// the deployment's; every chain intact.
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE action = 'MASTER_KEY_CHANGED'"
				+ " AND outcome = 'SUCCESS'").query(Integer.class).single()).isEqualTo(clinics + 1);
		assertThat(database.sql("SELECT string_agg(detail, ',' ORDER BY seq) FROM audit_event"
				+ " WHERE action = 'MASTER_KEY_CHANGED' AND outcome = 'FAILURE' AND clinic_id IS NULL")
			.query(String.class).single()).isEqualTo("unopenable:1,unopenable:0");
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE action = 'MASTER_KEY_CHANGED'"
				+ " AND clinic_id IS NULL AND detail = ?").param("keysets:" + clinics + " secrets:" + secrets
						+ " signing:" + signingKeys + " sealed:1").query(Integer.class).single()).isOne();
		assertThat(audit.verify(Optional.empty())).allMatch(ChainReport::intact);
	}

	private record Run(int status, String out, String err) {
	}

	private Run run(Path newKey) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int status = KeysCommand.rewrap(context, newKey, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Every wrapped keyset and sealed value, as the database holds them. */
	private String everythingSealed() {
		return database.sql("SELECT string_agg(encode(wrapped_keyset, 'base64'), ',' ORDER BY clinic_id)"
				+ " FROM clinic_keyset").query(String.class).single()
				+ database.sql("SELECT string_agg(mfa_secret, ',' ORDER BY id) FROM staff_user").query(String.class)
					.single()
				+ database.sql("SELECT string_agg(encode(private_der, 'base64'), ',' ORDER BY kid) FROM signing_key")
					.query(String.class).single()
				+ database.sql("SELECT encode(sealed_keyset, 'base64') FROM audit_signing_key").query(String.class)
					.single();
	}

	private ClinicId clinic(String slug) {
		return new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = ?").param(slug).query(UUID.class).single());
	}

	private <T> T inClinic(ClinicId clinic, java.util.function.Supplier<T> work) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		return Tenancy.callAs(clinic, () -> tx.execute(s -> work.get()));
	}
}
