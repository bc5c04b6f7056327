package org.medassist.keys.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.keys.MasterKeyChange;
import org.medassist.keys.MasterKeyChangeFailed;
import org.medassist.keys.MasterKeyChangeRefused;
import org.medassist.keys.MasterKeyChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-wraps and re-seals everything the master key protects, in one transaction. Everything is opened with the
 * current key first; if anything does not open, nothing is written and the refusal lists it by table and id. The
 * transaction walks the clinics by setting the tenant itself ({@code set_config}, as the transaction manager does
 * at its start), so that one commit covers every clinic and each clinic's audit record joins it.
 *
 * <p>What is sealed where, with which associated data, is stated here by SQL name and context string, as
 * {@link PhiColumns} does for encrypted columns: {@code identity} and {@code audit} seal through
 * {@code platform.SecretSealer} and {@code keys.SealedKeysets}, and {@code keys} must not depend on them.
 * {@code MasterKeyRewrapTest} opens each one through its owner after a re-wrap, so a changed context fails there.
 */
@Service
class MasterKeyRewrap implements MasterKeyChange {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyRewrap.class);

	/** {@code MasterKeySealer}'s domain prefix, then {@code StaffAccounts.secretContext} / {@code SigningKeys.context}. */
	private static final String SECRET = "medassist-secret-v1|";

	/** {@code MasterKeySealing}'s context for {@code CheckpointSigner.PURPOSE}. */
	private static final String AUDIT_SIGNING = "medassist-sealed-v1|audit-checkpoint-signing";

	private final MasterKey master;

	private final ClinicKeysets keysets;

	private final Clinics clinics;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MasterKeyRewrap(MasterKey master, ClinicKeysets keysets, Clinics clinics, JdbcClient jdbc,
			PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		this.master = master;
		this.keysets = keysets;
		this.clinics = clinics;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.clock = clock;
	}

	@Override
	public MasterKeyChanged rewrapTo(Path newMasterKeyFile) {
		Aead next;
		try {
			next = FileOrEnvironmentMasterKey.readOrCreate(newMasterKeyFile);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot read or create the new master key " + newMasterKeyFile, e);
		}
		return rewrap(next, "file " + newMasterKeyFile.toAbsolutePath());
	}

	/** Re-wraps under {@code next}; this process uses it from the commit on. */
	MasterKeyChanged rewrap(Aead next, String description) {
		try {
			return rewrapOrRefuse(next, description);
		}
		catch (MasterKeyChangeRefused refused) {
			// After the rollback, in a transaction of its own: the attempt is on record even though nothing changed.
			events.publishEvent(new MasterKeyChangeFailed(clock.instant(), refused.unopenable().size()));
			throw refused;
		}
	}

	private MasterKeyChanged rewrapOrRefuse(Aead next, String description) {
		Aead current = master.aead();
		if (sameKey(current, next)) {
			throw new MasterKeyChangeRefused("the new master key is the current one", List.of());
		}
		Instant at = clock.instant();
		List<ClinicId> all = clinics.all();
		MasterKeyChanged total = tx.execute(status -> {
			List<String> unopenable = new ArrayList<>();
			List<Resealed> work = new ArrayList<>();
			// Deployment-wide first, with no clinic set: these tables have no row-level security.
			tenant(null);
			for (var row : jdbc.sql("SELECT kid, private_der FROM signing_key WHERE private_sealed ORDER BY kid FOR UPDATE")
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) })
				.list()) {
				byte[] context = (SECRET + "signing_key|private_der|" + row[0]).getBytes(StandardCharsets.UTF_8);
				reseal(current, next, (byte[]) row[1], context, null, "signing_key " + row[0], work, unopenable,
						sealed -> jdbc.sql("UPDATE signing_key SET private_der = ? WHERE kid = ? AND private_der = ?")
							.params(sealed, row[0], row[1]).update() == 1);
			}
			int signingKeys = work.size();
			jdbc.sql("SELECT sealed_keyset FROM audit_signing_key WHERE id = 1").query(byte[].class).optional()
				.ifPresent(stored -> {
					try {
						KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(stored, current,
								AUDIT_SIGNING.getBytes(StandardCharsets.UTF_8));
						byte[] resealed = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, next,
								AUDIT_SIGNING.getBytes(StandardCharsets.UTF_8));
						work.add(new Resealed(null, () -> Boolean.TRUE.equals(jdbc
							.sql("SELECT reseal_audit_signing_key(?, ?)").params(stored, resealed)
							.query(Boolean.class).single())));
					}
					catch (GeneralSecurityException e) {
						unopenable.add("audit_signing_key 1");
					}
				});
			int sealedKeysets = work.size() - signingKeys;
			// Then clinic by clinic: its keyset and its staff's TOTP secrets, under its row-level security.
			for (ClinicId clinic : all) {
				tenant(clinic);
				jdbc.sql("SELECT wrapped_keyset FROM clinic_keyset WHERE clinic_id = ? FOR UPDATE").param(clinic.value())
					.query(byte[].class).optional().ifPresent(wrapped -> {
						byte[] context = ClinicKeysets.wrappingContext(clinic);
						try {
							KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, current, context);
							byte[] rewrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, next, context);
							work.add(new Resealed(clinic, () -> jdbc
								.sql("UPDATE clinic_keyset SET wrapped_keyset = ? WHERE clinic_id = ? AND wrapped_keyset = ?")
								.params(rewrapped, clinic.value(), wrapped).update() == 1, true));
						}
						catch (GeneralSecurityException e) {
							unopenable.add("clinic_keyset " + clinic);
						}
					});
				for (var row : jdbc.sql("SELECT id, mfa_secret FROM staff_user WHERE mfa_secret_sealed"
						+ " AND mfa_secret IS NOT NULL ORDER BY id FOR UPDATE")
					.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) })
					.list()) {
					byte[] context = (SECRET + "staff_user|mfa_secret|" + row[0]).getBytes(StandardCharsets.UTF_8);
					byte[] sealedBytes;
					try {
						sealedBytes = Base64.getDecoder().decode((String) row[1]);
					}
					catch (IllegalArgumentException e) {
						unopenable.add("staff_user.mfa_secret " + row[0]);
						continue;
					}
					reseal(current, next, sealedBytes, context, clinic, "staff_user.mfa_secret " + row[0], work,
							unopenable, sealed -> jdbc
								.sql("UPDATE staff_user SET mfa_secret = ? WHERE id = ? AND mfa_secret = ?")
								.params(Base64.getEncoder().encodeToString(sealed), row[0], row[1]).update() == 1);
				}
			}
			if (!unopenable.isEmpty()) {
				status.setRollbackOnly();
				throw new MasterKeyChangeRefused("the current master key does not open", unopenable);
			}
			// Everything opened: write, then each clinic's audit record in its own chain, in this transaction.
			tenant(null);
			for (Resealed r : work) {
				if (r.clinic() == null && !r.write().getAsBoolean()) {
					throw new IllegalStateException("a sealed value changed during the re-wrap: run it again");
				}
			}
			int clinicKeysets = 0;
			int secrets = 0;
			for (ClinicId clinic : all) {
				tenant(clinic);
				int keysetsHere = 0;
				int secretsHere = 0;
				for (Resealed r : work) {
					if (clinic.equals(r.clinic())) {
						if (!r.write().getAsBoolean()) {
							throw new IllegalStateException("a sealed value of clinic " + clinic
									+ " changed during the re-wrap: run it again");
						}
						if (r.keyset()) {
							keysetsHere++;
						}
						else {
							secretsHere++;
						}
					}
				}
				clinicKeysets += keysetsHere;
				secrets += secretsHere;
				events.publishEvent(new MasterKeyChanged(clinic, at, keysetsHere, secretsHere, signingKeys,
						sealedKeysets, description));
			}
			// And the deployment's chain (no clinic): the signing keys and the audit keyset belong to no clinic.
			tenant(null);
			MasterKeyChanged deployment = new MasterKeyChanged(null, at, clinicKeysets, secrets, signingKeys,
					sealedKeysets, description);
			events.publishEvent(deployment);
			return deployment;
		});
		master.replace(next, description);
		all.forEach(keysets::forget);
		log.info("Master key changed: {} clinic keyset(s) re-wrapped, {} TOTP secret(s), {} signing key(s) and {}"
				+ " deployment keyset(s) re-sealed", total.keysets(), total.staffSecrets(), total.signingKeys(),
				total.sealedKeysets());
		return total;
	}

	private record Resealed(ClinicId clinic, java.util.function.BooleanSupplier write, boolean keyset) {

		Resealed(ClinicId clinic, java.util.function.BooleanSupplier write) {
			this(clinic, write, false);
		}
	}

	/** Opens a value sealed by {@code MasterKeySealer} and seals it again under {@code next}, to write later. */
	private static void reseal(Aead current, Aead next, byte[] sealed, byte[] context, ClinicId clinic, String what,
			List<Resealed> work, List<String> unopenable, java.util.function.Function<byte[], Boolean> write) {
		try {
			byte[] resealed = next.encrypt(current.decrypt(sealed, context), context);
			work.add(new Resealed(clinic, () -> write.apply(resealed)));
		}
		catch (GeneralSecurityException e) {
			unopenable.add(what);
		}
	}

	/** Which clinic the rest of this transaction works for (row-level security); null for none. */
	private void tenant(ClinicId clinic) {
		jdbc.sql("SELECT set_config('medassist.clinic_id', ?, true)").param(clinic == null ? "" : clinic.toString())
			.query(String.class).single();
	}

	/** Whether both keys are the same key: what one encrypts the other decrypts. */
	private static boolean sameKey(Aead current, Aead next) {
		byte[] probe = "medassist-master-key-probe".getBytes(StandardCharsets.UTF_8);
		try {
			current.decrypt(next.encrypt(probe, probe), probe);
			return true;
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}
}
