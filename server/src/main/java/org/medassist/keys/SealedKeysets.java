package org.medassist.keys;

import com.google.crypto.tink.KeysetHandle;

/**
 * Deployment-level Tink keysets (not a clinic's) stored sealed by the master key, for modules that keep a key of
 * their own in the database: the audit trail's checkpoint-signing key. The purpose is the associated data, so a
 * sealed keyset opens only for the purpose it was sealed for.
 */
public interface SealedKeysets {

	/** The keyset encrypted by the master key (Tink's binary keyset format). */
	byte[] seal(KeysetHandle keyset, String purpose);

	/** @throws IllegalStateException when it was not sealed by this master key for this purpose, or was altered */
	KeysetHandle open(byte[] sealed, String purpose);
}
