package org.medassist.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffRole;
import org.medassist.platform.SecretSealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff accounts in PostgreSQL. Every query runs inside a transaction for the account's clinic: row-level
 * security hides other clinics' accounts. TOTP secrets are stored sealed under the master key
 * ({@code mfa_secret_sealed}); rows from before sealing hold plain text until {@link #sealPlainSecrets} runs.
 */
@Repository
class StaffAccounts {

	private final JdbcClient jdbc;

	private final SecretSealer sealer;

	StaffAccounts(JdbcClient jdbc, SecretSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	record Account(UUID id, ClinicId clinicId, String username, String displayName, StaffRole role,
			@Classification(Level.RESTRICTED) String passwordHash, @Classification(Level.RESTRICTED) String mfaSecret,
			Instant mfaEnrolledAt, long mfaLastStep, int failedLogins,
			Instant lockedUntil, Instant disabledAt, Instant createdAt, boolean passwordMustChange,
			boolean chargeNurse) {

		boolean mfaEnrolled() {
			return mfaEnrolledAt != null && mfaSecret != null;
		}

		boolean disabled() {
			return disabledAt != null;
		}

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}
	}

	void insert(Account a) {
		jdbc.sql("""
				INSERT INTO staff_user (id, clinic_id, username, display_name, role, password_hash, mfa_secret,
				                        mfa_secret_sealed, mfa_enrolled_at, created_at, password_must_change)
				VALUES (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""")
			.params(a.id(), a.clinicId().value(), a.username(), a.displayName(), a.role().name(), a.passwordHash(),
					seal(a.id(), a.mfaSecret()), ts(a.mfaEnrolledAt()), ts(a.createdAt()), a.passwordMustChange())
			.update();
	}

	/** Loads and locks the account row: logins and MFA checks of one account serialise on it. */
	Optional<Account> lockByUsername(String username) {
		return jdbc.sql("SELECT * FROM staff_user WHERE username = ? FOR UPDATE")
			.param(username)
			.query(this::account)
			.optional();
	}

	/** The account an admin linked to this subject at the clinic's OpenID Connect provider. */
	Optional<Account> lockByExternalSubject(String subject) {
		return jdbc.sql("SELECT * FROM staff_user WHERE external_subject = ? FOR UPDATE")
			.param(subject)
			.query(this::account)
			.optional();
	}

	void linkExternalSubject(UUID id, String subject) {
		jdbc.sql("UPDATE staff_user SET external_subject = ?, version = version + 1 WHERE id = ?")
			.params(subject, id)
			.update();
	}

	Optional<Account> find(UUID id) {
		return jdbc.sql("SELECT * FROM staff_user WHERE id = ?").param(id).query(this::account).optional();
	}

	Optional<Account> lock(UUID id) {
		return jdbc.sql("SELECT * FROM staff_user WHERE id = ? FOR UPDATE").param(id).query(this::account).optional();
	}

	List<Account> all() {
		return jdbc.sql("SELECT * FROM staff_user ORDER BY username").query(this::account).list();
	}

	void recordFailedLogin(UUID id, int failedLogins, Instant lockedUntil) {
		jdbc.sql("UPDATE staff_user SET failed_logins = ?, locked_until = ? WHERE id = ?")
			.params(failedLogins, ts(lockedUntil), id)
			.update();
	}

	void recordSuccessfulLogin(UUID id, long mfaStep) {
		jdbc.sql("""
				UPDATE staff_user SET failed_logins = 0, locked_until = NULL, mfa_last_step = greatest(mfa_last_step, ?)
				WHERE id = ?""").params(mfaStep, id).update();
	}

	void enrolMfa(UUID id, String secret, Instant at, long step) {
		jdbc.sql("UPDATE staff_user SET mfa_secret = ?, mfa_secret_sealed = true, mfa_enrolled_at = ?, mfa_last_step = ?"
				+ " WHERE id = ?")
			.params(seal(id, secret), ts(at), step, id)
			.update();
	}

	/** A pending secret, shown to the user and confirmed with a first code before it counts. */
	void offerMfaSecret(UUID id, String secret) {
		jdbc.sql("UPDATE staff_user SET mfa_secret = ?, mfa_secret_sealed = true, mfa_enrolled_at = NULL"
				+ " WHERE id = ? AND mfa_enrolled_at IS NULL")
			.params(seal(id, secret), id)
			.update();
	}

	void resetMfa(UUID id) {
		jdbc.sql("UPDATE staff_user SET mfa_secret = NULL, mfa_enrolled_at = NULL WHERE id = ?").param(id).update();
		jdbc.sql("DELETE FROM staff_recovery_code WHERE user_id = ?").param(id).update();
	}

	void changePassword(UUID id, String passwordHash) {
		jdbc.sql("UPDATE staff_user SET password_hash = ?, password_must_change = false, version = version + 1"
				+ " WHERE id = ?")
			.params(passwordHash, id)
			.update();
	}

	/** A charge nurse is a nurse: another role ends the duty. */
	void changeRole(UUID id, StaffRole role) {
		jdbc.sql("UPDATE staff_user SET role = ?, charge_nurse = charge_nurse AND ?::text = 'NURSE', version = version + 1"
				+ " WHERE id = ?").params(role.name(), role.name(), id).update();
	}

	void setChargeNurse(UUID id, boolean chargeNurse) {
		jdbc.sql("UPDATE staff_user SET charge_nurse = ?, version = version + 1 WHERE id = ?")
			.params(chargeNurse, id)
			.update();
	}

	void disable(UUID id, Instant at) {
		jdbc.sql("UPDATE staff_user SET disabled_at = ?, version = version + 1 WHERE id = ?")
			.params(ts(at), id)
			.update();
	}

	void unlock(UUID id) {
		jdbc.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
	}

	void enable(UUID id) {
		jdbc.sql("UPDATE staff_user SET disabled_at = NULL, failed_logins = 0, locked_until = NULL,"
				+ " version = version + 1 WHERE id = ?").param(id).update();
	}

	void replaceRecoveryCodes(UUID id, ClinicId clinic, List<byte[]> hashes) {
		jdbc.sql("DELETE FROM staff_recovery_code WHERE user_id = ?").param(id).update();
		for (byte[] hash : hashes) {
			jdbc.sql("INSERT INTO staff_recovery_code (user_id, clinic_id, code_hash) VALUES (?, ?, ?)")
				.params(id, clinic.value(), hash)
				.update();
		}
	}

	/** Marks a recovery code used; false when it is unknown or was used before. */
	boolean useRecoveryCode(UUID id, byte[] hash, Instant at) {
		return jdbc.sql("UPDATE staff_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(ts(at), id, hash)
			.update() == 1;
	}

	/**
	 * Seals the TOTP secrets of the current clinic still stored in plain text (written before sealing existed).
	 * Idempotent and safe on several instances at once: each row changes only if it is still the plain value read.
	 *
	 * @return how many were sealed here
	 */
	int sealPlainSecrets() {
		List<UUID> ids = jdbc.sql("SELECT id FROM staff_user WHERE NOT mfa_secret_sealed AND mfa_secret IS NOT NULL")
			.query(UUID.class)
			.list();
		int sealed = 0;
		for (UUID id : ids) {
			String plain = jdbc.sql("SELECT mfa_secret FROM staff_user WHERE id = ? AND NOT mfa_secret_sealed")
				.param(id)
				.query(String.class)
				.optional()
				.orElse(null);
			if (plain != null) {
				sealed += jdbc.sql("UPDATE staff_user SET mfa_secret = ?, mfa_secret_sealed = true"
						+ " WHERE id = ? AND NOT mfa_secret_sealed AND mfa_secret = ?")
					.params(seal(id, plain), id, plain)
					.update();
			}
		}
		return sealed;
	}

	String seal(UUID accountId, String secret) {
		return secret == null ? null
				: Base64.getEncoder().encodeToString(sealer.seal(secret.getBytes(StandardCharsets.UTF_8),
						secretContext(accountId)));
	}

	private String open(UUID accountId, String stored, boolean sealed) {
		if (stored == null || !sealed) {
			return stored;
		}
		return new String(sealer.open(Base64.getDecoder().decode(stored), secretContext(accountId)),
				StandardCharsets.UTF_8);
	}

	/** Bound to the account: a sealed secret copied to another account does not open. */
	static byte[] secretContext(UUID accountId) {
		return ("staff_user|mfa_secret|" + accountId).getBytes(StandardCharsets.UTF_8);
	}

	private Account account(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new Account(id, new ClinicId(rs.getObject("clinic_id", UUID.class)),
				rs.getString("username"), rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
				rs.getString("password_hash"),
				open(id, rs.getString("mfa_secret"), rs.getBoolean("mfa_secret_sealed")), instant(rs, "mfa_enrolled_at"),
				rs.getLong("mfa_last_step"), rs.getInt("failed_logins"), instant(rs, "locked_until"),
				instant(rs, "disabled_at"), instant(rs, "created_at"), rs.getBoolean("password_must_change"),
				rs.getBoolean("charge_nurse"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
