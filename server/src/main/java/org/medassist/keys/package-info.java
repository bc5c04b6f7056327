/**
 * Keys: encryption of PHI at rest. A Tink AES-256-GCM keyset per clinic, stored wrapped by a master key that is
 * never in the database (a file, {@code MEDASSIST_MASTER_KEY_FILE}; the keyset in {@code MEDASSIST_MASTER_KEY}; or a
 * KMS through {@link org.medassist.keys.MasterKeySource}; changed by {@link org.medassist.keys.MasterKeyChange}); every
 * ciphertext is bound to its clinic, table, column and row, so it decrypts nowhere else. Modules that store PHI use
 * {@link org.medassist.keys.PhiCipher}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Keys")
package org.medassist.keys;
