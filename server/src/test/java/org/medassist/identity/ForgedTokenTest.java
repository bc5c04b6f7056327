package org.medassist.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient;
import org.medassist.testing.StaffClient.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Tokens an attacker might send. Each is built from a genuine token of the demo nurse (so only the one thing
 * under test is wrong) and must be refused with 401, while the genuine token keeps working.
 */
class ForgedTokenTest extends ApplicationTest {

	private Tokens genuine;

	private JWTClaimsSet claims;

	private String kid;

	@org.springframework.beans.factory.annotation.Autowired
	private org.medassist.platform.SecretSealer sealer;

	private RSAPrivateKey realKey;

	private RSAPublicKey realPublicKey;

	/** One login per application: a TOTP code is accepted once, so logins are rationed to three a step. */
	private static final java.util.Map<Integer, Tokens> logins = new java.util.concurrent.ConcurrentHashMap<>();

	@BeforeEach
	void genuineToken() throws Exception {
		genuine = logins.computeIfAbsent(port, p -> staff.loginDemo("demo", "nurse", "nurse-demo-password"));
		SignedJWT jwt = SignedJWT.parse(genuine.accessToken());
		claims = jwt.getJWTClaimsSet();
		kid = jwt.getHeader().getKeyID();
		// The test reads the real signing key (as only the database owner with the master key can: it is stored
		// sealed, bound to its kid) to forge tokens whose one flaw is not the signature.
		var row = database.sql("SELECT public_der, private_der FROM signing_key WHERE kid = ? AND private_sealed")
			.param(kid)
			.query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) })
			.single();
		byte[] privateDer = sealer.open(row[1], ("signing_key|private_der|" + kid).getBytes(StandardCharsets.UTF_8));
		KeyFactory rsa = KeyFactory.getInstance("RSA");
		realPublicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(row[0]));
		realKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
		assertAccepted(genuine.accessToken());
		assertAccepted(signed(claims, realKey));
	}

	@Test
	void unsignedAlgNoneIsRefused() {
		assertRefused(new PlainJWT(claims).serialize());
		// The same, with the header spelled out by hand.
		String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}");
		assertRefused(header + "." + b64(claims.toString()) + ".");
	}

	@Test
	void aTokenSignedWithAnotherKeyUnderTheRealKidIsRefused() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		assertRefused(signed(claims, (RSAPrivateKey) generator.generateKeyPair().getPrivate()));
	}

	@Test
	void anHmacSignedWithThePublicKeyIsRefused() throws Exception {
		// The classic RS/HS confusion: a verifier that trusts the header's alg would check this HMAC with the
		// public key as the secret.
		SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
			.type(new JOSEObjectType("at+jwt")).build(), claims);
		hs.sign(new MACSigner(realPublicKey.getEncoded()));
		assertRefused(hs.serialize());
	}

	@Test
	void expiredAndNotYetValidTokensAreRefused() throws Exception {
		Instant now = Instant.now();
		assertRefused(signed(with(c -> c.issueTime(Date.from(now.minusSeconds(900)))
			.notBeforeTime(Date.from(now.minusSeconds(900)))
			.expirationTime(Date.from(now.minusSeconds(120)))), realKey));
		assertRefused(signed(with(c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))), realKey));
	}

	@Test
	void wrongIssuerOrAudienceIsRefused() throws Exception {
		assertRefused(signed(with(c -> c.issuer("https://attacker.example")), realKey));
		assertRefused(signed(with(c -> c.audience("another-api")), realKey));
		assertRefused(signed(with(c -> c.audience(java.util.List.of("medassist-api", "another-api"))), realKey));
	}

	@Test
	void aTamperedPayloadIsRefused() {
		String[] parts = genuine.accessToken().split("\\.");
		JsonNode payload = PatientClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		String elevated = payload.toString().replace("\"role\":\"NURSE\"", "\"role\":\"CLINIC_ADMIN\"");
		assertThat(elevated).contains("CLINIC_ADMIN");
		assertRefused(parts[0] + "." + b64(elevated) + "." + parts[2]);
	}

	@Test
	void aRightlySignedTokenClaimingAnotherRoleOrClinicIsRefused() throws Exception {
		// Even our own key cannot make the database disagree: the role and clinic are checked on every request.
		assertRefused(signed(with(c -> c.claim("role", "CLINIC_ADMIN")), realKey));
		assertRefused(signed(with(c -> c.claim("clinic", "00000000-0000-4000-8000-0000000007e1")), realKey));
	}

	@Test
	void aTokenOfADisabledUserIsRefused() {
		database.sql("UPDATE staff_user SET disabled_at = now() WHERE username = 'nurse' AND clinic_id ="
				+ " (SELECT id FROM clinic WHERE slug = 'demo')").update();
		try {
			assertRefused(genuine.accessToken());
		}
		finally {
			database.sql("UPDATE staff_user SET disabled_at = NULL WHERE username = 'nurse'").update();
		}
	}

	@Test
	void aRevokedRefreshTokenIsRefused() {
		Tokens own = staff.loginDemo("demo", "physician", "physician-demo-password");
		assertThat(staff.post("/api/v1/auth/logout", "", own.accessToken()).status()).isEqualTo(204);
		var reply = staff.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + own.refreshToken() + "\"}", null);
		assertThat(reply.status()).isEqualTo(401);
		var garbage = staff.post("/api/v1/auth/refresh", "{\"refreshToken\":\"rt_not-a-token\"}", null);
		assertThat(garbage.status()).isEqualTo(401);
	}

	@Test
	void malformedBearerValuesAreRefused() {
		assertRefused("eyJ.eyJ.x");
		assertRefused("eyJhbGciOiJSUzI1NiJ9..");
		assertRefused("not-a-token");
	}

	private JWTClaimsSet with(UnaryOperator<JWTClaimsSet.Builder> change) {
		return change.apply(new JWTClaimsSet.Builder(claims)).build();
	}

	private String signed(JWTClaimsSet set, RSAPrivateKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
			.type(new JOSEObjectType("at+jwt")).build(), set);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private void assertAccepted(String token) {
		assertThat(staff.get("/api/v1/auth/me", token).status()).isEqualTo(200);
	}

	private void assertRefused(String token) {
		var reply = staff.get("/api/v1/auth/me", token);
		assertThat(reply.status()).as(token).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
