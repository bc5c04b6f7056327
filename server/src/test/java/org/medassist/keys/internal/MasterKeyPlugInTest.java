package org.medassist.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.medassist.identity.ClinicId;
import org.medassist.keys.MasterKeySource;
import org.medassist.platform.Installation;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A deployment's own {@link MasterKeySource} bean (here a real Tink AEAD from a keyset of the test's, standing in
 * for a KMS's) is the master key: what MedAssist wraps opens with it, the patient's transcript reads back through
 * it, and the default source is not used (no key file is generated, and a new default key opens nothing).
 */
class MasterKeyPlugInTest extends ApplicationTest {

	static final Aead KMS;

	static {
		try {
			AeadConfig.register();
			KMS = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	@TestConfiguration
	static class Kms {

		@Bean
		MasterKeySource standInKms() {
			return new MasterKeySource() {
				@Override
				public Aead masterKey() {
					return KMS;
				}

				@Override
				public String description() {
					return "test-kms://stand-in";
				}
			};
		}
	}

	@Autowired
	private Installation installation;

	@Autowired
	private MasterKey master;

	@Test
	void theDeclaredSourceWrapsEveryKeysetAndTheDefaultIsNotUsed() throws Exception {
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, "my ankle went over on the kerb yesterday").status()).isEqualTo(200);
		assertThat(patient.get(session).raw()).contains("my ankle went over on the kerb yesterday");

		ClinicId demo = new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = 'demo'").query(UUID.class).single());
		byte[] wrapped = database.sql("SELECT wrapped_keyset FROM clinic_keyset WHERE clinic_id = ?")
			.param(demo.value()).query(byte[].class).single();
		KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, KMS, ClinicKeysets.wrappingContext(demo));
		assertThat(keyset.size()).isEqualTo(1);
		assertThat(master.description()).isEqualTo("test-kms://stand-in");
		assertThat(installation.dataDirectory().resolve("master-key.json")).as("no default key generated").doesNotExist();
		Aead aDefault = new FileOrEnvironmentMasterKey(null, null, null, installation.dataDirectory(), false).masterKey();
		assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aDefault,
				ClinicKeysets.wrappingContext(demo))).isInstanceOf(GeneralSecurityException.class);
	}
}
