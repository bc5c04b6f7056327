package org.medassist.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medassist.audit.AuditTrail;
import org.medassist.audit.ChainReport;
import org.medassist.identity.Clinic;
import org.medassist.identity.ClinicId;
import org.medassist.identity.ClinicNotFound;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies chains, each in a read-only transaction for its clinic (row-level security shows one chain at a
 * time), and moves their checkpoints on: periodically, each chain is verified from its last checkpoint to its
 * head, and only an intact chain gets a new checkpoint, so that tampering is never laundered into one.
 */
@Service
class ChainVerification implements AuditTrail {

	static final String DEPLOYMENT = "deployment";

	private static final Logger log = LoggerFactory.getLogger(ChainVerification.class);

	private final ChainVerifier verifier;

	private final Checkpoints checkpoints;

	private final Clinics clinics;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	private final AuditRecorder recorder;

	private final CheckpointSigner signer;

	ChainVerification(ChainVerifier verifier, Checkpoints checkpoints, Clinics clinics,
			PlatformTransactionManager transactions, Clock clock, AuditRecorder recorder, CheckpointSigner signer) {
		this.signer = signer;
		this.recorder = recorder;
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.clinics = clinics;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	@Override
	public List<ChainReport> verify(Optional<String> clinicSlug) {
		List<ChainReport> reports = new ArrayList<>();
		if (clinicSlug.isPresent()) {
			Clinic clinic = clinics.findBySlug(clinicSlug.get()).orElseThrow(() -> new ClinicNotFound(clinicSlug.get()));
			reports.add(verify(clinic.id()));
		}
		else {
			clinics.all().forEach(clinic -> reports.add(verify(clinic)));
			reports.add(verify((ClinicId) null));
		}
		// An operator's check is a read of the audit trail too: recorded in the deployment chain, after the walk.
		long broken = reports.stream().filter(r -> !r.intact()).count();
		recorder.record(new AuditEntry(null, clock.instant(), null, "OPERATOR", "AUDIT_VERIFIED", "audit_chain",
				clinicSlug.orElse("all"), AuditEntry.Outcome.SUCCESS, AuditedEvents.OPERATIONS,
				"chains:" + reports.size() + " broken:" + broken, null, null, null));
		return reports;
	}

	@Override
	public String checkpointPublicKey() {
		return "# audit checkpoint key, ed25519 sha256:" + signer.fingerprint() + "\n" + signer.publicKeyPem();
	}

	/** One chain, whole, against its latest checkpoint; {@code null} is the deployment chain. */
	ChainReport verify(ClinicId clinic) {
		String name = clinic == null ? DEPLOYMENT : clinics.get(clinic).slug();
		return Tenancy.callAs(clinic,
				() -> readOnly.execute(s -> verifier.verify(clinic, name, checkpoints.latest(clinic))));
	}

	@Scheduled(initialDelayString = "${medassist.audit.checkpoint-interval:5m}",
			fixedDelayString = "${medassist.audit.checkpoint-interval:5m}")
	void checkpointAll() {
		clinics.all().forEach(this::checkpoint);
		checkpoint(null);
	}

	/**
	 * Verifies what was added since the last checkpoint and, when it is intact, checkpoints the new head. A forged
	 * checkpoint stops it; an unsigned one from before signing is checked against in full and then re-anchored
	 * with a signed checkpoint.
	 */
	ChainReport checkpoint(ClinicId clinic) {
		String name = clinic == null ? DEPLOYMENT : clinics.get(clinic).slug();
		Optional<Checkpoints.Checkpoint> last = checkpoints.latest(clinic);
		boolean legacy = last.isPresent() && last.get().signature() == Checkpoints.Signature.MISSING;
		ChainReport report;
		if (last.isPresent() && !last.get().trusted() && !legacy) {
			report = new ChainReport(name, 0, 0, null, last.get().seq(), last.get().seq(), last.get().distrust());
		}
		else {
			report = Tenancy.callAs(clinic, () -> readOnly.execute(s -> last.isEmpty()
					? verifier.verify(clinic, name, Optional.empty())
					: legacy ? verifier.walkAll(clinic, name, last) : verifier.verifySince(clinic, name, last.get())));
		}
		if (!report.intact()) {
			// Ids and sequence numbers only: a report never quotes record content.
			log.error("Not checkpointing: {}", report.summary());
			return report;
		}
		if (legacy) {
			log.warn("Re-anchoring audit chain {} with a signed checkpoint: its last checkpoint was unsigned", name);
		}
		if (legacy || report.headSeq() > last.map(Checkpoints.Checkpoint::seq).orElse(0L)) {
			checkpoints.write(clinic, report.headSeq(), java.util.HexFormat.of().parseHex(report.headHash()),
					clock.instant());
		}
		return report;
	}
}
