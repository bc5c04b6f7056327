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
import org.medassist.keys.MasterKeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link MasterKeySource}: a Tink JSON keyset given in the environment variable
 * {@code MEDASSIST_MASTER_KEY}, or in a file (the setting, else {@code MEDASSIST_MASTER_KEY_FILE}, else
 * {@code <data>/master-key.json}, generated when missing). Both the variable and a file named at once is refused:
 * which one wins would be a guess, and the wrong guess makes every stored value unreadable. Errors name where the
 * key came from, never what it holds (no parser message, no cause: either could quote the input).
 */
final class FileOrEnvironmentMasterKey implements MasterKeySource {

	static final String VARIABLE = "MEDASSIST_MASTER_KEY";

	static final String FILE_VARIABLE = "MEDASSIST_MASTER_KEY_FILE";

	private static final Logger log = LoggerFactory.getLogger(FileOrEnvironmentMasterKey.class);

	private final String keyset;

	private final Path file;

	private final boolean warnWhenGenerated;

	/**
	 * @param configuredFile {@code medassist.keys.master-key-file}, or null
	 * @param fileVariable the value of {@code MEDASSIST_MASTER_KEY_FILE}, or null
	 * @param variable the value of {@code MEDASSIST_MASTER_KEY}, or null
	 */
	FileOrEnvironmentMasterKey(Path configuredFile, String fileVariable, String variable, Path dataDirectory,
			boolean warnWhenGenerated) {
		boolean fileNamed = configuredFile != null || (fileVariable != null && !fileVariable.isBlank());
		if (variable != null && !variable.isBlank() && fileNamed) {
			throw new IllegalStateException("Both " + VARIABLE + " and a master key file ("
					+ (configuredFile != null ? "medassist.keys.master-key-file" : FILE_VARIABLE)
					+ ") are set: give the master key one way only");
		}
		this.keyset = variable == null || variable.isBlank() ? null : variable.strip();
		this.file = keyset != null ? null : configuredFile != null ? configuredFile
				: fileNamed ? Path.of(fileVariable.strip()) : dataDirectory.resolve("master-key.json");
		this.warnWhenGenerated = warnWhenGenerated;
	}

	@Override
	public Aead masterKey() throws GeneralSecurityException {
		AeadConfig.register();
		KeysetHandle handle = keyset != null ? parse(keyset, "the environment variable " + VARIABLE) : fromFile();
		try {
			return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The master key in " + description() + " is not an AEAD keyset"
					+ " (expected AES256_GCM)");
		}
	}

	@Override
	public String description() {
		return keyset != null ? "environment variable " + VARIABLE : "file " + file.toAbsolutePath();
	}

	private KeysetHandle fromFile() throws GeneralSecurityException {
		if (Files.exists(file)) {
			return parse(read(file), "the file " + file.toAbsolutePath());
		}
		KeysetHandle created = create(file);
		if (warnWhenGenerated) {
			log.warn("Generated a new master key at {}: back it up apart from the database (without it no PHI"
					+ " can be read) or set " + FILE_VARIABLE, file.toAbsolutePath());
		}
		return created;
	}

	/** The master key in {@code file}, created there (owner-only) when there is none: for a new master key. */
	static Aead readOrCreate(Path file) throws GeneralSecurityException {
		AeadConfig.register();
		KeysetHandle handle = Files.exists(file) ? parse(read(file), "the file " + file.toAbsolutePath()) : create(file);
		try {
			return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The master key in " + file.toAbsolutePath() + " is not an AEAD keyset");
		}
	}

	private static KeysetHandle parse(String json, String where) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException | RuntimeException e) {
			// Neither the parser's message nor the cause: they can quote the key.
			throw new IllegalStateException("The master key in " + where + " is not a Tink JSON keyset ("
					+ e.getClass().getSimpleName() + "); expected what `tinkey create-keyset --key-template AES256_GCM"
					+ " --out-format json` writes");
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the master key file " + file.toAbsolutePath(), e);
		}
	}

	private static KeysetHandle create(Path file) throws GeneralSecurityException {
		KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()),
					StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException e) {
				// Not a POSIX file system: rely on the directory's permissions.
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot create the master key file " + file.toAbsolutePath(), e);
		}
		return created;
	}
}
