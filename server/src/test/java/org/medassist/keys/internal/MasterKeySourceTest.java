package org.medassist.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default master key source: the keyset from {@code MEDASSIST_MASTER_KEY} (a Kubernetes secret), else a file;
 * both at once, or a malformed one, stops the start with an error that names where, never what.
 */
class MasterKeySourceTest {

	@TempDir
	Path dir;

	@Test
	void theKeysetInTheEnvironmentVariableIsTheMasterKeyAndNoFileIsMade() throws Exception {
		AeadConfig.register();
		KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
		Aead expected = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);

		var source = new FileOrEnvironmentMasterKey(null, null, "\n" + json + "\n", dir, true);
		Aead master = source.masterKey();

		byte[] sealed = master.encrypt("x".getBytes(StandardCharsets.UTF_8), new byte[0]);
		assertThat(expected.decrypt(sealed, new byte[0])).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
		assertThat(source.description()).isEqualTo("environment variable MEDASSIST_MASTER_KEY");
		assertThat(dir.resolve("master-key.json")).doesNotExist();
	}

	@Test
	void withoutEitherAFileIsGeneratedOwnerOnlyAndReadAgainNextTime() throws Exception {
		Aead first = new FileOrEnvironmentMasterKey(null, " ", "", dir, false).masterKey();
		Path file = dir.resolve("master-key.json");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		Aead again = new FileOrEnvironmentMasterKey(null, null, null, dir, false).masterKey();
		assertThat(again.decrypt(first.encrypt(new byte[] { 1 }, new byte[0]), new byte[0])).containsExactly(1);
		// The file named by the variable is the one read (here: a new one, so another key).
		Path elsewhere = dir.resolve("k/elsewhere.json");
		var named = new FileOrEnvironmentMasterKey(null, elsewhere.toString(), null, dir, false);
		Aead other = named.masterKey();
		assertThat(elsewhere).exists();
		assertThat(named.description()).isEqualTo("file " + elsewhere.toAbsolutePath());
		assertThatThrownBy(() -> other.decrypt(first.encrypt(new byte[] { 1 }, new byte[0]), new byte[0]))
			.isInstanceOf(java.security.GeneralSecurityException.class);
	}

	@Test
	void bothTheVariableAndAFileIsRefusedWithoutQuotingTheKey() throws Exception {
		AeadConfig.register();
		String json = TinkJsonProtoKeysetFormat.serializeKeyset(
				KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
		assertThatThrownBy(() -> new FileOrEnvironmentMasterKey(null, "/run/secrets/master.json", json, dir, false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("MEDASSIST_MASTER_KEY and a master key file (MEDASSIST_MASTER_KEY_FILE)")
			.message().doesNotContain(secretOf(json));
		assertThatThrownBy(() -> new FileOrEnvironmentMasterKey(dir.resolve("m.json"), null, json, dir, false))
			.hasMessageContaining("medassist.keys.master-key-file");
	}

	@Test
	void aMalformedKeyIsRefusedByWhereItCameFromWithNothingOfIt() throws Exception {
		AeadConfig.register();
		String json = TinkJsonProtoKeysetFormat.serializeKeyset(
				KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
		String secret = secretOf(json);
		// Cut short, as a badly pasted secret is.
		String truncated = json.substring(0, json.indexOf(secret) + secret.length() / 2);
		var fromVariable = new FileOrEnvironmentMasterKey(null, null, truncated, dir, false);
		assertThatThrownBy(fromVariable::masterKey).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("The master key in the environment variable MEDASSIST_MASTER_KEY is not a Tink JSON"
					+ " keyset")
			.hasNoCause()
			.message().doesNotContain(secret.substring(0, 8));
		Files.writeString(dir.resolve("bad.json"), "not json " + secret);
		assertThatThrownBy(new FileOrEnvironmentMasterKey(dir.resolve("bad.json"), null, null, dir, false)::masterKey)
			.hasMessageContaining("The master key in the file " + dir.resolve("bad.json").toAbsolutePath())
			.hasNoCause()
			.message().doesNotContain(secret.substring(0, 8));
		// A well-formed keyset of the wrong kind (a MAC key) is refused too.
		MacConfig.register();
		String mac = TinkJsonProtoKeysetFormat.serializeKeyset(
				KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG), InsecureSecretKeyAccess.get());
		assertThatThrownBy(new FileOrEnvironmentMasterKey(null, null, mac, dir, false)::masterKey)
			.hasMessageContaining("is not an AEAD keyset").hasNoCause();
	}

	/** The base64 key material in a Tink JSON keyset ({@code "value":"..."}). */
	private static String secretOf(String json) {
		int at = json.indexOf("\"value\":") + "\"value\":".length();
		int start = json.indexOf('"', at) + 1;
		return json.substring(start, json.indexOf('"', start));
	}
}
