package org.medassist.audit;

import java.util.List;
import java.util.Optional;

/** The audit trail as operators see it (the command line): verification of its chains. */
public interface AuditTrail {

	/**
	 * Walks every chain (one clinic's when {@code clinicSlug} is given; otherwise every clinic's and the
	 * deployment chain) against its latest checkpoint.
	 *
	 * @throws org.medassist.identity.ClinicNotFound for an unknown slug
	 */
	List<ChainReport> verify(Optional<String> clinicSlug);
}
