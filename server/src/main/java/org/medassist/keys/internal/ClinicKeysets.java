package org.medassist.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.keys.KeyRotation;
import org.medassist.keys.KeysetChanged;
import org.medassist.keys.PhiCipher;
import org.medassist.keys.PhiField;
import org.medassist.keys.PhiUnreadable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Tink AES-256-GCM keyset per clinic in {@code clinic_keyset}, wrapped by the {@link MasterKey} with the
 * clinic's id as associated data (a wrapped keyset moved to another clinic does not unwrap). Unwrapped keysets
 * are cached in memory for {@code medassist.keys.keyset-cache-ttl}, so that a rotation made by another process
 * (the command line, another instance) reaches this one within that time.
 */
@Service
class ClinicKeysets implements PhiCipher, KeyRotation {

	private final MasterKey master;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Map<ClinicId, Cached> cache = new ConcurrentHashMap<>();

	private final Duration cacheTtl;

	private record Cached(Aead aead, Instant loadedAt) {
	}

	ClinicKeysets(MasterKey master, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events, KeysProperties properties) {
		this.events = events;
		this.cacheTtl = properties.keysetCacheTtl();
		this.master = master;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public String encrypt(PhiField field, String plaintext) {
		try {
			byte[] ciphertext = aead(field.clinic(), true).encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					field.associatedData());
			return Base64.getEncoder().encodeToString(ciphertext);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed for " + field.table() + "." + field.column(), e);
		}
	}

	@Override
	public String decrypt(PhiField field, String ciphertext) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(ciphertext);
		}
		catch (IllegalArgumentException e) {
			throw new PhiUnreadable(field, e);
		}
		try {
			return new String(aead(field.clinic(), false).decrypt(bytes, field.associatedData()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException first) {
			// Another instance may have rotated the keyset since it was cached here: read it again, once.
			cache.remove(field.clinic());
			try {
				return new String(aead(field.clinic(), false).decrypt(bytes, field.associatedData()),
						StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException e) {
				throw new PhiUnreadable(field, e);
			}
		}
	}

	@Override
	public KeysetChanged rotate(ClinicId clinic) {
		KeysetChanged changed = Tenancy.callAs(clinic, () -> ownTransaction.execute(s -> {
			Optional<byte[]> wrapped = jdbc.sql("SELECT wrapped_keyset FROM clinic_keyset WHERE clinic_id = ? FOR UPDATE")
				.param(clinic.value())
				.query((rs, n) -> rs.getBytes(1))
				.optional();
			if (wrapped.isEmpty()) {
				KeysetChanged created = create(clinic);
				if (created == null) {
					throw new IllegalStateException("the keyset of clinic " + clinic + " was created meanwhile: rotate again");
				}
				events.publishEvent(created);
				return created;
			}
			try {
				KeysetHandle current = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.get(), master.aead(),
						wrappingContext(clinic));
				KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
				KeysetHandle.Builder.Entry next = KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId();
				builder.addEntry(next);
				next.makePrimary();
				KeysetHandle rotated = builder.build();
				jdbc.sql("UPDATE clinic_keyset SET wrapped_keyset = ?, rotated_at = ? WHERE clinic_id = ?")
					.params(TinkProtoKeysetFormat.serializeEncryptedKeyset(rotated, master.aead(), wrappingContext(clinic)),
							OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), clinic.value())
					.update();
				KeysetChanged event = new KeysetChanged(clinic, clock.instant(), "rotated", rotated.getPrimary().getId(),
						rotated.size());
				events.publishEvent(event);
				return event;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("cannot rotate the keyset of clinic " + clinic, e);
			}
		}));
		cache.remove(clinic);
		return changed;
	}

	private Aead aead(ClinicId clinic, boolean createIfMissing) throws GeneralSecurityException {
		Cached cached = cache.get(clinic);
		if (cached != null && cached.loadedAt().plus(cacheTtl).isAfter(clock.instant())) {
			return cached.aead();
		}
		Optional<byte[]> wrapped = stored(clinic);
		if (wrapped.isEmpty() && createIfMissing) {
			// Committed on its own before anything is encrypted with it: a keyset that a rolled-back transaction
			// took with it would leave ciphertexts nobody can read.
			KeysetChanged created = Tenancy.callAs(clinic, () -> ownTransaction.execute(s -> create(clinic)));
			if (created != null) {
				// Published after the keyset's own commit, into the caller's context: its audit record joins the
				// caller's transaction for this clinic, which may already hold the clinic's audit chain lock.
				events.publishEvent(created);
			}
			wrapped = Tenancy.callAs(clinic, () -> ownTransaction.execute(s -> stored(clinic)));
		}
		if (wrapped.isEmpty()) {
			throw new GeneralSecurityException("clinic " + clinic + " has no keyset");
		}
		Aead aead = unwrap(clinic, wrapped.get()).getPrimitive(RegistryConfiguration.get(), Aead.class);
		cache.put(clinic, new Cached(aead, clock.instant()));
		return aead;
	}

	KeysetHandle unwrap(ClinicId clinic, byte[] wrapped) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master.aead(), wrappingContext(clinic));
	}

	byte[] wrap(ClinicId clinic, KeysetHandle keyset) throws GeneralSecurityException {
		return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), wrappingContext(clinic));
	}

	/** Drops this instance's copy of the clinic's keyset: the next use reads the stored one. */
	void forget(ClinicId clinic) {
		cache.remove(clinic);
	}

	Duration cacheTtl() {
		return cacheTtl;
	}

	private Optional<byte[]> stored(ClinicId clinic) {
		return jdbc.sql("SELECT wrapped_keyset FROM clinic_keyset WHERE clinic_id = ?")
			.param(clinic.value())
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** A new keyset for the clinic, or {@code null} if it has one already. Publishes nothing. */
	private KeysetChanged create(ClinicId clinic) {
		try {
			KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(),
					wrappingContext(clinic));
			// Another instance may have created it meanwhile: the first one stays.
			int created = jdbc.sql("INSERT INTO clinic_keyset (clinic_id, wrapped_keyset, created_at) VALUES (?, ?, ?)"
					+ " ON CONFLICT (clinic_id) DO NOTHING")
				.params(clinic.value(), wrapped, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
			// null when another instance won the race: nothing was created here.
			return created == 1 ? new KeysetChanged(clinic, clock.instant(), "created", keyset.getPrimary().getId(), 1)
					: null;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot create the keyset of clinic " + clinic, e);
		}
	}

	static byte[] wrappingContext(ClinicId clinic) {
		return ("medassist-clinic-keyset-v1|" + clinic).getBytes(StandardCharsets.UTF_8);
	}
}
