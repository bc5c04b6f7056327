package org.medassist.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.AccessDenied;
import org.medassist.identity.Clinic;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Reauthentication;
import org.medassist.identity.StaffAccountChanged;
import org.medassist.identity.StaffLoggedIn;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.identity.internal.IdentityProblems.LoginFailed;
import org.medassist.identity.internal.IdentityProblems.ReauthenticationRequired;
import org.medassist.identity.internal.IdentityProblems.SecondFactorRequired;
import org.medassist.identity.internal.IdentityProblems.SessionEnded;
import org.medassist.identity.internal.StaffAccounts.Account;
import org.medassist.platform.MedAssistException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff login (password, then TOTP or a recovery code), MFA enrolment, refresh, logout and re-authentication.
 * Failures are counted in the account row and refused with one message, whatever was wrong. Work that must
 * stick even though the caller is refused (a failure counted, a replayed token's session revoked) commits
 * before the refusal is thrown.
 */
@Service
class StaffLogins implements Reauthentication {

	/** Compared against when the account does not exist, so that timing does not tell. */
	private final String dummyHash;

	private final Clinics clinics;

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final AccessTokens tokens;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final PasswordPolicy policy;

	private final IdentityProperties properties;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffLogins(Clinics clinics, StaffAccounts accounts, StaffSessions sessions, AccessTokens tokens,
			PasswordEncoder passwords, LoginThrottle throttle, PasswordPolicy policy, IdentityProperties properties,
			TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.policy = policy;
		this.clinics = clinics;
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.properties = properties;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
		this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
	}

	record Credentials(String clinic, String username, @Classification(Level.RESTRICTED) String password,
			@Classification(Level.RESTRICTED) String totp,
			@Classification(Level.RESTRICTED) String recoveryCode) {
	}

	/** The outcome of a login: tokens, or (first login) the right to enrol a second factor. */
	sealed interface LoginResult {
	}

	record SignedIn(@Classification(Level.RESTRICTED) String accessToken,
			@Classification(Level.RESTRICTED) String refreshToken, long expiresIn,
			StaffMember staff) implements LoginResult {
	}

	record EnrolmentRequired(@Classification(Level.RESTRICTED) String enrolmentToken) implements LoginResult {
	}

	LoginResult login(Credentials credentials, String remoteAddress) {
		String clinicSlug = credentials.clinic() == null ? "" : credentials.clinic();
		String username = credentials.username() == null ? "" : credentials.username();
		throttle.check(remoteAddress, clinicSlug, username);
		Optional<Clinic> clinic = clinics.findBySlug(clinicSlug);
		if (clinic.isEmpty() || credentials.password() == null) {
			passwords.matches(String.valueOf(credentials.password()), dummyHash);
			throw denied(null, null, remoteAddress, "login-failed", new LoginFailed());
		}
		ClinicId clinicId = clinic.get().id();
		Object outcome = inClinic(clinicId, () -> attempt(clinicId, username, credentials, remoteAddress));
		if (outcome instanceof MedAssistException refusal) {
			throw refusal;
		}
		LoginResult result = (LoginResult) outcome;
		if (result instanceof SignedIn in) {
			events.publishEvent(new StaffLoggedIn(clock.instant(), in.staff().userId(), clinicId, in.staff().role(),
					in.staff().sessionId(), remoteAddress, credentials.totp() == null));
		}
		return result;
	}

	private Object attempt(ClinicId clinic, String username, Credentials credentials, String remoteAddress) {
		Instant now = clock.instant();
		Optional<Account> found = accounts.lockByUsername(username);
		if (found.isEmpty()) {
			passwords.matches(credentials.password(), dummyHash);
			return denied(null, clinic, remoteAddress, "login-failed", new LoginFailed());
		}
		Account account = found.get();
		boolean passwordOk = passwords.matches(credentials.password(), account.passwordHash());
		if (account.disabled() || account.lockedAt(now)) {
			return denied(account, clinic, remoteAddress, account.disabled() ? "account-disabled" : "account-locked",
					new LoginFailed());
		}
		if (!passwordOk) {
			return failure(account, now, remoteAddress, "bad-password");
		}
		if (!account.mfaEnrolled()) {
			accounts.recordSuccessfulLogin(account.id(), 0);
			return new EnrolmentRequired(tokens.issueEnrolment(account.id(), clinic, account.role()));
		}
		long step = 0;
		if (credentials.totp() != null) {
			OptionalLong accepted = SecondFactor.verify(account.mfaSecret(), credentials.totp(), now,
					account.mfaLastStep());
			if (accepted.isEmpty()) {
				return failure(account, now, remoteAddress, "bad-totp");
			}
			step = accepted.getAsLong();
		}
		else if (credentials.recoveryCode() != null) {
			if (!accounts.useRecoveryCode(account.id(), SecondFactor.recoveryCodeHash(credentials.recoveryCode()),
					now)) {
				return failure(account, now, remoteAddress, "bad-recovery-code");
			}
		}
		else {
			return new SecondFactorRequired();
		}
		accounts.recordSuccessfulLogin(account.id(), step);
		return signIn(account);
	}

	private SignedIn signIn(Account account) {
		StaffSessions.Session session = sessions.open(account.id(), account.clinicId());
		StaffMember staff = new StaffMember(account.id(), account.clinicId(), account.username(), account.role(),
				session.id());
		return new SignedIn(tokens.issue(account.id(), account.clinicId(), account.role(), session.id()),
				sessions.newRefreshToken(session), tokens.ttlSeconds(), staff);
	}

	/** Counts a failure; past the threshold the account locks, for longer with each further failure. */
	private MedAssistException failure(Account account, Instant now, String remoteAddress, String reason) {
		int failed = account.failedLogins() + 1;
		Instant lockedUntil = null;
		if (failed >= properties.lockoutThreshold()) {
			int doublings = Math.min(failed - properties.lockoutThreshold(), 20);
			Duration lock = properties.lockoutBase().multipliedBy(1L << doublings);
			lockedUntil = now.plus(lock.compareTo(properties.lockoutMax()) > 0 ? properties.lockoutMax() : lock);
		}
		accounts.recordFailedLogin(account.id(), failed, lockedUntil);
		return denied(account, account.clinicId(), remoteAddress, reason, new LoginFailed());
	}

	private MedAssistException denied(Account account, ClinicId clinic, String remoteAddress, String reason,
			MedAssistException refusal) {
		events.publishEvent(new AccessDenied(clock.instant(), account == null ? null : account.id(), clinic,
				account == null ? null : account.role().name(), "POST", "/api/v1/auth/login", 401, reason,
				remoteAddress));
		return refusal;
	}

	/**
	 * Completes a login whose first factor an external OpenID Connect provider checked: the account an admin
	 * linked to the provider's subject must exist and be usable; the second factor is the provider's (when trusted
	 * and it says so) or our TOTP, which the account must already have enrolled.
	 */
	LoginResult completeExternalLogin(ClinicId clinic, String subject, boolean providerMfa, String totp,
			String remoteAddress) {
		Object outcome = inClinic(clinic, () -> {
			Instant now = clock.instant();
			Optional<Account> found = subject == null ? Optional.empty() : accounts.lockByExternalSubject(subject);
			if (found.isEmpty()) {
				return denied(null, clinic, remoteAddress, "oidc-unknown-account", new LoginFailed());
			}
			Account account = found.get();
			if (account.disabled() || account.lockedAt(now)) {
				return denied(account, clinic, remoteAddress, "account-disabled-or-locked", new LoginFailed());
			}
			long step = 0;
			if (!providerMfa) {
				// Never enrol a second factor on the strength of the provider's login alone.
				if (!account.mfaEnrolled() || totp == null) {
					return new SecondFactorRequired();
				}
				OptionalLong accepted = SecondFactor.verify(account.mfaSecret(), totp, now, account.mfaLastStep());
				if (accepted.isEmpty()) {
					return failure(account, now, remoteAddress, "bad-totp");
				}
				step = accepted.getAsLong();
			}
			accounts.recordSuccessfulLogin(account.id(), step);
			return signIn(account);
		});
		if (outcome instanceof MedAssistException refusal) {
			throw refusal;
		}
		LoginResult result = (LoginResult) outcome;
		if (result instanceof SignedIn in) {
			events.publishEvent(new StaffLoggedIn(clock.instant(), in.staff().userId(), clinic, in.staff().role(),
					in.staff().sessionId(), remoteAddress, false));
		}
		return result;
	}

	/** A refusal of an external login before any account was found, reported like any failed login. */
	MedAssistException externalLoginFailed(ClinicId clinic, String remoteAddress, String reason) {
		return denied(null, clinic, remoteAddress, reason, new LoginFailed());
	}

	/** Starts enrolment: a new secret (replacing any unconfirmed one), as text, URI and QR code. */
	SecondFactor.Enrolment beginEnrolment(StaffMember staff) {
		return inClinic(staff.clinicId(), () -> {
			Account account = accounts.lock(staff.userId()).orElseThrow(SessionEnded::new);
			if (account.mfaEnrolled() || account.disabled()) {
				throw new SessionEnded();
			}
			String secret = SecondFactor.newSecret();
			accounts.offerMfaSecret(account.id(), secret);
			return SecondFactor.enrolment(secret, account.username(), clinics.get(staff.clinicId()).slug());
		});
	}

	record Enrolled(SignedIn signedIn, @Classification(Level.RESTRICTED) List<String> recoveryCodes) {
	}

	/** Completes enrolment with a first code from the app; returns recovery codes (shown once) and tokens. */
	Enrolled confirmEnrolment(StaffMember staff, String code, String remoteAddress) {
		Object outcome = inClinic(staff.clinicId(), () -> {
			Instant now = clock.instant();
			Account account = accounts.lock(staff.userId()).orElseThrow(SessionEnded::new);
			if (account.mfaEnrolled() || account.disabled() || account.mfaSecret() == null) {
				return new SessionEnded();
			}
			OptionalLong step = SecondFactor.verify(account.mfaSecret(), code, now, account.mfaLastStep());
			if (step.isEmpty()) {
				return failure(account, now, remoteAddress, "bad-totp");
			}
			accounts.enrolMfa(account.id(), account.mfaSecret(), now, step.getAsLong());
			List<String> codes = SecondFactor.newRecoveryCodes();
			accounts.replaceRecoveryCodes(account.id(), account.clinicId(),
					codes.stream().map(SecondFactor::recoveryCodeHash).toList());
			return new Enrolled(signIn(account), codes);
		});
		if (outcome instanceof MedAssistException refusal) {
			throw refusal;
		}
		Enrolled enrolled = (Enrolled) outcome;
		events.publishEvent(new StaffLoggedIn(clock.instant(), staff.userId(), staff.clinicId(), staff.role(),
				enrolled.signedIn().staff().sessionId(), remoteAddress, false));
		return enrolled;
	}

	/** Exchanges a refresh token for new tokens; the old refresh token is spent. */
	SignedIn refresh(String refreshToken) {
		ClinicId clinic = StaffSessions.clinicOf(refreshToken).orElseThrow(SessionEnded::new);
		Object outcome = inClinic(clinic, () -> {
			StaffSessions.Redemption redemption = sessions.redeem(refreshToken);
			if (!(redemption instanceof StaffSessions.Redeemed redeemed)) {
				return new SessionEnded();
			}
			Instant now = clock.instant();
			StaffSessions.Session session = redeemed.session();
			Optional<Account> account = accounts.find(session.userId());
			if (!session.liveAt(now, properties) || account.isEmpty() || account.get().disabled()) {
				sessions.revoke(session.id(), "ended");
				return new SessionEnded();
			}
			sessions.touch(session, now);
			Account a = account.get();
			return new SignedIn(tokens.issue(a.id(), a.clinicId(), a.role(), session.id()),
					sessions.newRefreshToken(session), tokens.ttlSeconds(),
					new StaffMember(a.id(), a.clinicId(), a.username(), a.role(), session.id()));
		});
		if (outcome instanceof MedAssistException refusal) {
			throw refusal;
		}
		return (SignedIn) outcome;
	}

	void logout(StaffMember staff) {
		inClinic(staff.clinicId(), () -> {
			sessions.revoke(staff.sessionId(), "logout");
			return null;
		});
	}

	/** Confirms password and a fresh code; sensitive actions are allowed for a few minutes afterwards. */
	void reauthenticate(StaffMember staff, String password, String totp, String remoteAddress) {
		if (password == null || totp == null) {
			throw new IdentityProblems.InvalidStaffRequest("invalid-reauthentication",
					"'password' and 'totp' are both required.");
		}
		throttle.check(remoteAddress, staff.clinicId().toString(), staff.username());
		Object outcome = inClinic(staff.clinicId(), () -> {
			Instant now = clock.instant();
			Account account = accounts.lock(staff.userId()).orElseThrow(SessionEnded::new);
			if (account.disabled() || account.lockedAt(now)) {
				sessions.revoke(staff.sessionId(), "locked");
				return new LoginFailed();
			}
			if (!passwords.matches(password, account.passwordHash())) {
				return failure(account, now, remoteAddress, "reauthentication-failed");
			}
			OptionalLong step = SecondFactor.verify(account.mfaSecret(), totp, now, account.mfaLastStep());
			if (step.isEmpty()) {
				return failure(account, now, remoteAddress, "reauthentication-failed");
			}
			accounts.recordSuccessfulLogin(account.id(), step.getAsLong());
			sessions.reauthenticated(staff.sessionId(), now);
			return null;
		});
		if (outcome instanceof MedAssistException refusal) {
			throw refusal;
		}
	}

	/**
	 * Changes the caller's own password: the current one is required, the new one must pass the policy, and every
	 * other session of the user ends (a thief's included).
	 */
	void changePassword(StaffMember staff, String current, String replacement, String remoteAddress) {
		if (current == null || replacement == null) {
			throw new IdentityProblems.InvalidStaffRequest("invalid-password-change",
					"'currentPassword' and 'newPassword' are both required.");
		}
		throttle.check(remoteAddress, staff.clinicId().toString(), staff.username());
		String clinicSlug = clinics.get(staff.clinicId()).slug();
		policy.check(replacement, staff.username(), clinicSlug);
		Object outcome = inClinic(staff.clinicId(), () -> {
			Account account = accounts.lock(staff.userId()).orElseThrow(SessionEnded::new);
			if (account.disabled() || account.lockedAt(clock.instant())) {
				sessions.revoke(staff.sessionId(), "locked");
				return new LoginFailed();
			}
			if (!passwords.matches(current, account.passwordHash())) {
				return failure(account, clock.instant(), remoteAddress, "password-change-failed");
			}
			accounts.changePassword(account.id(), passwords.encode(replacement));
			sessions.revokeAllOfExcept(account.id(), staff.sessionId(), "password-changed");
			return null;
		});
		if (outcome instanceof MedAssistException refusal) {
			throw refusal;
		}
		events.publishEvent(new StaffAccountChanged(clock.instant(), staff.userId(), staff.clinicId(), staff.userId(),
				"password-changed"));
	}

	@Override
	public void require(StaffMember staff) {
		requireRecentAuthentication(staff);
	}

	/** Refuses unless the caller confirmed password and code within the re-authentication window. */
	void requireRecentAuthentication(StaffMember staff) {
		Instant at = inClinic(staff.clinicId(),
				() -> sessions.find(staff.sessionId()).map(StaffSessions.Session::reauthenticatedAt).orElse(null));
		if (at == null || at.plus(properties.reauthenticationWindow()).isBefore(clock.instant())) {
			throw new ReauthenticationRequired();
		}
	}

	private <T> T inClinic(ClinicId clinic, Supplier<T> work) {
		return Tenancy.callAs(clinic, () -> tx.execute(status -> work.get()));
	}

}
