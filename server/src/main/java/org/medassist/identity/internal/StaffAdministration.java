package org.medassist.identity.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.Clinics;
import org.medassist.identity.StaffAccountChanged;
import org.medassist.identity.StaffMember;
import org.medassist.identity.StaffRole;
import org.medassist.identity.Tenancy;
import org.medassist.identity.internal.IdentityProblems.InvalidStaffRequest;
import org.medassist.identity.internal.IdentityProblems.StaffMemberNotFound;
import org.medassist.identity.internal.IdentityProblems.UsernameTaken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic admin manages the clinic's staff: always within the admin's own clinic (a clinic named in a request
 * is never read), and every change only after a fresh password + code confirmation. Changes count at once:
 * the next request of the affected user is checked against the new state; disabling and MFA reset also end
 * the user's sessions.
 */
@RestController
@Tag(name = "Clinic administration")
class StaffAdministration {

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final StaffLogins logins;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final Clinics clinics;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAdministration(StaffAccounts accounts, StaffSessions sessions, StaffLogins logins, PasswordPolicy policy,
			PasswordEncoder passwords, Clinics clinics, TransactionTemplate tx, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.logins = logins;
		this.policy = policy;
		this.passwords = passwords;
		this.clinics = clinics;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	/** @param chargeNurse a nurse in charge: takes the cases escalated past the nurses' target */
	record StaffView(UUID id, String username, String displayName, StaffRole role, boolean mfaEnrolled,
			boolean disabled, boolean locked, Instant createdAt, boolean chargeNurse) {

		static StaffView of(StaffAccounts.Account a, Instant now) {
			return new StaffView(a.id(), a.username(), a.displayName(), a.role(), a.mfaEnrolled(), a.disabled(),
					a.lockedAt(now), a.createdAt(), a.chargeNurse());
		}
	}

	record NewStaffMember(String username, String displayName, StaffRole role,
			@Classification(Level.RESTRICTED) String password) {
	}

	/**
	 * @param unlock clear a lockout after failed logins
	 * @param externalSubject link the account to this subject ({@code sub}) at the clinic's OpenID provider
	 * @param chargeNurse put a nurse in charge (or end it); only a nurse can be
	 */
	record StaffChange(StaffRole role, Boolean disabled, Boolean unlock, String externalSubject, Boolean chargeNurse) {
	}

	@GetMapping("/api/v1/admin/staff")
	@Operation(summary = "The clinic's staff accounts", security = @SecurityRequirement(name = "bearer"))
	List<StaffView> list(@AuthenticationPrincipal StaffMember admin) {
		Instant now = clock.instant();
		return Tenancy.callAs(admin.clinicId(),
				() -> tx.execute(s -> accounts.all().stream().map(a -> StaffView.of(a, now)).toList()));
	}

	@PostMapping("/api/v1/admin/staff")
	@Operation(summary = "Create a staff account (the user enrols MFA at first login)",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<StaffView> create(@AuthenticationPrincipal StaffMember admin, @RequestBody NewStaffMember request) {
		logins.requireRecentAuthentication(admin);
		String username = request.username() == null ? "" : request.username().trim().toLowerCase();
		if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			throw new InvalidStaffRequest("invalid-username",
					"'username' must be 2-64 lower-case letters, digits, '.', '_' or '-'.");
		}
		if (request.role() == null) {
			throw new InvalidStaffRequest("invalid-role",
					"'role' is required: NURSE, PHYSICIAN, CLINIC_ADMIN or AUDITOR.");
		}
		String displayName = request.displayName() == null || request.displayName().isBlank() ? username
				: request.displayName().trim();
		if (displayName.length() > 200) {
			throw new InvalidStaffRequest("invalid-display-name", "'displayName' may have at most 200 characters.");
		}
		policy.check(request.password(), username, clinics.get(admin.clinicId()).slug());
		Instant now = clock.instant();
		StaffAccounts.Account account = new StaffAccounts.Account(UUID.randomUUID(), admin.clinicId(), username,
				displayName, request.role(), passwords.encode(request.password()), null, null, 0, 0, null, null, now,
				true, false); // set by the admin: temporary until its owner changes it
		try {
			Tenancy.runAs(admin.clinicId(), () -> tx.executeWithoutResult(s -> accounts.insert(account)));
		}
		catch (DuplicateKeyException e) {
			throw new UsernameTaken();
		}
		changed(admin, account.id(), "created:" + request.role());
		return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + account.id()))
			.body(StaffView.of(account, now));
	}

	@PatchMapping("/api/v1/admin/staff/{id}")
	@Operation(summary = "Change a role, or disable / enable an account; effective at once",
			security = @SecurityRequirement(name = "bearer"))
	StaffView change(@AuthenticationPrincipal StaffMember admin, @PathVariable UUID id,
			@RequestBody StaffChange request) {
		if (request.role() == null && request.disabled() == null && request.unlock() == null
				&& request.externalSubject() == null && request.chargeNurse() == null) {
			throw new InvalidStaffRequest("empty-change",
					"Send 'role', 'disabled', 'unlock', 'externalSubject' or 'chargeNurse'.");
		}
		if (request.externalSubject() != null
				&& (request.externalSubject().isBlank() || request.externalSubject().length() > 255)) {
			throw new InvalidStaffRequest("invalid-external-subject", "'externalSubject' must be 1-255 characters.");
		}
		StaffAccounts.Account target = existing(admin, id);
		StaffRole roleAfter = request.role() != null ? request.role() : target.role();
		if (Boolean.TRUE.equals(request.chargeNurse()) && roleAfter != StaffRole.NURSE) {
			throw new InvalidStaffRequest("invalid-charge-nurse", "Only a nurse can be put in charge.");
		}
		logins.requireRecentAuthentication(admin);
		if (id.equals(admin.userId())) {
			throw new InvalidStaffRequest("own-account",
					"You cannot change your own role or disable yourself; ask another clinic admin.");
		}
		Instant now = clock.instant();
		StaffAccounts.Account after;
		try {
			after = Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> {
			if (request.role() != null && request.role() != target.role()) {
				accounts.changeRole(id, request.role());
				sessions.revokeAllOf(id, "role-changed");
			}
			if (Boolean.TRUE.equals(request.disabled()) && !target.disabled()) {
				accounts.disable(id, now);
				sessions.revokeAllOf(id, "disabled");
			}
			else if (Boolean.FALSE.equals(request.disabled()) && target.disabled()) {
				accounts.enable(id);
			}
			if (Boolean.TRUE.equals(request.unlock())) {
				accounts.unlock(id);
			}
			if (request.externalSubject() != null) {
				accounts.linkExternalSubject(id, request.externalSubject());
			}
			// A duty, not a role: the nurse's sessions and permissions stay as they are.
			if (request.chargeNurse() != null) {
				accounts.setChargeNurse(id, request.chargeNurse());
			}
			return accounts.find(id).orElseThrow(StaffMemberNotFound::new);
			}));
		}
		catch (DuplicateKeyException e) {
			throw new IdentityProblems.ExternalSubjectTaken();
		}
		changed(admin, id, (request.role() != null ? "role:" + request.role() + " " : "")
				+ (request.disabled() != null ? "disabled:" + request.disabled() + " " : "")
				+ (Boolean.TRUE.equals(request.unlock()) ? "unlocked " : "")
				+ (request.externalSubject() != null ? "linked-external-subject " : "")
				+ (request.chargeNurse() != null ? "charge-nurse:" + request.chargeNurse() : ""));
		return StaffView.of(after, now);
	}

	@PostMapping("/api/v1/admin/staff/{id}/mfa-reset")
	@Operation(summary = "Remove a user's second factor (they enrol again at next login) and end their sessions",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> resetMfa(@AuthenticationPrincipal StaffMember admin, @PathVariable UUID id) {
		existing(admin, id);
		logins.requireRecentAuthentication(admin);
		Tenancy.runAs(admin.clinicId(), () -> tx.executeWithoutResult(s -> {
			accounts.resetMfa(id);
			sessions.revokeAllOf(id, "mfa-reset");
		}));
		changed(admin, id, "mfa-reset");
		return ResponseEntity.noContent().build();
	}

	/** Another clinic's account does not exist, as far as this admin can tell. */
	private StaffAccounts.Account existing(StaffMember admin, UUID id) {
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> accounts.find(id)))
			.orElseThrow(StaffMemberNotFound::new);
	}

	private void changed(StaffMember admin, UUID account, String change) {
		events.publishEvent(new StaffAccountChanged(clock.instant(), admin.userId(), admin.clinicId(), account,
				change.trim()));
	}
}
