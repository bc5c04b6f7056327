package org.medassist.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.medassist.keys.KeyRetired;
import org.medassist.keys.KeyRetirementRefused;
import org.medassist.keys.KeyUsage;
import org.medassist.keys.PhiField;
import org.medassist.keys.PhiUnreadable;
import org.medassist.keys.Reencryption;
import org.medassist.keys.ReencryptionRun;
import org.medassist.keys.ValuesReencrypted;
import org.medassist.keys.internal.PhiColumns.PhiColumn;
import org.medassist.keys.internal.PhiColumns.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a clinic's stored PHI under its primary key after a rotation, so that old keys can be retired. It walks
 * each encrypted column ({@link PhiColumns}) in id order, a batch per transaction for the clinic; a value is
 * selected by the key id in its Tink prefix, decrypted with the keyset and encrypted under the primary, and
 * written back only if the row still holds what was read (a writer that changed it meanwhile wrote a fresh value
 * under the primary anyway). Since what is left is what is not under the primary, a run stopped by a crash loses
 * nothing and the next run continues. A transaction-level advisory lock per clinic keeps two processes from
 * working on one clinic at once; the compare-and-set keeps even that harmless. Logs and audit records carry ids
 * and counts only.
 */
@Service
class ReencryptionJob implements Reencryption {

	private static final Logger log = LoggerFactory.getLogger(ReencryptionJob.class);

	/** Advisory lock class for key maintenance of a clinic (the audit chain uses 7). */
	private static final int LOCK_CLASS = 8;

	private final ClinicKeysets keysets;

	private final Clinics clinics;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final int batch;

	/** Clinics whose background run made no progress, by the primary key id it was for. */
	private final Map<ClinicId, Integer> stalled = new java.util.concurrent.ConcurrentHashMap<>();

	ReencryptionJob(ClinicKeysets keysets, Clinics clinics, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock, ApplicationEventPublisher events, KeysProperties properties) {
		this.keysets = keysets;
		this.clinics = clinics;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.events = events;
		this.batch = properties.reencryptBatch();
	}

	private record Keyset(KeysetHandle handle, Instant rotatedAt, Integer reencryptedFor) {

		int primary() {
			return handle.getPrimary().getId();
		}
	}

	/** Every clinic whose re-encryption is not known complete for its primary key; each instance runs this. */
	@Scheduled(initialDelayString = "${medassist.keys.reencrypt-every:PT1M}",
			fixedDelayString = "${medassist.keys.reencrypt-every:PT1M}")
	void inBackground() {
		for (ClinicId clinic : clinics.all()) {
			try {
				Optional<Keyset> keyset = keyset(clinic);
				if (keyset.isPresent() && !Integer.valueOf(keyset.get().primary()).equals(keyset.get().reencryptedFor())
						&& !Integer.valueOf(keyset.get().primary()).equals(stalled.get(clinic))) {
					ReencryptionRun run = reencrypt(clinic);
					if (run.reencrypted() == 0 && run.remaining() > 0 && !run.steppedAside()) {
						// Only values that do not decrypt are left: retrying every minute would change nothing but
						// add audit records. An operator's `keys reencrypt` still tries; a new rotation resumes it.
						stalled.put(clinic, run.primaryKeyId());
						log.warn("Re-encryption of clinic {} stalled with {} value(s) that do not decrypt", clinic,
								run.remaining());
					}
				}
			}
			catch (RuntimeException e) {
				// One clinic's trouble (its keyset does not unwrap: MasterKeyCheck says why) must not stop the others.
				log.warn("Re-encryption of clinic {} failed: {}", clinic, e.getClass().getName());
			}
		}
	}

	@Override
	public ReencryptionRun reencrypt(ClinicId clinic) {
		return reencrypt(clinic, Integer.MAX_VALUE);
	}

	/** At most {@code maxBatches} transactions (tests stop a run midway with it, as a crash would). */
	ReencryptionRun reencrypt(ClinicId clinic, int maxBatches) {
		return reencrypt(clinic, maxBatches, batch);
	}

	ReencryptionRun reencrypt(ClinicId clinic, int maxBatches, int batchSize) {
		Optional<Keyset> keyset = keyset(clinic);
		if (keyset.isEmpty()) {
			return new ReencryptionRun(clinic, 0, 0, 0, false);
		}
		KeysetHandle handle = keyset.get().handle();
		int primary = keyset.get().primary();
		Aead aead;
		try {
			aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the keyset of clinic " + clinic + " gives no AEAD", e);
		}
		long pending = Tenancy.callAs(clinic, () -> tx.execute(s -> usage(clinic, handle, keyset.get()).pending()));
		if (pending == 0) {
			markComplete(clinic, primary);
			return new ReencryptionRun(clinic, primary, 0, 0, false);
		}
		events.publishEvent(new ValuesReencrypted(clinic, clock.instant(), "started", primary, pending, pending));
		log.info("Re-encrypting {} value(s) of clinic {} under key {}", pending, clinic, primary);
		Map<PhiColumn, UUID> cursor = new HashMap<>();
		Map<PhiColumn, UUID> plainCursor = new HashMap<>();
		long done = 0;
		boolean steppedAside = false;
		for (int b = 0; b < maxBatches; b++) {
			long[] moved = Tenancy.callAs(clinic, () -> tx.execute(s -> {
				if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")
					.params(LOCK_CLASS, clinic.value().toString())
					.query(Boolean.class)
					.single()) {
					return null;
				}
				return batch(clinic, aead, primary, cursor, plainCursor, batchSize);
			}));
			if (moved == null) {
				steppedAside = true;
				break;
			}
			done += moved[1];
			if (moved[0] == 0) {
				break;
			}
		}
		long remaining = Tenancy.callAs(clinic, () -> tx.execute(s -> usage(clinic, handle, keyset.get()).pending()));
		if (remaining == 0) {
			markComplete(clinic, primary);
		}
		events.publishEvent(new ValuesReencrypted(clinic, clock.instant(), "finished", primary, done, remaining));
		log.info("Re-encrypted {} value(s) of clinic {} under key {}; {} left", done, clinic, primary, remaining);
		return new ReencryptionRun(clinic, primary, done, remaining, steppedAside);
	}

	/**
	 * One batch: up to {@code batchSize} values, taken column by column from where the previous batch stopped.
	 * Returns how many rows it looked at (0: nothing left to look at in this run) and how many it re-encrypted.
	 */
	private long[] batch(ClinicId clinic, Aead aead, int primary, Map<PhiColumn, UUID> cursor,
			Map<PhiColumn, UUID> plainCursor, int batchSize) {
		int left = batchSize;
		long seen = 0;
		long swapped = 0;
		for (PhiColumn column : PhiColumns.ALL) {
			if (left == 0) {
				break;
			}
			List<Stored> old = column.notUnder(jdbc, primary, cursor.getOrDefault(column, new UUID(0, 0)), left);
			for (Stored value : old) {
				cursor.put(column, value.rowId());
				String plaintext;
				try {
					plaintext = open(aead, field(clinic, column, value.rowId()), value.value());
				}
				catch (PhiUnreadable e) {
					// Never re-encrypt what does not decrypt (altered or moved): it stays as it is, reads of it keep
					// failing loudly, and the clinic's re-encryption stays incomplete, which status shows.
					log.warn("Not re-encrypting {}.{} of row {} (clinic {}): it does not decrypt", column.table(),
							column.column(), value.rowId(), clinic);
					continue;
				}
				if (column.swap(jdbc, column.replace(), value, seal(aead, field(clinic, column, value.rowId()), plaintext))) {
					swapped++;
				}
			}
			left -= old.size();
			seen += old.size();
			if (left == 0) {
				break;
			}
			List<Stored> plain = column.plain(jdbc, plainCursor.getOrDefault(column, new UUID(0, 0)), left);
			for (Stored value : plain) {
				plainCursor.put(column, value.rowId());
				if (column.swap(jdbc, column.sealPlain(), value,
						seal(aead, field(clinic, column, value.rowId()), value.value()))) {
					swapped++;
				}
			}
			left -= plain.size();
			seen += plain.size();
		}
		return new long[] { seen, swapped };
	}

	@Override
	public KeyUsage status(ClinicId clinic) {
		Optional<Keyset> keyset = keyset(clinic);
		if (keyset.isEmpty()) {
			return new KeyUsage(clinic, 0, null, Tenancy.callAs(clinic, () -> tx.execute(s -> plainCount())), List.of());
		}
		return Tenancy.callAs(clinic, () -> tx.execute(s -> usage(clinic, keyset.get().handle(), keyset.get())));
	}

	@Override
	public KeyRetired retire(ClinicId clinic, int keyId) {
		KeyRetired retired = Tenancy.callAs(clinic, () -> tx.execute(s -> {
			// The job's lock too: no run of this clinic is between reading and writing a value meanwhile.
			jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?, hashtext(?))) l")
				.params(LOCK_CLASS, clinic.value().toString())
				.query(Long.class)
				.single();
			Keyset keyset = jdbc.sql("SELECT wrapped_keyset, rotated_at, reencrypted_for FROM clinic_keyset"
					+ " WHERE clinic_id = ? FOR UPDATE")
				.param(clinic.value())
				.query((rs, n) -> keyset(clinic, rs.getBytes(1), rs.getObject(2, OffsetDateTime.class),
						(Integer) rs.getObject(3)))
				.optional()
				.orElseThrow(() -> new KeyRetirementRefused("clinic " + clinic + " has no keyset"));
			KeysetHandle handle = keyset.handle();
			int index = -1;
			for (int i = 0; i < handle.size(); i++) {
				if (handle.getAt(i).getId() == keyId) {
					index = i;
				}
			}
			if (index < 0) {
				throw new KeyRetirementRefused("the keyset of clinic " + clinic + " has no key " + keyId);
			}
			if (keyset.primary() == keyId) {
				throw new KeyRetirementRefused("key " + keyId + " is the primary key: rotate first");
			}
			// Every instance rereads the keyset within the cache time; until then one may still encrypt under the
			// previous primary, so a count of zero would not yet be final.
			Instant safe = keyset.rotatedAt() == null ? Instant.MIN : keyset.rotatedAt().plus(keysets.cacheTtl().multipliedBy(2));
			if (clock.instant().isBefore(safe)) {
				throw new KeyRetirementRefused("the last rotation is too recent: retire after " + safe
						+ " (twice medassist.keys.keyset-cache-ttl), once every instance encrypts under the new key");
			}
			long inUse = usage(clinic, handle, keyset).keys().stream().filter(k -> k.id() == keyId)
				.mapToLong(KeyUsage.Key::values).sum();
			if (inUse > 0) {
				throw new KeyRetirementRefused(inUse + " stored value(s) still use key " + keyId
						+ ": run `medassist keys reencrypt` (or wait for the background job) first");
			}
			try {
				KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
				builder.deleteAt(index);
				KeysetHandle smaller = builder.build();
				jdbc.sql("UPDATE clinic_keyset SET wrapped_keyset = ? WHERE clinic_id = ?")
					.params(keysets.wrap(clinic, smaller), clinic.value())
					.update();
				return new KeyRetired(clinic, clock.instant(), keyId, smaller.getPrimary().getId(), smaller.size());
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("cannot rewrite the keyset of clinic " + clinic, e);
			}
		}));
		keysets.forget(clinic);
		events.publishEvent(retired);
		log.info("Retired key {} of clinic {}; {} key(s) left", keyId, clinic, retired.keysLeft());
		return retired;
	}

	/** Counts, in the caller's transaction for the clinic. */
	private KeyUsage usage(ClinicId clinic, KeysetHandle handle, Keyset keyset) {
		Map<Integer, Long> byKey = new HashMap<>();
		for (PhiColumn column : PhiColumns.ALL) {
			column.usage(jdbc).forEach((k, n) -> byKey.merge(k, n, Long::sum));
		}
		List<KeyUsage.Key> keys = new ArrayList<>();
		for (int i = 0; i < handle.size(); i++) {
			int id = handle.getAt(i).getId();
			keys.add(new KeyUsage.Key(id, handle.getAt(i).isPrimary(), true, byKey.getOrDefault(id, 0L)));
			byKey.remove(id);
		}
		byKey.forEach((id, n) -> keys.add(new KeyUsage.Key(id, false, false, n)));
		return new KeyUsage(clinic, keyset.primary(), keyset.rotatedAt(), plainCount(), keys);
	}

	private long plainCount() {
		return PhiColumns.ALL.stream().mapToLong(c -> c.plainCount(jdbc)).sum();
	}

	private Optional<Keyset> keyset(ClinicId clinic) {
		return Tenancy.callAs(clinic, () -> tx.execute(s -> jdbc
			.sql("SELECT wrapped_keyset, rotated_at, reencrypted_for FROM clinic_keyset WHERE clinic_id = ?")
			.param(clinic.value())
			.query((rs, n) -> keyset(clinic, rs.getBytes(1), rs.getObject(2, OffsetDateTime.class),
					(Integer) rs.getObject(3)))
			.optional()));
	}

	private Keyset keyset(ClinicId clinic, byte[] wrapped, OffsetDateTime rotatedAt, Integer reencryptedFor) {
		try {
			return new Keyset(keysets.unwrap(clinic, wrapped), rotatedAt == null ? null : rotatedAt.toInstant(),
					reencryptedFor);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the keyset of clinic " + clinic + " does not unwrap", e);
		}
	}

	private void markComplete(ClinicId clinic, int primary) {
		Tenancy.callAs(clinic, () -> tx.execute(s -> jdbc
			.sql("UPDATE clinic_keyset SET reencrypted_for = ? WHERE clinic_id = ?")
			.params(primary, clinic.value())
			.update()));
	}

	private static PhiField field(ClinicId clinic, PhiColumn column, UUID rowId) {
		return new PhiField(clinic, column.table(), column.column(), rowId);
	}

	private static String open(Aead aead, PhiField field, String stored) {
		try {
			return new String(aead.decrypt(Base64.getDecoder().decode(stored), field.associatedData()),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new PhiUnreadable(field, e);
		}
	}

	private static String seal(Aead aead, PhiField field, String plaintext) {
		try {
			return Base64.getEncoder().encodeToString(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					field.associatedData()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed for " + field.table() + "." + field.column(), e);
		}
	}
}
