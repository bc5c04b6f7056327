package org.medassist.keys.internal;

import java.security.GeneralSecurityException;
import java.util.List;

import com.google.crypto.tink.Aead;
import org.medassist.keys.MasterKeySource;
import org.medassist.platform.Installation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key that wraps every clinic's keyset and seals the deployment's secrets. It is never in the database, so
 * that a dump of the database alone decrypts nothing. It comes from the deployment's {@link MasterKeySource} bean
 * (a cloud KMS) when there is one, else from {@link FileOrEnvironmentMasterKey}. A re-wrap under a new master
 * key switches this process to the new one once committed ({@link #replace}).
 */
@Component
class MasterKey {

	private volatile Aead aead;

	private volatile String description;

	@Autowired
	MasterKey(KeysProperties properties, Installation installation, Environment environment,
			ObjectProvider<MasterKeySource> plugIns) throws GeneralSecurityException {
		List<MasterKeySource> declared = plugIns.orderedStream().toList();
		if (declared.size() > 1) {
			throw new IllegalStateException("Several MasterKeySource beans are declared (" + declared.size()
					+ "): declare one");
		}
		MasterKeySource source = declared.isEmpty()
				? new FileOrEnvironmentMasterKey(properties.masterKeyFile(),
						environment.getProperty(FileOrEnvironmentMasterKey.FILE_VARIABLE),
						environment.getProperty(FileOrEnvironmentMasterKey.VARIABLE), installation.dataDirectory(),
						!installation.embeddedDatabase())
				: declared.get(0);
		this.aead = source.masterKey();
		this.description = source.description();
	}

	MasterKey(Aead aead, String description) {
		this.aead = aead;
		this.description = description;
	}

	Aead aead() {
		return aead;
	}

	/** Where the key came from (a path, a variable's name, a KMS), for log lines: never key material. */
	String description() {
		return description;
	}

	void replace(Aead newKey, String newDescription) {
		this.aead = newKey;
		this.description = newDescription;
	}
}
