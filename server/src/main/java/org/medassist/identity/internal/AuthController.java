package org.medassist.identity.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.StaffMember;
import org.medassist.identity.StaffRole;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff login, MFA enrolment, token refresh, logout and re-authentication. */
@RestController
@Tag(name = "Staff authentication")
class AuthController {

	private final StaffLogins logins;

	private final SigningKeys keys;

	private final OidcLogins oidc;

	AuthController(StaffLogins logins, SigningKeys keys, OidcLogins oidc) {
		this.logins = logins;
		this.keys = keys;
		this.oidc = oidc;
	}

	record LoginRequest(String clinic, String username, @Classification(Level.RESTRICTED) String password,
			@Classification(Level.RESTRICTED) String totp,
			@Classification(Level.RESTRICTED) String recoveryCode) {
	}

	/**
	 * {@code status} is {@code AUTHENTICATED} with tokens, or {@code MFA_ENROLMENT_REQUIRED} with an
	 * {@code enrolmentToken} that opens only the enrolment endpoints.
	 */
	record LoginResponse(String status, @Classification(Level.RESTRICTED) String accessToken,
			@Classification(Level.RESTRICTED) String refreshToken, String tokenType, Long expiresIn,
			StaffRole role, @Classification(Level.RESTRICTED) String enrolmentToken,
			@Classification(Level.RESTRICTED) List<String> recoveryCodes) {

		static LoginResponse of(StaffLogins.SignedIn in, List<String> recoveryCodes) {
			return new LoginResponse("AUTHENTICATED", in.accessToken(), in.refreshToken(), "Bearer", in.expiresIn(),
					in.staff().role(), null, recoveryCodes);
		}
	}

	record RefreshRequest(@Classification(Level.RESTRICTED) String refreshToken) {
	}

	record CodeRequest(@Classification(Level.RESTRICTED) String code) {
	}

	record ReauthenticationRequest(@Classification(Level.RESTRICTED) String password,
			@Classification(Level.RESTRICTED) String totp) {
	}

	record PasswordChange(@Classification(Level.RESTRICTED) String currentPassword,
			@Classification(Level.RESTRICTED) String newPassword) {
	}

	/** @param passwordChangeRequired the password was set by someone else: change it before anything else */
	record Me(String userId, String clinicId, String username, StaffRole role, boolean passwordChangeRequired) {
	}

	@PostMapping("/api/v1/auth/login")
	@Operation(summary = "Staff login: clinic, user name, password and TOTP code (or a recovery code)")
	LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
		return respond(logins.login(new StaffLogins.Credentials(request.clinic(), request.username(),
				request.password(), request.totp(), request.recoveryCode()), http.getRemoteAddr()));
	}

	private static LoginResponse respond(StaffLogins.LoginResult result) {
		if (result instanceof StaffLogins.EnrolmentRequired enrolment) {
			return new LoginResponse("MFA_ENROLMENT_REQUIRED", null, null, null, null, null,
					enrolment.enrolmentToken(), null);
		}
		return LoginResponse.of((StaffLogins.SignedIn) result, null);
	}

	@GetMapping("/api/v1/auth/oidc/{clinic}")
	@Operation(summary = "Where to send a member of staff to sign in with the clinic's OpenID Connect provider")
	OidcLogins.Start oidcStart(@PathVariable String clinic) {
		return oidc.start(clinic);
	}

	@PostMapping("/api/v1/auth/oidc/login")
	@Operation(summary = "Finish an OpenID Connect sign-in: the authorization code, PKCE verifier and nonce")
	LoginResponse oidcLogin(@RequestBody OidcLogins.Callback request, HttpServletRequest http) {
		return respond(oidc.login(request, http.getRemoteAddr()));
	}

	@PostMapping("/api/v1/auth/mfa/enrolment")
	@Operation(summary = "Start TOTP enrolment: a new secret, its otpauth URI and QR code",
			security = @SecurityRequirement(name = "bearer"))
	SecondFactor.Enrolment beginEnrolment(@AuthenticationPrincipal StaffMember staff) {
		return logins.beginEnrolment(staff);
	}

	@PostMapping("/api/v1/auth/mfa/enrolment/confirm")
	@Operation(summary = "Finish enrolment with a first code; returns tokens and recovery codes (shown once)",
			security = @SecurityRequirement(name = "bearer"))
	LoginResponse confirmEnrolment(@AuthenticationPrincipal StaffMember staff, @RequestBody CodeRequest request,
			HttpServletRequest http) {
		StaffLogins.Enrolled enrolled = logins.confirmEnrolment(staff, request.code(), http.getRemoteAddr());
		return LoginResponse.of(enrolled.signedIn(), enrolled.recoveryCodes());
	}

	@PostMapping("/api/v1/auth/refresh")
	@Operation(summary = "New tokens for a refresh token (which is spent)")
	LoginResponse refresh(@RequestBody RefreshRequest request) {
		return LoginResponse.of(logins.refresh(request.refreshToken()), null);
	}

	@PostMapping("/api/v1/auth/logout")
	@Operation(summary = "End this session", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> logout(@AuthenticationPrincipal StaffMember staff) {
		logins.logout(staff);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/reauthenticate")
	@Operation(summary = "Confirm password and code before a sensitive action", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> reauthenticate(@AuthenticationPrincipal StaffMember staff,
			@RequestBody ReauthenticationRequest request, HttpServletRequest http) {
		logins.reauthenticate(staff, request.password(), request.totp(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/password")
	@Operation(summary = "Change your password; your other sessions end", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal StaffMember staff, @RequestBody PasswordChange request,
			HttpServletRequest http) {
		logins.changePassword(staff, request.currentPassword(), request.newPassword(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/auth/me")
	@Operation(summary = "Who the access token belongs to", security = @SecurityRequirement(name = "bearer"))
	Me me(@AuthenticationPrincipal StaffMember staff, org.springframework.security.core.Authentication caller) {
		boolean mustChange = caller.getAuthorities().stream()
			.anyMatch(a -> StaffTokenAuthentication.PASSWORD_CHANGE.equals(a.getAuthority()));
		return new Me(staff.userId().toString(), staff.clinicId().toString(), staff.username(), staff.role(),
				mustChange);
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "Public keys that verify MedAssist access tokens")
	Map<String, Object> jwks() {
		return keys.publicKeys().toJSONObject();
	}
}
