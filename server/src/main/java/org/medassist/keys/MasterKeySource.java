package org.medassist.keys;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;

/**
 * Where the master key comes from: the key that wraps every clinic's keyset and seals the deployment's secrets.
 * Without a bean of this type MedAssist reads a Tink JSON keyset from {@code MEDASSIST_MASTER_KEY} (the keyset
 * itself, for a Kubernetes secret) or from the file {@code MEDASSIST_MASTER_KEY_FILE} /
 * {@code medassist.keys.master-key-file} (default {@code <data>/master-key.json}, generated on first start). A
 * deployment that keeps its master key in a cloud KMS declares one bean of this type returning Tink's KMS
 * {@link Aead}, for example with {@code com.google.crypto.tink:tink-gcpkms}:
 * {@code () -> new GcpKmsClient().withDefaultCredentials().getAead("gcp-kms://projects/.../cryptoKeys/medassist")}
 * (or {@code tink-awskms}'s {@code AwsKmsClient} with an {@code aws-kms://arn:...} URI). MedAssist ships neither
 * SDK. The key never leaves the KMS; every keyset unwrap is then one KMS call (keysets are cached,
 * {@code medassist.keys.keyset-cache-ttl}).
 */
public interface MasterKeySource {

	/** Called once, at start. Its failure stops the start: without the master key no PHI can be read. */
	Aead masterKey() throws GeneralSecurityException;

	/** Where the key is, for log lines and errors (a path, a KMS key URI): never key material. */
	default String description() {
		return getClass().getName();
	}
}
