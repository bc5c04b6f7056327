package org.medassist.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.medassist.audit.internal.AuditEntry.Outcome;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes audit records past retention, chain by chain, through {@code audit_purge()} (the application role may
 * not delete them itself) and records each purge in the same chain and transaction: an AUDIT_PURGED record
 * whose detail names the last deleted record and its hash, which is where the verifier then starts.
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	record Purged(ClinicId clinic, long records, long throughSeq) {
	}

	private record Purge(long count, long throughSeq, byte[] throughHash) {
	}

	private final AuditProperties properties;

	private final Clinics clinics;

	private final JdbcClient jdbc;

	private final AuditRecorder recorder;

	private final TransactionTemplate tx;

	private final Clock clock;

	AuditRetention(AuditProperties properties, Clinics clinics, JdbcClient jdbc, AuditRecorder recorder,
			PlatformTransactionManager transactions, Clock clock) {
		this.properties = properties;
		this.clinics = clinics;
		this.jdbc = jdbc;
		this.recorder = recorder;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${medassist.audit.purge-interval:1d}",
			fixedDelayString = "${medassist.audit.purge-interval:1d}")
	List<Purged> purgeAll() {
		List<Purged> done = new ArrayList<>();
		clinics.all().forEach(clinic -> done.add(purge(clinic)));
		done.add(purge(null));
		return done;
	}

	/** Purges one chain ({@code null}: the deployment chain) of records older than the retention period. */
	Purged purge(ClinicId clinic) {
		Instant now = clock.instant();
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(properties.retention()).toInstant();
		return Tenancy.callAs(clinic, () -> tx.execute(status -> {
			Purge result = jdbc.sql("SELECT purged, through_seq, through_hash FROM audit_purge(?)")
				.param(Timestamp.from(cutoff))
				.query((rs, n) -> new Purge(rs.getLong("purged"), rs.getLong("through_seq"), rs.getBytes("through_hash")))
				.single();
			Purged purged = new Purged(clinic, result.count(), result.throughSeq());
			if (result.count() > 0) {
				recorder.record(new AuditEntry(clinic, now, null, "SYSTEM", "AUDIT_PURGED", "audit_chain",
						clinic == null ? ChainVerification.DEPLOYMENT : clinic.toString(), Outcome.SUCCESS,
						AuditedEvents.OPERATIONS,
						"through=" + result.throughSeq() + " hash=" + AuditRecord.hex(result.throughHash()), null,
						null, null));
			}
			if (purged.records() > 0) {
				log.info("Purged {} audit records past retention ({}) through record {} of chain {}",
						purged.records(), properties.retention(), purged.throughSeq(),
						clinic == null ? ChainVerification.DEPLOYMENT : clinic);
			}
			return purged;
		}));
	}
}
