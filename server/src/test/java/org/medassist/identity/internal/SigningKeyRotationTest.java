package org.medassist.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rotation: after a new key appears, new tokens carry its kid while tokens signed with the old key keep
 * working until the old key retires, two token lifetimes after the new one began signing.
 */
// Its own application: retiring the key other test classes' cached tokens were signed with would break them.
@org.springframework.test.context.TestPropertySource(properties = "medassist.identity.signing-key-rotation=30d")
class SigningKeyRotationTest extends ApplicationTest {

	@Autowired
	private SigningKeys keys;

	@Test
	void oldTokensOutliveARotationUntilTheOldKeyRetires() throws Exception {
		String before = staff.loginDemo("demo", "physician", "physician-demo-password").accessToken();
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

		String newKid = keys.rotate();
		keys.maintain();
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(staff.get("/api/v1/auth/me", before).status()).as("still valid right after rotation")
			.isEqualTo(200);
		String after = staff.loginDemo("demo", "auditor", "auditor-demo-password").accessToken();
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);

		// Twenty minutes later (four token lifetimes), the old key retires and its tokens stop working.
		database.sql("UPDATE signing_key SET created_at = now() - interval '30 minutes' WHERE kid = ?")
			.param(oldKid).update();
		database.sql("UPDATE signing_key SET created_at = now() - interval '20 minutes' WHERE kid = ?")
			.param(newKid).update();
		keys.maintain();
		assertThat(database.sql("SELECT retired_at IS NOT NULL FROM signing_key WHERE kid = ?").param(oldKid)
			.query(Boolean.class).single()).isTrue();
		assertThat(staff.get("/api/v1/auth/me", before).status()).isEqualTo(401);
		assertThat(staff.get("/api/v1/auth/me", after).status()).isEqualTo(200);
	}
}
