package org.medassist.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.medassist.identity.ClinicId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_event} table. Every method runs inside the caller's transaction, whose clinic (row-level
 * security) decides which chain it sees: a clinic's own, or with no clinic the deployment chain.
 */
@Repository
class AuditLog {

	/** First key of the advisory lock that serialises appends to a chain; the same in {@code audit_purge()}. */
	private static final int LOCK_CLASS = 7;

	private static final String COLUMNS = "id, clinic_id, seq, occurred_at, user_id, role, action, object_type,"
			+ " object_id, outcome, purpose, detail, remote_address, user_agent, correlation_id, prev_hash, hash";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	AuditLog(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		// Walk long chains without holding them in memory (PostgreSQL streams only inside a transaction).
		this.streaming.setFetchSize(1000);
	}

	/** Chains and links a new record after the head of its chain; waits for any other append to that chain. */
	AuditRecord append(AuditEntry entry) {
		UUID clinic = entry.clinic() == null ? null : entry.clinic().value();
		jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(coalesce(?::text, 'deployment')))")
			.params(LOCK_CLASS, clinic == null ? null : clinic.toString())
			.query((rs, n) -> 1)
			.single();
		Optional<AuditRecord> head = head(entry.clinic());
		long seq = head.map(h -> h.seq() + 1).orElse(1L);
		byte[] prev = head.map(AuditRecord::hash).orElse(AuditRecord.GENESIS);
		Instant at = entry.at().truncatedTo(ChronoUnit.MICROS);
		AuditRecord record = new AuditRecord(UUID.randomUUID(), clinic, seq, at, entry.userId(), entry.role(),
				entry.action(), entry.objectType(), entry.objectId(), entry.outcome().name(), entry.purpose(),
				entry.detail(), entry.remoteAddress(), entry.userAgent(), entry.correlationId(), prev, null)
			.withHash();
		jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.id(), record.clinicId(), record.seq(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
					record.userId(), record.role(), record.action(), record.objectType(), record.objectId(),
					record.outcome(), record.purpose(), record.detail(), record.remoteAddress(), record.userAgent(),
					record.correlationId(), record.prevHash(), record.hash())
			.update();
		return record;
	}

	Optional<AuditRecord> head(ClinicId clinic) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + chain(clinic) + " ORDER BY seq DESC LIMIT 1")
			.params(chainParams(clinic))
			.query(AuditLog::map)
			.optional();
	}

	Optional<AuditRecord> at(ClinicId clinic, long seq) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + chain(clinic) + " AND seq = ?")
			.params(params(chainParams(clinic), seq))
			.query(AuditLog::map)
			.optional();
	}

	/** Every record of the chain from {@code fromSeq} on, in order, one at a time. */
	void walk(ClinicId clinic, long fromSeq, Consumer<AuditRecord> each) {
		streaming.query("SELECT " + COLUMNS + " FROM audit_event WHERE " + chain(clinic) + " AND seq >= ? ORDER BY seq",
				(RowCallbackHandler) rs -> each.accept(map(rs, 0)), params(chainParams(clinic), fromSeq));
	}

	/** The latest purge record of the chain: where a purged chain now begins. */
	Optional<AuditRecord> lastPurge(ClinicId clinic) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + chain(clinic)
					+ " AND action = 'AUDIT_PURGED' ORDER BY seq DESC LIMIT 1")
			.params(chainParams(clinic))
			.query(AuditLog::map)
			.optional();
	}

	/** Records of the chain matching every given filter (nulls match everything). */
	List<AuditRecord> search(ClinicId clinic, AuditQuery query) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE " + chain(clinic));
		List<Object> params = new ArrayList<>(List.of(chainParams(clinic)));
		if (query.user() != null) {
			sql.append(" AND user_id = ?");
			params.add(query.user());
		}
		if (query.consultation() != null) {
			sql.append(" AND object_type = 'consultation' AND object_id = ?");
			params.add(query.consultation().toString());
		}
		if (query.action() != null) {
			sql.append(" AND action = ?");
			params.add(query.action());
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
		}
		sql.append(query.newestFirst() ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq LIMIT ?");
		params.add(query.limit());
		return jdbc.sql(sql.toString()).params(params).query(AuditLog::map).list();
	}

	private static String chain(ClinicId clinic) {
		return clinic == null ? "clinic_id IS NULL" : "clinic_id = ?";
	}

	private static Object[] chainParams(ClinicId clinic) {
		return clinic == null ? new Object[0] : new Object[] { clinic.value() };
	}

	private static Object[] params(Object[] first, Object more) {
		Object[] out = java.util.Arrays.copyOf(first, first.length + 1);
		out[first.length] = more;
		return out;
	}

	private static AuditRecord map(ResultSet rs, int n) throws SQLException {
		return new AuditRecord(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getObject("user_id", UUID.class), rs.getString("role"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
				rs.getString("purpose"), rs.getString("detail"), rs.getString("remote_address"),
				rs.getString("user_agent"), rs.getString("correlation_id"), rs.getBytes("prev_hash"),
				rs.getBytes("hash"));
	}
}
