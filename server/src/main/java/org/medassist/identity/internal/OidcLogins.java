package org.medassist.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.Clinic;
import org.medassist.identity.Clinics;
import org.medassist.identity.internal.IdentityProperties.OidcProvider;
import org.medassist.platform.MedAssistException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Staff login through a clinic's own OpenID Connect provider (authorization code flow with PKCE). The browser
 * sends the user to the provider and brings back the code; MedAssist, a confidential client, redeems it at the
 * provider's token endpoint, verifies the ID token (signature from the provider's JWKS, issuer, audience,
 * expiry, and the nonce the browser chose), and signs in the local staff account an admin linked to the token's
 * subject. Roles stay local: the provider proves who someone is, the clinic admin decides what they may do.
 */
@Service
class OidcLogins {

	private static final Logger log = LoggerFactory.getLogger(OidcLogins.class);

	/** {@code amr} values (RFC 8176) for a factor beyond something known; with one of those too, it is MFA. */
	private static final Set<String> POSSESSION_OR_INHERENCE = Set.of("otp", "hwk", "swk", "fpt", "face", "sms");

	private static final Set<String> KNOWLEDGE = Set.of("pwd", "pin", "kba");

	private final IdentityProperties properties;

	private final Clinics clinics;

	private final StaffLogins logins;

	private final LoginThrottle throttle;

	private final RestClient http = RestClient.builder().requestFactory(timeouts()).build();

	private final Map<String, Provider> providers = new ConcurrentHashMap<>();

	OidcLogins(IdentityProperties properties, Clinics clinics, StaffLogins logins, LoginThrottle throttle) {
		this.properties = properties;
		this.clinics = clinics;
		this.logins = logins;
		this.throttle = throttle;
	}

	/** What the browser needs to start the login at the provider. */
	record Start(String issuer, String authorizationEndpoint, String clientId, String scope) {
	}

	record Callback(String clinic, @Classification(Level.RESTRICTED) String code,
			@Classification(Level.RESTRICTED) String codeVerifier, String redirectUri,
			String nonce, @Classification(Level.RESTRICTED) String totp) {
	}

	Start start(String clinicSlug) {
		Provider provider = provider(clinicSlug);
		return new Start(provider.config().issuer(), provider.authorizationEndpoint(), provider.config().clientId(),
				"openid profile");
	}

	StaffLogins.LoginResult login(Callback callback, String remoteAddress) {
		String slug = callback.clinic() == null ? "" : callback.clinic();
		throttle.checkAddress(remoteAddress);
		Provider provider = provider(slug);
		Clinic clinic = clinics.findBySlug(slug).orElseThrow(OidcNotConfigured::new);
		if (blank(callback.code()) || blank(callback.codeVerifier()) || blank(callback.redirectUri())
				|| blank(callback.nonce())) {
			throw new IdentityProblems.InvalidStaffRequest("invalid-oidc-callback",
					"'code', 'codeVerifier', 'redirectUri' and 'nonce' are required.");
		}
		Jwt idToken;
		try {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "authorization_code");
			form.add("code", callback.code());
			form.add("redirect_uri", callback.redirectUri());
			form.add("code_verifier", callback.codeVerifier());
			form.add("client_id", provider.config().clientId());
			Map<?, ?> response = http.post()
				.uri(provider.tokenEndpoint())
				.headers(h -> h.setBasicAuth(provider.config().clientId(), provider.config().clientSecret()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(Map.class);
			Object token = response == null ? null : response.get("id_token");
			if (!(token instanceof String value)) {
				throw logins.externalLoginFailed(clinic.id(), remoteAddress, "oidc-no-id-token");
			}
			idToken = provider.decoder().decode(value);
		}
		catch (RestClientException e) {
			log.info("OpenID Connect code redemption refused for clinic {} ({})", slug, e.getClass().getSimpleName());
			throw logins.externalLoginFailed(clinic.id(), remoteAddress, "oidc-code-refused");
		}
		catch (JwtException e) {
			throw logins.externalLoginFailed(clinic.id(), remoteAddress, "oidc-invalid-id-token");
		}
		List<String> audience = idToken.getAudience();
		boolean forUs = audience != null && audience.contains(provider.config().clientId())
				&& (audience.size() == 1 || provider.config().clientId().equals(idToken.getClaimAsString("azp")));
		if (!forUs || !callback.nonce().equals(idToken.getClaimAsString("nonce"))) {
			throw logins.externalLoginFailed(clinic.id(), remoteAddress, "oidc-wrong-audience-or-nonce");
		}
		List<String> amr = idToken.getClaimAsStringList("amr");
		boolean providerMfa = provider.config().trustProviderMfa() && amr != null && (amr.contains("mfa")
				|| (amr.stream().anyMatch(KNOWLEDGE::contains) && amr.stream().anyMatch(POSSESSION_OR_INHERENCE::contains)));
		// The provider's subject, not a user name: names at a provider can change and be chosen by their users.
		return logins.completeExternalLogin(clinic.id(), idToken.getSubject(), providerMfa, callback.totp(),
				remoteAddress);
	}

	private Provider provider(String clinicSlug) {
		OidcProvider config = properties.oidc().get(clinicSlug);
		if (config == null) {
			throw new OidcNotConfigured();
		}
		return providers.computeIfAbsent(clinicSlug, slug -> discover(config));
	}

	/** Reads the provider's discovery document once (OpenID Connect Discovery 1.0). */
	private Provider discover(OidcProvider config) {
		String issuer = config.issuer().endsWith("/") ? config.issuer().substring(0, config.issuer().length() - 1)
				: config.issuer();
		Map<?, ?> discovery = http.get()
			.uri(URI.create(issuer + "/.well-known/openid-configuration"))
			.retrieve()
			.body(Map.class);
		if (discovery == null || !config.issuer().equals(discovery.get("issuer"))) {
			throw new IllegalStateException("The OpenID provider's discovery document names another issuer");
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri((String) discovery.get("jwks_uri"))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(config.issuer()));
		return new Provider(config, (String) discovery.get("authorization_endpoint"),
				(String) discovery.get("token_endpoint"), decoder);
	}

	/** A provider that does not answer must not hold a login request (and a Tomcat thread) for long. */
	private static org.springframework.http.client.ClientHttpRequestFactory timeouts() {
		var factory = new org.springframework.http.client.SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(java.time.Duration.ofSeconds(5));
		factory.setReadTimeout(java.time.Duration.ofSeconds(10));
		return factory;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private record Provider(OidcProvider config, String authorizationEndpoint, String tokenEndpoint,
			NimbusJwtDecoder decoder) {
	}

	static final class OidcNotConfigured extends MedAssistException {

		OidcNotConfigured() {
			super(Kind.NOT_FOUND, "oidc-not-configured", "This clinic has no external sign-in configured.");
		}
	}
}
