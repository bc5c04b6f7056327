package org.medassist.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.StaffClient;
import org.medassist.testing.StaffClient.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * Staff login with password and TOTP, enrolment, recovery codes, lockout, rate limits, refresh-token rotation,
 * logout, session timeouts, and changes by an admin that take effect at once. All over HTTP against the running
 * application and its PostgreSQL.
 */
@ManyLogins
class StaffAuthenticationTest extends ApplicationTest {

	private static final String ADMIN_PASSWORD = "admin-demo-password";

	@Test
	void aDemoNurseLogsInWithPasswordAndCodeAndTheTokenSaysWhoSheIs() {
		Tokens tokens = staff.loginDemo("demo", "nurse", "nurse-demo-password");
		Reply me = staff.get("/api/v1/auth/me", tokens.accessToken());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("username").asString()).isEqualTo("nurse");
		assertThat(me.body().get("role").asString()).isEqualTo("NURSE");
		assertThat(events.of(StaffLoggedIn.class)).anyMatch(e -> e.role() == StaffRole.NURSE);
	}

	@Test
	void aWrongPasswordIsRefusedWithTheSameMessageAsAnUnknownUserAndReported() {
		Reply wrongPassword = staff.loginReply("demo", "physician", "not-the-password", "123456");
		Reply unknownUser = staff.loginReply("demo", "nobody-here", "not-the-password", "123456");
		Reply unknownClinic = staff.loginReply("no-such-clinic", "nurse", "nurse-demo-password", "123456");
		for (Reply reply : List.of(wrongPassword, unknownUser, unknownClinic)) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.problemType()).isEqualTo("urn:medassist:problem:login-failed");
			assertThat(reply.body().get("detail").asString()).isEqualTo(wrongPassword.body().get("detail").asString());
		}
		assertThat(events.of(AccessDenied.class)).anyMatch(e -> "bad-password".equals(e.reason()));
	}

	@Test
	void wrongReusedAndExpiredCodesAreRefused() {
		String clinic = "demo";
		Reply wrong = staff.loginReply(clinic, "auditor", "auditor-demo-password", "000000".equals(
				StaffClient.code(StaffClient.DEMO_SECRET, StaffClient.stepNow())) ? "111111" : "000000");
		assertThat(wrong.status()).isEqualTo(401);

		String code = staff.freshCode(clinic, "auditor", StaffClient.DEMO_SECRET);
		assertThat(staff.loginReply(clinic, "auditor", "auditor-demo-password", code).status()).isEqualTo(200);
		Reply reused = staff.loginReply(clinic, "auditor", "auditor-demo-password", code);
		assertThat(reused.status()).as("the same code twice").isEqualTo(401);

		// Forget the last step used, so that only the code's age can refuse it.
		database.sql("UPDATE staff_user SET mfa_last_step = 0 WHERE username = 'auditor'").update();
		String expired = StaffClient.code(StaffClient.DEMO_SECRET, StaffClient.stepNow() - 4);
		assertThat(staff.loginReply(clinic, "auditor", "auditor-demo-password", expired).status()).isEqualTo(401);

		Reply noCode = staff.loginReply(clinic, "auditor", "auditor-demo-password", null);
		assertThat(noCode.status()).isEqualTo(401);
		assertThat(noCode.problemType()).isEqualTo("urn:medassist:problem:mfa-required");
	}

	@Test
	void aNewMemberOfStaffEnrolsMfaAndEachRecoveryCodeWorksOnce() {
		NewUser user = createUser("enrolling-nurse", "NURSE");
		Reply first = staff.loginReply("demo", user.username(), user.password(), null);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("status").asString()).isEqualTo("MFA_ENROLMENT_REQUIRED");
		String enrolmentToken = first.body().get("enrolmentToken").asString();
		assertThat(staff.get("/api/v1/auth/me", enrolmentToken).status())
			.as("an enrolment token opens nothing else").isEqualTo(403);

		Reply enrolment = staff.post("/api/v1/auth/mfa/enrolment", "{}", enrolmentToken);
		assertThat(enrolment.status()).isEqualTo(200);
		String secret = enrolment.body().get("secret").asString();
		assertThat(enrolment.body().get("otpauthUri").asString()).startsWith("otpauth://totp/");
		assertThat(enrolment.body().get("qrCode").asString()).startsWith("data:image/png;base64,");

		Reply confirmed = staff.post("/api/v1/auth/mfa/enrolment/confirm",
				"{\"code\":\"" + staff.freshCode("demo", user.username(), secret) + "\"}", enrolmentToken);
		assertThat(confirmed.status()).isEqualTo(200);
		List<String> recoveryCodes = confirmed.body().get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(staff.get("/api/v1/auth/me", confirmed.body().get("accessToken").asString()).status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/auth/mfa/enrolment", "{}", enrolmentToken).status())
			.as("the enrolment token is spent once MFA is enrolled").isEqualTo(401);

		String recovery = "{\"clinic\":\"demo\",\"username\":\"%s\",\"password\":\"%s\",\"recoveryCode\":\"%s\"}"
			.formatted(user.username(), user.password(), recoveryCodes.get(3));
		assertThat(staff.post("/api/v1/auth/login", recovery, null).status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/auth/login", recovery, null).status()).as("a recovery code works once")
			.isEqualTo(401);
		assertThat(database.sql("SELECT count(*) FROM staff_recovery_code WHERE code_hash = sha256(convert_to(?, 'UTF8'))")
			.param(recoveryCodes.get(0).replace("-", "")).query(Integer.class).single()).as("stored as SHA-256").isOne();
	}

	@Test
	void repeatedFailuresLockTheAccountEvenForTheRightPasswordThenTheRateLimitStopsTheClient() {
		NewUser user = createUser("locking-nurse", "NURSE");
		for (int i = 0; i < 5; i++) {
			assertThat(staff.loginReply("demo", user.username(), "wrong-password-" + i, null).status()).isEqualTo(401);
		}
		assertThat(database.sql("SELECT locked_until > now() FROM staff_user WHERE username = ?")
			.param(user.username()).query(Boolean.class).single()).isTrue();
		Reply rightPassword = staff.loginReply("demo", user.username(), user.password(), null);
		assertThat(rightPassword.status()).as("locked: even the right password is refused").isEqualTo(401);
		assertThat(events.of(AccessDenied.class)).anyMatch(e -> "account-locked".equals(e.reason()));

		int tooMany = 0;
		for (int i = 0; i < 4; i++) {
			if (staff.loginReply("demo", user.username(), "wrong", null).status() == 429) {
				tooMany++;
			}
		}
		assertThat(tooMany).as("8 attempts a minute per account, then 429").isGreaterThanOrEqualTo(2);
	}

	@Test
	void aRefreshTokenWorksOnceAndItsReuseEndsTheSession() {
		Tokens tokens = staff.loginDemo("demo", "physician", "physician-demo-password");
		Reply refreshed = refresh(tokens.refreshToken());
		assertThat(refreshed.status()).isEqualTo(200);
		String newAccess = refreshed.body().get("accessToken").asString();
		String newRefresh = refreshed.body().get("refreshToken").asString();
		assertThat(newRefresh).isNotEqualTo(tokens.refreshToken());
		assertThat(staff.get("/api/v1/auth/me", newAccess).status()).isEqualTo(200);

		Reply replay = refresh(tokens.refreshToken());
		assertThat(replay.status()).isEqualTo(401);
		assertThat(refresh(newRefresh).status()).as("the whole session is revoked").isEqualTo(401);
		assertThat(staff.get("/api/v1/auth/me", newAccess).status()).isEqualTo(401);
	}

	@Test
	void logoutEndsTheSessionAtOnce() {
		Tokens tokens = staff.loginDemo("other", "nurse", "other-demo-password");
		assertThat(staff.post("/api/v1/auth/logout", "", tokens.accessToken()).status()).isEqualTo(204);
		assertThat(staff.get("/api/v1/auth/me", tokens.accessToken()).status()).isEqualTo(401);
		assertThat(refresh(tokens.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void aSessionEndsAfterThirtyMinutesIdleOrTwelveHours() {
		Tokens idle = staff.loginDemo("demo", "nurse", "nurse-demo-password");
		database.sql("UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE id = ?::uuid")
			.param(sessionOf(idle)).update();
		assertThat(staff.get("/api/v1/auth/me", idle.accessToken()).status()).isEqualTo(401);
		assertThat(refresh(idle.refreshToken()).status()).isEqualTo(401);

		Tokens old = staff.loginDemo("demo", "nurse", "nurse-demo-password");
		assertThat(staff.get("/api/v1/auth/me", old.accessToken()).status()).isEqualTo(200);
		database.sql("UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE id = ?::uuid")
			.param(sessionOf(old)).update();
		assertThat(staff.get("/api/v1/auth/me", old.accessToken()).status()).isEqualTo(401);
		assertThat(refresh(old.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void disablingAUserOrChangingTheirRoleTakesEffectOnTheirNextRequest() {
		NewUser user = createUser("changing-nurse", "NURSE");
		Tokens userTokens = enrolAndLogin(user);
		assertThat(staff.get("/api/v1/auth/me", userTokens.accessToken()).status()).isEqualTo(200);
		Tokens admin = adminReauthenticated();

		Reply promoted = staff.send("PATCH", "/api/v1/admin/staff/" + user.id(), "{\"role\":\"PHYSICIAN\"}",
				admin.accessToken());
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/auth/me", userTokens.accessToken()).status()).isEqualTo(401);

		Tokens again = enrolledLogin(user);
		assertThat(staff.get("/api/v1/auth/me", again.accessToken()).body().get("role").asString()).isEqualTo("PHYSICIAN");
		assertThat(staff.send("PATCH", "/api/v1/admin/staff/" + user.id(), "{\"disabled\":true}", admin.accessToken())
			.status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/auth/me", again.accessToken()).status()).isEqualTo(401);
		assertThat(staff.loginReply("demo", user.username(), user.password(),
				staff.freshCode("demo", user.username(), secrets.get(user.id()))).status()).isEqualTo(401);
		assertThat(events.of(StaffAccountChanged.class)).anyMatch(e -> e.accountId().equals(user.id())
				&& e.change().contains("disabled:true"));
	}

	@Test
	void sensitiveActionsNeedAFreshPasswordAndCode() {
		Tokens admin = staff.loginDemo("demo", "admin", ADMIN_PASSWORD);
		// The login itself counts as authentication; make it stale.
		database.sql("UPDATE staff_session SET reauthenticated_at = now() - interval '1 hour' WHERE id = ?::uuid")
			.param(sessionOf(admin)).update();
		String body = "{\"username\":\"needs-reauth\",\"role\":\"NURSE\",\"password\":\"a-long-enough-secret-phrase\"}";
		Reply refused = staff.post("/api/v1/admin/staff", body, admin.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("urn:medassist:problem:reauthentication-required");
		staff.reauthenticate("demo", "admin", ADMIN_PASSWORD, StaffClient.DEMO_SECRET, admin.accessToken());
		assertThat(staff.post("/api/v1/admin/staff", body, admin.accessToken()).status()).isEqualTo(201);

		// An export of the audit trail leaves the system: the same rule.
		Tokens auditor = staff.loginDemo("demo", "auditor", "auditor-demo-password");
		database.sql("UPDATE staff_session SET reauthenticated_at = now() - interval '1 hour' WHERE id = ?::uuid")
			.param(sessionOf(auditor)).update();
		Reply export = staff.get("/api/v1/audit/export", auditor.accessToken());
		assertThat(export.status()).isEqualTo(403);
		assertThat(export.problemType()).isEqualTo("urn:medassist:problem:reauthentication-required");
	}

	@Test
	void weakPasswordsAreRefusedWithAReason() {
		Tokens admin = adminReauthenticated();
		for (String weak : List.of("short", "password1234", "aaaaaaaaaaaaaaa", "my-weak-nurse-x-password-nurse-x")) {
			Reply reply = staff.post("/api/v1/admin/staff", PatientClient.JSON.writeValueAsString(
					Map.of("username", "nurse-x", "role", "NURSE", "password", weak)), admin.accessToken());
			assertThat(reply.status()).as(weak).isEqualTo(400);
			assertThat(reply.problemType()).isEqualTo("urn:medassist:problem:weak-password");
		}
		assertThat(database.sql("SELECT count(*) FROM staff_user WHERE username = 'nurse-x'").query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMemberOfStaffChangesTheirPasswordAndTheirOtherSessionsEnd() {
		NewUser user = createUser("renaming-nurse", "NURSE");
		Tokens here = enrolAndLogin(user);
		// The admin chose this password: until its owner changes it, the account can do nothing else.
		assertThat(staff.get("/api/v1/auth/me", here.accessToken()).body().get("passwordChangeRequired").asBoolean())
			.isTrue();
		assertThat(staff.get("/api/v1/review/queue", here.accessToken()).status()).isEqualTo(403);
		Tokens elsewhere = enrolledLogin(user);
		String change = "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}";
		Reply wrongCurrent = staff.post("/api/v1/auth/password", change.formatted("not-it", "a-new-long-pass-phrase"),
				here.accessToken());
		assertThat(wrongCurrent.status()).isEqualTo(401);
		Reply weak = staff.post("/api/v1/auth/password", change.formatted(user.password(), "password1234"),
				here.accessToken());
		assertThat(weak.problemType()).isEqualTo("urn:medassist:problem:weak-password");
		assertThat(staff.post("/api/v1/auth/password", change.formatted(user.password(), "a-new-long-pass-phrase"),
				here.accessToken()).status()).isEqualTo(204);
		assertThat(staff.get("/api/v1/auth/me", here.accessToken()).status()).as("this session goes on").isEqualTo(200);
		assertThat(staff.get("/api/v1/review/queue", here.accessToken()).status()).as("and may now work")
			.isEqualTo(200);
		assertThat(staff.get("/api/v1/auth/me", elsewhere.accessToken()).status()).as("the others end").isEqualTo(401);
		assertThat(staff.login("demo", user.username(), "a-new-long-pass-phrase", secrets.get(user.id())).accessToken())
			.isNotBlank();
	}

	// --- helpers ---

	record NewUser(UUID id, String username, String password) {
	}

	/** One admin login per application (a login counts as a fresh authentication): TOTP codes are scarce. */
	private static final Map<Integer, Tokens> admins = new java.util.concurrent.ConcurrentHashMap<>();

	private Tokens adminReauthenticated() {
		return admins.computeIfAbsent(port, p -> staff.loginDemo("demo", "admin", ADMIN_PASSWORD));
	}

	private NewUser createUser(String username, String role) {
		Tokens admin = adminReauthenticated();
		String password = "correct-battery-" + UUID.randomUUID();
		Reply created = staff.post("/api/v1/admin/staff", PatientClient.JSON.writeValueAsString(
				Map.of("username", username, "role", role, "password", password)), admin.accessToken());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return new NewUser(UUID.fromString(created.body().get("id").asString()), username, password);
	}

	private Tokens enrolAndLogin(NewUser user) {
		Reply first = staff.loginReply("demo", user.username(), user.password(), null);
		String enrolmentToken = first.body().get("enrolmentToken").asString();
		String secret = staff.post("/api/v1/auth/mfa/enrolment", "{}", enrolmentToken).body().get("secret").asString();
		Reply confirmed = staff.post("/api/v1/auth/mfa/enrolment/confirm",
				"{\"code\":\"" + staff.freshCode("demo", user.username(), secret) + "\"}", enrolmentToken);
		assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
		secrets.put(user.id(), secret);
		return new Tokens(confirmed.body().get("accessToken").asString(),
				confirmed.body().get("refreshToken").asString(), confirmed);
	}

	private final Map<UUID, String> secrets = new java.util.HashMap<>();

	private Tokens enrolledLogin(NewUser user) {
		return staff.login("demo", user.username(), user.password(), secrets.get(user.id()));
	}

	private Reply refresh(String refreshToken) {
		return staff.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null);
	}

	private String sessionOf(Tokens tokens) {
		String payload = tokens.accessToken().split("\\.")[1];
		JsonNode claims = PatientClient.JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
		return claims.get("sid").asString();
	}
}
