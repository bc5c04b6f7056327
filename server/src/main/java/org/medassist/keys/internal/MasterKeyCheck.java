package org.medassist.keys.internal;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, checks that the master key unwraps every clinic's stored keyset. The usual way to get this wrong is
 * a restored backup started with another master key (a new one generated in an empty data directory, or the
 * wrong file): MedAssist still runs, but every read of PHI fails. Saying so once, at start and with the cause,
 * beats an anonymous error on each read. Logs ids and where the key came from only.
 */
@Component
class MasterKeyCheck {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyCheck.class);

	private final MasterKey master;

	private final Clinics clinics;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	MasterKeyCheck(MasterKey master, Clinics clinics, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.master = master;
		this.clinics = clinics;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		try {
			List<ClinicId> unreadable = unreadableKeysets();
			if (!unreadable.isEmpty()) {
				log.error("The master key ({}) does not unwrap the keysets of {} clinic(s) {}: this database was encrypted"
						+ " under another master key, so no transcript or review note can be read. Start MedAssist with"
						+ " the master key that belongs to this database (MEDASSIST_MASTER_KEY_FILE or MEDASSIST_MASTER_KEY;"
						+ " see docs/operations/backup-and-restore.md).", master.description(), unreadable.size(),
						unreadable);
			}
		}
		catch (RuntimeException e) {
			// A check, not a gate: a database hiccup here must not stop the server.
			log.warn("Could not check the master key against the stored keysets: {}", e.getClass().getName());
		}
	}

	/** The clinics whose stored keyset the master key does not unwrap. */
	List<ClinicId> unreadableKeysets() {
		List<ClinicId> unreadable = new ArrayList<>();
		for (ClinicId clinic : clinics.all()) {
			Optional<byte[]> wrapped = Tenancy.callAs(clinic,
					() -> tx.execute(s -> jdbc.sql("SELECT wrapped_keyset FROM clinic_keyset WHERE clinic_id = ?")
						.param(clinic.value())
						.query((rs, n) -> rs.getBytes(1))
						.optional()));
			if (wrapped.isPresent()) {
				try {
					TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.get(), master.aead(),
							ClinicKeysets.wrappingContext(clinic));
				}
				catch (GeneralSecurityException e) {
					unreadable.add(clinic);
				}
			}
		}
		return unreadable;
	}
}
