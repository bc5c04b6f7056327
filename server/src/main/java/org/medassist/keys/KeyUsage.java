package org.medassist.keys;

import java.time.Instant;
import java.util.List;

import org.medassist.identity.ClinicId;

/**
 * A clinic's keyset and the stored values under each of its keys. Counts and ids only.
 *
 * @param primaryKeyId the key new values are encrypted with (0 when the clinic has no keyset yet)
 * @param rotatedAt the last rotation, or null
 * @param plainValues values stored before encryption existed, still in plain text
 * @param keys the keyset's keys, and any key id found on stored values that the keyset no longer holds
 */
public record KeyUsage(ClinicId clinic, int primaryKeyId, Instant rotatedAt, long plainValues, List<Key> keys) {

	/**
	 * @param inKeyset false for a key id found on stored values but missing from the keyset (those values are lost)
	 */
	public record Key(int id, boolean primary, boolean inKeyset, long values) {
	}

	public KeyUsage {
		keys = List.copyOf(keys);
	}

	/** Values still to re-encrypt or encrypt: under another key than the primary, or in plain text. */
	public long pending() {
		return plainValues + keys.stream().filter(k -> !k.primary()).mapToLong(Key::values).sum();
	}
}
