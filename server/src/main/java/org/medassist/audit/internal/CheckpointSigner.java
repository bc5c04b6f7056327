package org.medassist.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.SignatureConfig;
import org.medassist.audit.internal.AuditEntry.Outcome;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.keys.SealedKeysets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints with the deployment's Ed25519 key, so that whoever can write the checkpoint files (and the
 * database) still cannot forge an anchor: only the holder of the master key can sign, anyone with the public key
 * can check. The private key lives in {@code audit_signing_key} sealed by the master key, created by the first
 * instance that needs it (its creation is itself an audit record, with the key's fingerprint). Signatures are
 * plain Ed25519 (Tink's NO_PREFIX variant): {@code openssl pkeyutl -verify} or any Ed25519 library checks them
 * with the PEM from {@code medassist audit public-key}.
 */
@Component
class CheckpointSigner {

	static final String PURPOSE = "audit-checkpoint-signing";

	private final SealedKeysets sealed;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final AuditRecorder recorder;

	private volatile Keys keys;

	private record Keys(PublicKeySign signer, PublicKeyVerify verifier, byte[] publicKey) {
	}

	CheckpointSigner(SealedKeysets sealed, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			AuditRecorder recorder) throws GeneralSecurityException {
		SignatureConfig.register();
		this.sealed = sealed;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.recorder = recorder;
	}

	/**
	 * What is signed: the chain (a clinic's id or {@code deployment}), so a checkpoint cannot be moved to another
	 * chain's file, and the line's values as written.
	 */
	static byte[] message(ClinicId clinic, long seq, byte[] hash, Instant at) {
		return ("medassist-checkpoint-v1 " + chain(clinic) + " " + seq + " " + HexFormat.of().formatHex(hash) + " " + at)
			.getBytes(StandardCharsets.US_ASCII);
	}

	static String chain(ClinicId clinic) {
		return clinic == null ? ChainVerification.DEPLOYMENT : clinic.value().toString();
	}

	byte[] sign(ClinicId clinic, long seq, byte[] hash, Instant at) {
		try {
			return keys().signer().sign(message(clinic, seq, hash, at));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign an audit checkpoint", e);
		}
	}

	boolean verify(ClinicId clinic, long seq, byte[] hash, Instant at, byte[] signature) {
		try {
			keys().verifier().verify(signature, message(clinic, seq, hash, at));
			return true;
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	/** The verification key as a PEM SubjectPublicKeyInfo (what openssl and Java's KeyFactory read). */
	String publicKeyPem() {
		byte[] spki = subjectPublicKeyInfo(keys().publicKey());
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
	}

	/** SHA-256 of the raw public key, hex: short enough to compare by eye, recorded when the key is created. */
	String fingerprint() {
		return fingerprint(keys().publicKey());
	}

	/** The RFC 8410 encoding: a fixed 12-byte header (id-Ed25519) before the 32 key bytes. */
	static byte[] subjectPublicKeyInfo(byte[] raw) {
		byte[] header = HexFormat.of().parseHex("302a300506032b6570032100");
		byte[] spki = new byte[header.length + raw.length];
		System.arraycopy(header, 0, spki, 0, header.length);
		System.arraycopy(raw, 0, spki, header.length, raw.length);
		return spki;
	}

	private static String fingerprint(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	private Keys keys() {
		Keys loaded = keys;
		if (loaded == null) {
			synchronized (this) {
				if (keys == null) {
					keys = load();
				}
				loaded = keys;
			}
		}
		return loaded;
	}

	/** Reads the sealed key or, on first use in this deployment, creates it (the first instance to insert wins). */
	private Keys load() {
		byte[] stored = Tenancy.callAs(null, () -> ownTransaction.execute(s -> {
			Optional<byte[]> existing = read();
			if (existing.isPresent()) {
				return existing.get();
			}
			KeysetHandle created = generate();
			byte[] raw = publicKey(created);
			int inserted = jdbc.sql("INSERT INTO audit_signing_key (id, sealed_keyset, public_key, created_at)"
					+ " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
				.params(sealed.seal(created, PURPOSE), raw, java.sql.Timestamp.from(clock.instant()))
				.update();
			if (inserted == 1) {
				// Same transaction: the key exists only if its creation is on record.
				recorder.record(new AuditEntry(null, clock.instant(), null, "SYSTEM", "AUDIT_SIGNING_KEY_CREATED",
						"audit_signing_key", "1", Outcome.SUCCESS, AuditedEvents.OPERATIONS,
						"ed25519 sha256:" + fingerprint(raw), null, null, null));
			}
			return read().orElseThrow();
		}));
		try {
			KeysetHandle keyset = sealed.open(stored, PURPOSE);
			KeysetHandle publicKeyset = keyset.getPublicKeysetHandle();
			return new Keys(keyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
					publicKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class), publicKey(keyset));
		}
		catch (GeneralSecurityException | IllegalStateException e) {
			throw new CheckpointKeyUnavailable();
		}
	}

	private Optional<byte[]> read() {
		return jdbc.sql("SELECT sealed_keyset FROM audit_signing_key WHERE id = 1").query(byte[].class).optional();
	}

	private static KeysetHandle generate() {
		try {
			return KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot generate the audit checkpoint-signing key", e);
		}
	}

	private static byte[] publicKey(KeysetHandle keyset) {
		try {
			Ed25519PublicKey key = (Ed25519PublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey();
			return key.getPublicKeyBytes().toByteArray();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the audit checkpoint-signing key has no public key", e);
		}
	}
}
