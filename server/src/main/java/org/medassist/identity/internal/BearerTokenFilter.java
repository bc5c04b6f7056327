package org.medassist.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medassist.identity.BearerToken;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without the header continues anonymously (and
 * is refused later if the endpoint needs a caller); a request with a malformed or unknown token is refused
 * here with 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final AuthenticationManager tokens;

	private final AuthenticationEntryPoint unauthenticated;

	BearerTokenFilter(AuthenticationManager tokens, AuthenticationEntryPoint unauthenticated) {
		this.tokens = tokens;
		this.unauthenticated = unauthenticated;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() == PREFIX.length()) {
				throw new BadCredentialsException("malformed Authorization header");
			}
			Authentication caller = tokens.authenticate(new BearerToken(header.substring(PREFIX.length()).trim()));
			SecurityContextHolder.getContext().setAuthentication(caller);
		}
		catch (AuthenticationException e) {
			SecurityContextHolder.clearContext();
			unauthenticated.commence(request, response, e);
			return;
		}
		chain.doFilter(request, response);
	}
}
