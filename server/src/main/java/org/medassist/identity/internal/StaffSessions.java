package org.medassist.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.medassist.identity.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff sessions and their refresh tokens. A session ends on logout, after {@code sessionIdle} without a
 * request, or {@code sessionAbsolute} after login. Refresh tokens ({@code rt_<clinic>_<secret>}, only the SHA-256
 * kept) are used once: each use returns a new one, and a second use of the same one (a stolen copy) ends the
 * session. Callers run these inside a transaction for the session's clinic.
 */
@Repository
class StaffSessions {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final IdentityProperties properties;

	private final Clock clock;

	StaffSessions(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	record Session(UUID id, ClinicId clinicId, UUID userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
			Instant reauthenticatedAt, Instant revokedAt) {

		boolean liveAt(Instant now, IdentityProperties properties) {
			return revokedAt == null && expiresAt.isAfter(now)
					&& lastSeenAt.plus(properties.sessionIdle()).isAfter(now);
		}
	}

	/** A new session, authenticated (for re-authentication purposes) at its start. */
	Session open(UUID userId, ClinicId clinic) {
		Instant now = clock.instant();
		Session session = new Session(UUID.randomUUID(), clinic, userId, now, now,
				now.plus(properties.sessionAbsolute()), now, null);
		jdbc.sql("""
				INSERT INTO staff_session (id, clinic_id, user_id, created_at, last_seen_at, expires_at,
				                           reauthenticated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id(), clinic.value(), userId, ts(now), ts(now), ts(session.expiresAt()), ts(now))
			.update();
		return session;
	}

	Optional<Session> find(UUID id) {
		return jdbc.sql("SELECT * FROM staff_session WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Session(rs.getObject("id", UUID.class),
					new ClinicId(rs.getObject("clinic_id", UUID.class)), rs.getObject("user_id", UUID.class),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("reauthenticated_at")),
					instant(rs.getTimestamp("revoked_at"))))
			.optional();
	}

	/** Records activity; written at most once a minute per session to keep requests cheap. */
	void touch(Session session, Instant now) {
		if (session.lastSeenAt().plusSeconds(60).isBefore(now)) {
			jdbc.sql("UPDATE staff_session SET last_seen_at = ? WHERE id = ? AND revoked_at IS NULL")
				.params(ts(now), session.id())
				.update();
		}
	}

	void reauthenticated(UUID sessionId, Instant now) {
		jdbc.sql("UPDATE staff_session SET reauthenticated_at = ?, last_seen_at = ? WHERE id = ?")
			.params(ts(now), ts(now), sessionId)
			.update();
	}

	void revoke(UUID sessionId, String reason) {
		jdbc.sql("UPDATE staff_session SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL")
			.params(ts(clock.instant()), reason, sessionId)
			.update();
	}

	void revokeAllOf(UUID userId, String reason) {
		jdbc.sql("UPDATE staff_session SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
			.params(ts(clock.instant()), reason, userId)
			.update();
	}

	void revokeAllOfExcept(UUID userId, UUID keep, String reason) {
		jdbc.sql("""
				UPDATE staff_session SET revoked_at = ?, revoked_reason = ?
				WHERE user_id = ? AND id <> ? AND revoked_at IS NULL""")
			.params(ts(clock.instant()), reason, userId, keep)
			.update();
	}

	/** Issues a refresh token for the session. */
	String newRefreshToken(Session session) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = "rt_" + session.clinicId() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("INSERT INTO staff_refresh_token (token_hash, clinic_id, session_id, issued_at) VALUES (?, ?, ?, ?)")
			.params(SecondFactor.sha256(token), session.clinicId().value(), session.id(), ts(clock.instant()))
			.update();
		return token;
	}

	/** The clinic a refresh token names, if it has the right shape. Not proof of anything. */
	static Optional<ClinicId> clinicOf(String refreshToken) {
		if (refreshToken == null || !refreshToken.matches("rt_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(new ClinicId(UUID.fromString(refreshToken.substring(3, 39))));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** What presenting a refresh token found. */
	sealed interface Redemption {
	}

	record Redeemed(Session session) implements Redemption {
	}

	/** A token used before: the session it belongs to has been revoked. */
	record Replayed(UUID sessionId) implements Redemption {
	}

	record Unknown() implements Redemption {
	}

	/** Uses up a refresh token. The caller issues the next one and checks the session is live. */
	Redemption redeem(String refreshToken) {
		byte[] hash = SecondFactor.sha256(refreshToken);
		Optional<Object[]> row = jdbc
			.sql("SELECT session_id, used_at FROM staff_refresh_token WHERE token_hash = ? FOR UPDATE")
			.param(hash)
			.query((rs, n) -> new Object[] { rs.getObject("session_id", UUID.class), rs.getTimestamp("used_at") })
			.optional();
		if (row.isEmpty()) {
			return new Unknown();
		}
		UUID sessionId = (UUID) row.get()[0];
		if (row.get()[1] != null) {
			revoke(sessionId, "refresh-token-reused");
			return new Replayed(sessionId);
		}
		jdbc.sql("UPDATE staff_refresh_token SET used_at = ? WHERE token_hash = ?")
			.params(ts(clock.instant()), hash)
			.update();
		return find(sessionId).<Redemption>map(Redeemed::new).orElseGet(Unknown::new);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
