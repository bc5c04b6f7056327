package org.medassist.keys.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.medassist.platform.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key that wraps every clinic's keyset. It is read from a file, never from the database, so that a dump of
 * the database alone decrypts nothing. On first start without one, a new key is generated in the data directory
 * (owner-only permissions): back it up apart from the database, since without it no PHI can be read. A cloud KMS
 * would replace this class (Tink's KMS clients give the same {@link Aead}).
 */
@Component
class MasterKey {

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	private final Aead aead;

	private final Path file;

	MasterKey(KeysProperties properties, Installation installation) throws GeneralSecurityException {
		AeadConfig.register();
		String env = System.getenv("MEDASSIST_MASTER_KEY_FILE");
		this.file = properties.masterKeyFile() != null ? properties.masterKeyFile()
				: env != null && !env.isBlank() ? Path.of(env) : installation.dataDirectory().resolve("master-key.json");
		this.aead = load(file, installation.embeddedDatabase()).getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	Aead aead() {
		return aead;
	}

	Path file() {
		return file;
	}

	private static KeysetHandle load(Path file, boolean embedded) throws GeneralSecurityException {
		try {
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
						InsecureSecretKeyAccess.get());
			}
			KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()),
					StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// Not a POSIX file system: rely on the directory's permissions.
			}
			if (!embedded) {
				log.warn("Generated a new master key at {}: back it up apart from the database (without it no PHI"
						+ " can be read) or set MEDASSIST_MASTER_KEY_FILE", file.toAbsolutePath());
			}
			return created;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the master key file " + file, e);
		}
	}
}
