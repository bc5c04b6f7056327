package org.medassist.identity.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffRole;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * Staff access tokens: JWTs signed with RS256 under a {@code kid}, typed {@code at+jwt} (RFC 9068), short-lived.
 * Verification accepts RS256 only (so neither {@code alg: none} nor an HMAC signed with the public key gets
 * through), requires our issuer and audience, and checks expiry and not-before with 30 seconds of skew.
 */
@Component
class AccessTokens {

	static final JOSEObjectType ACCESS = new JOSEObjectType("at+jwt");

	/** A token that only lets a user enrol their second factor, given after a correct password. */
	static final String ENROLMENT_SCOPE = "mfa-enrolment";

	private static final int SKEW_SECONDS = 30;

	private final SigningKeys keys;

	private final IdentityProperties properties;

	private final Clock clock;

	private final DefaultJWTProcessor<SecurityContext> processor;

	AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.processor = new DefaultJWTProcessor<>();
		JWKSource<SecurityContext> source = (selector, context) -> selector
			.select(keys.verification(selector.getMatcher().getKeyIDs().stream().findFirst().orElse(null)));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(ACCESS));
		DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(properties.audience(),
				new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
				Set.of("sub", "clinic", "role", "exp", "iat", "nbf", "jti")) {
			@Override
			protected Date currentTime() {
				return Date.from(clock.instant());
			}
		};
		claims.setMaxClockSkew(SKEW_SECONDS);
		processor.setJWTClaimsSetVerifier(claims);
	}

	/** What a verified token says. {@code sessionId} is null for an enrolment token. */
	record Claims(UUID userId, ClinicId clinicId, StaffRole role, UUID sessionId, String scope) {

		boolean enrolmentOnly() {
			return ENROLMENT_SCOPE.equals(scope);
		}
	}

	String issue(UUID userId, ClinicId clinic, StaffRole role, UUID sessionId) {
		return sign(userId, clinic, role, sessionId, null, properties.accessTokenTtl().toSeconds());
	}

	String issueEnrolment(UUID userId, ClinicId clinic, StaffRole role) {
		return sign(userId, clinic, role, null, ENROLMENT_SCOPE, 600);
	}

	long ttlSeconds() {
		return properties.accessTokenTtl().toSeconds();
	}

	private String sign(UUID userId, ClinicId clinic, StaffRole role, UUID sessionId, String scope, long ttl) {
		RSAKey key = keys.signing();
		Instant now = clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(properties.issuer())
			.audience(properties.audience())
			.subject(userId.toString())
			.claim("clinic", clinic.toString())
			.claim("role", role.name())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(ttl)))
			.jwtID(UUID.randomUUID().toString());
		if (sessionId != null) {
			claims.claim("sid", sessionId.toString());
		}
		if (scope != null) {
			claims.claim("scope", scope);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(ACCESS).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("cannot sign an access token", e);
		}
		return jwt.serialize();
	}

	/** Verifies signature, type, issuer, audience and times; throws {@link BadCredentialsException} otherwise. */
	Claims verify(String token) {
		try {
			JWTClaimsSet claims = processor.process(token, null);
			String sid = claims.getStringClaim("sid");
			String scope = claims.getStringClaim("scope");
			if (sid == null && !ENROLMENT_SCOPE.equals(scope)) {
				throw new BadCredentialsException("access token without a session");
			}
			List<String> audience = claims.getAudience();
			if (audience.size() != 1) {
				throw new BadCredentialsException("access token for other audiences");
			}
			return new Claims(UUID.fromString(claims.getSubject()),
					new ClinicId(UUID.fromString(claims.getStringClaim("clinic"))),
					StaffRole.valueOf(claims.getStringClaim("role")), sid == null ? null : UUID.fromString(sid), scope);
		}
		catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
			throw new BadCredentialsException("invalid access token");
		}
	}

	/** A JWT (three base64url parts) rather than another kind of bearer token. */
	static boolean looksLikeOne(String token) {
		return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
	}

}
