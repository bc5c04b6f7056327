package org.medassist.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.medassist.platform.SecretSealer;
import org.springframework.stereotype.Component;

/**
 * Deployment secrets sealed directly under the master key (AES-256-GCM). They are few and deployment-wide, so a
 * per-clinic keyset does not fit them; a domain prefix in the associated data keeps them apart from wrapped
 * keysets, which the same key also protects.
 */
@Component
class MasterKeySealer implements SecretSealer {

	private static final byte[] DOMAIN = "medassist-secret-v1|".getBytes(StandardCharsets.UTF_8);

	private final MasterKey master;

	MasterKeySealer(MasterKey master) {
		this.master = master;
	}

	@Override
	public byte[] seal(byte[] plaintext, byte[] associatedData) {
		try {
			return master.aead().encrypt(plaintext, context(associatedData));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("sealing a secret failed", e);
		}
	}

	@Override
	public byte[] open(byte[] sealed, byte[] associatedData) {
		try {
			return master.aead().decrypt(sealed, context(associatedData));
		}
		catch (GeneralSecurityException e) {
			// Never the value or the associated data in the message: ids are the caller's to log.
			throw new IllegalStateException("a sealed secret does not open (altered, moved, or another master key)", e);
		}
	}

	private static byte[] context(byte[] associatedData) {
		byte[] out = new byte[DOMAIN.length + associatedData.length];
		System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
		System.arraycopy(associatedData, 0, out, DOMAIN.length, associatedData.length);
		return out;
	}
}
