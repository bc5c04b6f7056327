package org.medassist.keys;

import java.time.Instant;

import org.medassist.identity.ClinicId;

/**
 * A clinic's keyset was created or given a new primary key. For the audit trail; carries no key material.
 *
 * @param change {@code created} or {@code rotated}
 * @param primaryKeyId Tink's id of the key that now encrypts
 * @param keys how many keys the keyset holds (older ones only decrypt)
 */
public record KeysetChanged(ClinicId clinicId, Instant at, String change, int primaryKeyId, int keys) {
}
