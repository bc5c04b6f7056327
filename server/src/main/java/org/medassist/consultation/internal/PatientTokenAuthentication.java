package org.medassist.consultation.internal;

import java.util.List;
import java.util.UUID;

import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationId;
import org.medassist.identity.BearerToken;
import org.medassist.identity.ClinicId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates a patient's consultation token ({@code ct_...}). Tokens of other shapes are left to other
 * providers.
 */
@Component
class PatientTokenAuthentication implements AuthenticationProvider {

	static final String ROLE = "ROLE_CONSULTATION_PATIENT";

	private final ConsultationRepository repository;

	PatientTokenAuthentication(ConsultationRepository repository) {
		this.repository = repository;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerToken) authentication).token();
		if (!token.startsWith(AccessToken.PREFIX)) {
			return null;
		}
		ConsultationAccess access = resolve(token);
		if (access == null) {
			throw new BadCredentialsException("unknown consultation token");
		}
		return new Authenticated(access);
	}

	/** The consultation a token opens, or {@code null}. */
	ConsultationAccess resolve(String token) {
		if (!AccessToken.looksLikeOne(token)) {
			return null;
		}
		return repository.findByAccessTokenHash(new AccessToken(token).hash())
			.map(row -> new ConsultationAccess(new ConsultationId(row.consultationId()),
					new ClinicId(row.clinicId())))
			.orElse(null);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerToken.class.isAssignableFrom(authentication);
	}

	static final class Authenticated extends AbstractAuthenticationToken {

		private final ConsultationAccess access;

		Authenticated(ConsultationAccess access) {
			super(List.of(new SimpleGrantedAuthority(ROLE)));
			this.access = access;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public ConsultationAccess getPrincipal() {
			return access;
		}

		UUID consultationId() {
			return access.consultationId().value();
		}
	}
}
