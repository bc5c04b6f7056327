package org.medassist.identity.internal;

import java.time.Duration;
import java.util.Map;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff authentication settings ({@code medassist.identity.*}).
 *
 * @param issuer the {@code iss} of access tokens
 * @param audience the {@code aud} of access tokens
 * @param accessTokenTtl how long an access token is valid; short, since only refresh checks the session's end
 * @param sessionIdle a staff session ends after this long without a request (HIPAA automatic logoff)
 * @param sessionAbsolute and after this long in any case
 * @param reauthenticationWindow how recent a password + TOTP check must be for sensitive actions
 * @param signingKeyRotation a new signing key is made when the newest is older than this
 * @param lockoutThreshold failed logins in a row before the account locks
 * @param lockoutBase the first lock; each further failure doubles it, up to {@code lockoutMax}
 * @param loginsPerMinutePerAddress login attempts a client address may make per minute
 * @param loginsPerMinutePerAccount login attempts per minute for one account, from anywhere
 * @param oidc external OpenID Connect providers by clinic slug, for clinics that sign their staff in there
 */
@ConfigurationProperties("medassist.identity")
record IdentityProperties(@DefaultValue("medassist") String issuer, @DefaultValue("medassist-api") String audience,
		@DefaultValue("5m") Duration accessTokenTtl, @DefaultValue("30m") Duration sessionIdle,
		@DefaultValue("12h") Duration sessionAbsolute, @DefaultValue("5m") Duration reauthenticationWindow,
		@DefaultValue("30d") Duration signingKeyRotation, @DefaultValue("5") int lockoutThreshold,
		@DefaultValue("1m") Duration lockoutBase, @DefaultValue("1h") Duration lockoutMax,
		@DefaultValue("30") int loginsPerMinutePerAddress, @DefaultValue("10") int loginsPerMinutePerAccount,
		Map<String, OidcProvider> oidc) {

	IdentityProperties {
		oidc = oidc == null ? Map.of() : Map.copyOf(oidc);
	}

	/**
	 * A clinic's OpenID Connect provider. MedAssist is a confidential client of it: the browser brings back the
	 * authorization code (with its PKCE verifier and nonce) and MedAssist redeems it.
	 *
	 * @param issuer the provider's issuer URL (its discovery document is read from there)
	 * @param clientId MedAssist's client id at the provider
	 * @param clientSecret and its secret
	 * @param trustProviderMfa accept the provider's multi-factor login ({@code amr} says so) instead of our TOTP.
	 * Accounts sign in through the provider once an admin has linked them to the provider's {@code sub}
	 */
	record OidcProvider(String issuer, String clientId, @Classification(Level.RESTRICTED) String clientSecret,
			boolean trustProviderMfa) {
	}
}
