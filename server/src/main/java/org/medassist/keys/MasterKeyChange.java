package org.medassist.keys;

import java.nio.file.Path;

/**
 * Changing the master key: every clinic's keyset is re-wrapped and every secret sealed under the master key
 * (staff TOTP secrets, token-signing private keys, the audit checkpoint-signing keyset) is re-sealed under the
 * new one, in one transaction: afterwards the database opens with the new key only, or, on any failure, still
 * with the old one only. Nothing under the clinic keysets changes (PHI is not re-encrypted). Every instance must
 * then be started with the new key; instances still running with the old one cannot read PHI once their cached
 * keysets expire. Each clinic's audit trail records it (counts only).
 */
public interface MasterKeyChange {

	/**
	 * Re-wraps under the master key in {@code newMasterKeyFile} (a Tink JSON keyset), created there first when the
	 * file does not exist.
	 *
	 * @throws MasterKeyChangeRefused when the current master key cannot open something (nothing was changed)
	 */
	MasterKeyChanged rewrapTo(Path newMasterKeyFile);
}
