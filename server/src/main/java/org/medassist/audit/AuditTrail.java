package org.medassist.audit;

import java.util.List;
import java.util.Optional;

/** The audit trail as operators see it (the command line): verification of its chains and of their checkpoints. */
public interface AuditTrail {

	/**
	 * Walks every chain (one clinic's when {@code clinicSlug} is given; otherwise every clinic's and the
	 * deployment chain) against its latest checkpoint.
	 *
	 * @throws org.medassist.identity.ClinicNotFound for an unknown slug
	 */
	List<ChainReport> verify(Optional<String> clinicSlug);

	/**
	 * The key that verifies checkpoint signatures, PEM (SubjectPublicKeyInfo, Ed25519), with its SHA-256
	 * fingerprint as a comment line before it; created on first use. An auditor keeps a copy and checks
	 * checkpoint files with it, without the master key.
	 */
	String checkpointPublicKey();
}
