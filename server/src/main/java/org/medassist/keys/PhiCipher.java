package org.medassist.keys;

/**
 * Encrypts and decrypts PHI fields with the clinic's keyset. Call inside a transaction for that clinic (the
 * keyset is a tenant row); the first encryption for a clinic creates its keyset.
 */
public interface PhiCipher {

	/** Base64 text of the ciphertext, to store in place of the value. */
	String encrypt(PhiField field, String plaintext);

	/** @throws PhiUnreadable when the ciphertext does not belong to this field or was altered */
	String decrypt(PhiField field, String ciphertext);
}
