package org.medassist.platform;

/**
 * Seals deployment-level secrets (staff TOTP secrets, token-signing private keys) before they are stored:
 * authenticated encryption under the master key, which is never in the database. The {@code keys} module
 * implements it; modules that {@code keys} itself depends on (identity) use it through this interface, so the
 * module graph keeps no cycle. The associated data names what the secret is and where it lives (for example
 * {@code signing_key|private_der|<kid>}): a sealed value copied elsewhere does not open.
 */
public interface SecretSealer {

	byte[] seal(byte[] plaintext, byte[] associatedData);

	/** @throws IllegalStateException when the value was altered, moved, or sealed under another master key */
	byte[] open(byte[] sealed, byte[] associatedData);
}
