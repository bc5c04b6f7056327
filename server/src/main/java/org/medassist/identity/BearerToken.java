package org.medassist.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An unverified bearer token from a request. Modules that issue tokens register an
 * {@link org.springframework.security.authentication.AuthenticationProvider} that supports this type and
 * ignores (returns {@code null} for) tokens that are not theirs.
 */
public final class BearerToken extends AbstractAuthenticationToken {

	private final String token;

	public BearerToken(String token) {
		super(List.of());
		this.token = token;
		setAuthenticated(false);
	}

	public String token() {
		return token;
	}

	@Override
	public Object getCredentials() {
		return token;
	}

	@Override
	public Object getPrincipal() {
		return "bearer";
	}
}
