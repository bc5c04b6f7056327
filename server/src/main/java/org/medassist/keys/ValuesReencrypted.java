package org.medassist.keys;

import java.time.Instant;

import org.medassist.identity.ClinicId;

/**
 * A re-encryption run of a clinic started or finished. For the audit trail: counts and key ids, never values.
 *
 * @param phase {@code started} (values = how many were pending) or {@code finished} (values = how many this run
 * re-encrypted; remaining = how many are still pending)
 */
public record ValuesReencrypted(ClinicId clinicId, Instant at, String phase, int primaryKeyId, long values,
		long remaining) {
}
