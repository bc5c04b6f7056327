package org.medassist.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.medassist.keys.SealedKeysets;
import org.springframework.stereotype.Component;

/** {@link SealedKeysets} with the {@link MasterKey}; associated data {@code medassist-sealed-v1|<purpose>}. */
@Component
class MasterKeySealing implements SealedKeysets {

	private final MasterKey master;

	MasterKeySealing(MasterKey master) {
		this.master = master;
	}

	@Override
	public byte[] seal(KeysetHandle keyset, String purpose) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), context(purpose));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot seal the " + purpose + " keyset", e);
		}
	}

	@Override
	public KeysetHandle open(byte[] sealed, String purpose) {
		try {
			return TinkProtoKeysetFormat.parseEncryptedKeyset(sealed, master.aead(), context(purpose));
		}
		catch (GeneralSecurityException e) {
			// Another master key, another purpose, or altered bytes: nothing about the content to say.
			throw new IllegalStateException("the " + purpose + " keyset does not open with this master key", e);
		}
	}

	private static byte[] context(String purpose) {
		return ("medassist-sealed-v1|" + purpose).getBytes(StandardCharsets.UTF_8);
	}
}
