package org.medassist.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.StaffClient;
import org.medassist.testing.StandInOpenIdProvider;
import org.medassist.testing.StandInOpenIdProvider.Grant;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign-in through a clinic's OpenID Connect provider (a stand-in speaking the protocol over HTTP). The
 * clinic 'demo' requires MedAssist's TOTP after the provider; the clinic 'other' trusts the provider's own
 * multi-factor login.
 */
class OidcLoginTest extends ApplicationTest {

	static final StandInOpenIdProvider provider = new StandInOpenIdProvider();

	private static final String REDIRECT = "http://localhost/nurse/oidc-callback";

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		for (String clinic : List.of("demo", "other")) {
			registry.add("medassist.identity.oidc." + clinic + ".issuer", provider::issuer);
			registry.add("medassist.identity.oidc." + clinic + ".client-id", () -> StandInOpenIdProvider.CLIENT_ID);
			registry.add("medassist.identity.oidc." + clinic + ".client-secret",
					() -> StandInOpenIdProvider.CLIENT_SECRET);
		}
		registry.add("medassist.identity.oidc.other.trust-provider-mfa", () -> "true");
	}

	/** An admin links each account to its subject at the provider; the 'other' clinic's link is made in SQL. */
	@org.junit.jupiter.api.BeforeEach
	void linkAccounts() {
		database.sql("UPDATE staff_user SET external_subject = 'idp-nurse' WHERE username = 'nurse' AND clinic_id ="
				+ " (SELECT id FROM clinic WHERE slug = 'other')").update();
		if (linked.add(port)) {
			String admin = staff.loginDemo("demo", "admin", "admin-demo-password").accessToken();
			String nurseId = database.sql("SELECT u.id::text FROM staff_user u JOIN clinic c ON c.id = u.clinic_id"
					+ " WHERE c.slug = 'demo' AND u.username = 'nurse'").query(String.class).single();
			Reply link = staff.send("PATCH", "/api/v1/admin/staff/" + nurseId, "{\"externalSubject\":\"idp-nurse\"}",
					admin);
			assertThat(link.status()).as(link.raw()).isEqualTo(200);
		}
	}

	private static final java.util.Set<Integer> linked = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void theBrowserLearnsWhereToSendTheUser() {
		Reply start = staff.get("/api/v1/auth/oidc/demo", null);
		assertThat(start.status()).isEqualTo(200);
		assertThat(start.body().get("authorizationEndpoint").asString()).isEqualTo(provider.issuer() + "/authorize");
		assertThat(start.body().get("clientId").asString()).isEqualTo("medassist");
		assertThat(staff.get("/api/v1/auth/oidc/no-such-clinic", null).status()).isEqualTo(404);
	}

	@Test
	void aNurseSignsInAtTheProviderThenGivesMedAssistsCode() {
		Attempt attempt = attempt("demo", "nurse", List.of("pwd"));
		Reply withoutCode = oidcLogin(attempt, null);
		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.problemType()).isEqualTo("urn:medassist:problem:mfa-required");

		Attempt second = attempt("demo", "nurse", List.of("pwd"));
		Reply signedIn = oidcLogin(second, staff.freshCode("demo", "nurse", StaffClient.DEMO_SECRET));
		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
		Reply me = staff.get("/api/v1/auth/me", signedIn.body().get("accessToken").asString());
		assertThat(me.body().get("username").asString()).isEqualTo("nurse");
		assertThat(me.body().get("role").asString()).as("the role is the clinic's, not the provider's")
			.isEqualTo("NURSE");
	}

	@Test
	void aClinicThatTrustsItsProvidersMfaNeedsNoSecondCode() {
		assertThat(oidcLogin(attempt("other", "nurse", List.of("pwd", "otp")), null).status()).isEqualTo(200);
		assertThat(oidcLogin(attempt("other", "nurse", List.of("mfa")), null).status()).isEqualTo(200);
		for (List<String> weak : List.of(List.of("pwd"), List.of("otp"))) {
			Reply reply = oidcLogin(attempt("other", "nurse", weak), null);
			assertThat(reply.status()).as(weak.toString()).isEqualTo(401);
			assertThat(reply.problemType()).isEqualTo("urn:medassist:problem:mfa-required");
		}
	}

	@Test
	void onlyAnAccountLinkedToTheProvidersSubjectSignsIn() {
		// The provider vouches for "physician" (its preferred_username too), but nobody linked that subject.
		Reply unlinked = oidcLogin(attempt("demo", "physician", List.of("pwd", "otp")),
				staff.freshCode("demo", "physician", StaffClient.DEMO_SECRET));
		assertThat(unlinked.status()).isEqualTo(401);
		assertThat(unlinked.problemType()).isEqualTo("urn:medassist:problem:login-failed");
	}

	@Test
	void forgedReplayedAndMismatchedCallbacksAreRefused() throws Exception {
		Attempt replayed = attempt("other", "nurse", List.of("pwd", "otp"));
		assertThat(oidcLogin(replayed, null).status()).isEqualTo(200);
		assertThat(oidcLogin(replayed, null).status()).as("a code works once").isEqualTo(401);

		Attempt wrongNonce = attempt("other", "nurse", List.of("pwd", "otp"));
		assertThat(oidcLogin(new Attempt(wrongNonce.clinic(), wrongNonce.code(), wrongNonce.verifier(), "other-nonce"),
				null).status()).isEqualTo(401);

		Attempt wrongVerifier = attempt("other", "nurse", List.of("pwd", "otp"));
		assertThat(oidcLogin(new Attempt(wrongVerifier.clinic(), wrongVerifier.code(), "not-the-verifier-" + UUID.randomUUID(),
				wrongVerifier.nonce()), null).status()).isEqualTo(401);

		var rogue = new RSAKeyGenerator(2048).generate();
		assertThat(oidcLogin(attempt("other", "nurse", List.of("pwd", "otp"), rogue, StandInOpenIdProvider.CLIENT_ID), null)
			.status()).as("an ID token not signed by the provider").isEqualTo(401);
		assertThat(oidcLogin(attempt("other", "nurse", List.of("pwd", "otp"), null, "another-client"), null).status())
			.as("an ID token issued to another client").isEqualTo(401);
		assertThat(oidcLogin(attempt("other", "no-such-user", List.of("pwd", "otp")), null).status())
			.as("the provider knows the user, the clinic does not").isEqualTo(401);
		assertThat(oidcLogin(attempt("other", "physician", List.of("pwd", "otp")), null).status())
			.as("the demo clinic's physician is not the other clinic's").isEqualTo(401);
		assertThat(events.of(AccessDenied.class)).extracting(AccessDenied::reason)
			.contains("oidc-code-refused", "oidc-wrong-audience-or-nonce", "oidc-invalid-id-token",
					"oidc-unknown-account");
	}

	record Attempt(String clinic, String code, String verifier, String nonce) {
	}

	private Attempt attempt(String clinic, String username, List<String> amr) {
		return attempt(clinic, username, amr, null, StandInOpenIdProvider.CLIENT_ID);
	}

	private Attempt attempt(String clinic, String username, List<String> amr, com.nimbusds.jose.jwk.RSAKey signWith,
			String audience) {
		String verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
		String nonce = UUID.randomUUID().toString();
		String code = provider.issueCode(new Grant(username, nonce, StandInOpenIdProvider.challenge(verifier), REDIRECT,
				amr, signWith, audience));
		return new Attempt(clinic, code, verifier, nonce);
	}

	private Reply oidcLogin(Attempt attempt, String totp) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("clinic", attempt.clinic(), "code", attempt.code(),
				"codeVerifier", attempt.verifier(), "redirectUri", REDIRECT, "nonce", attempt.nonce()));
		if (totp != null) {
			body.put("totp", totp);
		}
		return staff.post("/api/v1/auth/oidc/login", PatientClient.JSON.writeValueAsString(body), null);
	}
}
