package org.medassist.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medassist.identity.BearerToken;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authenticates staff access tokens. After the signature and claims, every request checks the database: the
 * account exists and is enabled, its role is still the one in the token, and the session is live (not logged
 * out, not idle for 30 minutes, not older than 12 hours). So disabling a user, changing a role or logging out
 * takes effect at once, not when the token expires.
 */
@Component
class StaffTokenAuthentication implements AuthenticationProvider {

	/** Authority of an enrolment token: it opens the MFA enrolment endpoints and nothing else. */
	static final String MFA_ENROLMENT = "MFA_ENROLMENT";

	/** Authority of an account whose password someone else set: it may only change it (and see who it is). */
	static final String PASSWORD_CHANGE = "PASSWORD_CHANGE_REQUIRED";

	private final AccessTokens tokens;

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final IdentityProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	StaffTokenAuthentication(AccessTokens tokens, StaffAccounts accounts, StaffSessions sessions,
			IdentityProperties properties, TransactionTemplate tx, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.sessions = sessions;
		this.properties = properties;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerToken) authentication).token();
		if (!AccessTokens.looksLikeOne(token)) {
			return null;
		}
		AccessTokens.Claims claims = tokens.verify(token);
		Current current = Tenancy.callAs(claims.clinicId(), () -> tx.execute(status -> current(claims)))
			.orElseThrow(() -> new BadCredentialsException("account or session no longer valid"));
		String authority = claims.enrolmentOnly() ? MFA_ENROLMENT
				: current.passwordMustChange() ? PASSWORD_CHANGE : current.staff().role().authority();
		return new Authenticated(current.staff(), authority);
	}

	private record Current(StaffMember staff, boolean passwordMustChange) {
	}

	private Optional<Current> current(AccessTokens.Claims claims) {
		Instant now = clock.instant();
		Optional<StaffAccounts.Account> account = accounts.find(claims.userId());
		if (account.isEmpty() || account.get().disabled() || account.get().role() != claims.role()
				|| !account.get().clinicId().equals(claims.clinicId())) {
			return Optional.empty();
		}
		StaffAccounts.Account a = account.get();
		if (claims.enrolmentOnly()) {
			return a.mfaEnrolled() ? Optional.empty()
					: Optional.of(new Current(new StaffMember(a.id(), a.clinicId(), a.username(), a.role(), null), false));
		}
		Optional<StaffSessions.Session> session = sessions.find(claims.sessionId());
		if (session.isEmpty() || !session.get().userId().equals(a.id()) || !session.get().liveAt(now, properties)) {
			return Optional.empty();
		}
		sessions.touch(session.get(), now);
		return Optional.of(new Current(new StaffMember(a.id(), a.clinicId(), a.username(), a.role(), session.get().id()),
				a.passwordMustChange()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerToken.class.isAssignableFrom(authentication);
	}

	static final class Authenticated extends AbstractAuthenticationToken {

		private final StaffMember staff;

		Authenticated(StaffMember staff, String authority) {
			super(List.of(new SimpleGrantedAuthority(authority)));
			this.staff = staff;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public StaffMember getPrincipal() {
			return staff;
		}

		@Override
		public String getName() {
			return staff.userId().toString();
		}
	}
}
