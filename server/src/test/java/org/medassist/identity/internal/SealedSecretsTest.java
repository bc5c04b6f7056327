package org.medassist.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.medassist.platform.SecretSealer;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.StaffClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * TOTP secrets and token-signing private keys are stored sealed under the master key; what an older installation
 * stored in plain text still works, and is sealed at start-up (run again here), idempotently.
 */
@ManyLogins
class SealedSecretsTest extends ApplicationTest {

	@Autowired
	private PlainSecretsSealing sealing;

	@Autowired
	private SecretSealer sealer;

	@Test
	void secretsAreSealedAtRestAndPlainOnesFromBeforeStillWorkUntilSealed() throws Exception {
		assertThat(staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken()).isNotBlank();
		assertThat(database.sql("SELECT count(*) FROM staff_user WHERE mfa_secret IS NOT NULL AND NOT mfa_secret_sealed")
			.query(Integer.class).single()).isZero();
		assertThat(database.sql("SELECT count(*) FROM staff_user WHERE mfa_secret LIKE ?")
			.param("%" + StaffClient.DEMO_SECRET + "%").query(Integer.class).single()).isZero();
		var key = database.sql("SELECT kid, private_der FROM signing_key WHERE private_sealed LIMIT 1")
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) }).single();
		String kid = (String) key[0];
		byte[] privateDer = sealer.open((byte[]) key[1], SigningKeys.context(kid));
		assertThat(privateDer[0]).as("a PKCS#8 DER sequence once opened").isEqualTo((byte) 0x30);
		assertThat(database.sql("SELECT count(*) FROM signing_key WHERE NOT private_sealed").query(Integer.class)
			.single()).isZero();

		// As an installation from before sealing left them: plain TOTP secrets and a plain private key.
		database.sql("UPDATE staff_user SET mfa_secret = ?, mfa_secret_sealed = false"
				+ " WHERE username IN ('physician', 'auditor')").param(StaffClient.DEMO_SECRET).update();
		database.sql("UPDATE signing_key SET private_der = ?, private_sealed = false WHERE kid = ?")
			.params(privateDer, kid).update();
		String token = staff.loginDemo("demo", "physician", "physician-demo-password").accessToken();
		assertThat(staff.get("/api/v1/auth/me", token).status()).as("a plain secret still validates").isEqualTo(200);

		sealing.run(null);

		assertThat(database.sql("SELECT count(*) FROM staff_user WHERE mfa_secret IS NOT NULL AND NOT mfa_secret_sealed")
			.query(Integer.class).single()).isZero();
		assertThat(database.sql("SELECT count(*) FROM staff_user WHERE mfa_secret LIKE ?")
			.param("%" + StaffClient.DEMO_SECRET + "%").query(Integer.class).single()).isZero();
		byte[] resealed = database.sql("SELECT private_der FROM signing_key WHERE kid = ? AND private_sealed")
			.param(kid).query(byte[].class).single();
		assertThat(Arrays.equals(sealer.open(resealed, SigningKeys.context(kid)), privateDer)).isTrue();
		String after = staff.loginDemo("demo", "auditor", "auditor-demo-password").accessToken();
		assertThat(staff.get("/api/v1/auth/me", after).status()).as("the sealed secret validates").isEqualTo(200);
		assertThat(staff.get("/api/v1/auth/me", token).status()).isEqualTo(200);
		// A sealed secret copied to another account does not open there.
		byte[] auditorSecret = java.util.Base64.getDecoder().decode(database
			.sql("SELECT mfa_secret FROM staff_user WHERE username = 'auditor' AND clinic_id ="
					+ " (SELECT id FROM clinic WHERE slug = 'demo')").query(String.class).single());
		java.util.UUID nurse = database.sql("SELECT id FROM staff_user WHERE username = 'nurse' AND clinic_id ="
				+ " (SELECT id FROM clinic WHERE slug = 'demo')").query(java.util.UUID.class).single();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealer.open(auditorSecret, StaffAccounts.secretContext(nurse)))
			.isInstanceOf(IllegalStateException.class);
	}
}
