package org.medassist.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.medassist.identity.ClinicId;
import org.medassist.keys.PhiCipher;
import org.medassist.keys.PhiField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code fhir_export} outbox. Every call runs in a transaction for the clinic (row-level security). */
@Repository
class ExportQueue {

	/** {@code INVALID}: the bundle failed validation and was not sent; a person must look, as for {@code FAILED}. */
	enum Status {
		PENDING, SENT, FAILED, INVALID
	}

	/**
	 * @param lastError a fixed, PHI-free description of the last failure
	 * @param validationErrors errors in the last validation before sending ({@code null}: not validated yet)
	 */
	record Export(UUID consultationId, ClinicId clinicId, Status status, int attempts, Instant nextAttemptAt,
			String lastError, Instant lastAttemptAt, Instant createdAt, Instant sentAt, Integer validationErrors,
			Integer validationWarnings) {
	}

	private static final TypeReference<List<BundleValidation.Issue>> ISSUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final PhiCipher cipher;

	private final JsonMapper json;

	ExportQueue(JdbcClient jdbc, PhiCipher cipher, JsonMapper json) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
	}

	/**
	 * Records the validation before sending: the counts, and the messages (encrypted: they may quote the bundle).
	 * With errors the export is {@code INVALID} and not retried.
	 */
	void validated(ClinicId clinic, UUID consultationId, BundleValidation.Report report, Instant at) {
		List<BundleValidation.Issue> issues = new java.util.ArrayList<>(report.errors());
		issues.addAll(report.warnings());
		String sealed = issues.isEmpty() ? null
				: cipher.encrypt(messagesField(clinic, consultationId), json.writeValueAsString(issues));
		jdbc.sql("""
				UPDATE fhir_export SET validation_errors = ?, validation_warnings = ?, validation_messages_encrypted = ?,
				       validated_at = ?, status = CASE WHEN ? > 0 THEN 'INVALID' ELSE status END,
				       last_error = CASE WHEN ? > 0 THEN ? ELSE last_error END
				WHERE consultation_id = ?""")
			.params(report.errors().size(), report.warnings().size(), sealed, ts(at), report.errors().size(),
					report.errors().size(), "the bundle is not valid FHIR R4 (" + report.errors().size()
							+ " error(s)): not sent",
					consultationId)
			.update();
	}

	/** The messages of the last validation, errors first (for staff: they may quote the record). */
	List<BundleValidation.Issue> validationMessages(ClinicId clinic, UUID consultationId) {
		return jdbc.sql("SELECT validation_messages_encrypted FROM fhir_export WHERE consultation_id = ?"
				+ " AND validation_messages_encrypted IS NOT NULL")
			.param(consultationId)
			.query(String.class)
			.optional()
			.map(sealed -> json.readValue(cipher.decrypt(messagesField(clinic, consultationId), sealed), ISSUES))
			.orElse(List.of());
	}

	private static PhiField messagesField(ClinicId clinic, UUID consultationId) {
		return new PhiField(clinic, "fhir_export", "validation_messages_encrypted", consultationId);
	}

	/** Queues the consultation's export; once only, however often the decision event arrives. */
	void enqueue(ClinicId clinic, UUID consultationId, Instant now) {
		jdbc.sql("""
				INSERT INTO fhir_export (consultation_id, clinic_id, status, next_attempt_at, created_at)
				VALUES (?, ?, 'PENDING', ?, ?) ON CONFLICT (consultation_id) DO NOTHING""")
			.params(consultationId, clinic.value(), ts(now), ts(now))
			.update();
	}

	/**
	 * Sends again (a person asked, after a failure or an invalid bundle): due now, attempts from zero; a delivered
	 * export stays delivered.
	 */
	void requeue(ClinicId clinic, UUID consultationId, Instant now) {
		jdbc.sql("""
				INSERT INTO fhir_export (consultation_id, clinic_id, status, next_attempt_at, created_at)
				VALUES (?, ?, 'PENDING', ?, ?)
				ON CONFLICT (consultation_id) DO UPDATE SET status = 'PENDING', attempts = 0,
				    next_attempt_at = excluded.next_attempt_at, last_error = NULL
				WHERE fhir_export.status IN ('FAILED', 'INVALID')""")
			.params(consultationId, clinic.value(), ts(now), ts(now))
			.update();
	}

	Optional<Export> find(UUID consultationId) {
		return jdbc.sql("SELECT * FROM fhir_export WHERE consultation_id = ?").param(consultationId)
			.query(ExportQueue::export).optional();
	}

	/**
	 * Takes up to {@code limit} due exports of the clinic and holds them until {@code leaseUntil}: other instances
	 * skip the locked rows now and see them as not due afterwards. Counts the attempt.
	 */
	List<Export> takeDue(Instant now, Instant leaseUntil, int limit) {
		List<Export> due = jdbc.sql("""
				SELECT * FROM fhir_export WHERE status = 'PENDING' AND next_attempt_at <= ?
				ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(ts(now), limit)
			.query(ExportQueue::export)
			.list();
		for (Export e : due) {
			jdbc.sql("UPDATE fhir_export SET next_attempt_at = ?, attempts = attempts + 1, last_attempt_at = ?"
					+ " WHERE consultation_id = ?").params(ts(leaseUntil), ts(now), e.consultationId()).update();
		}
		return due;
	}

	void sent(UUID consultationId, Instant at) {
		jdbc.sql("UPDATE fhir_export SET status = 'SENT', sent_at = ?, last_error = NULL WHERE consultation_id = ?")
			.params(ts(at), consultationId).update();
	}

	/** A failed attempt: retried at {@code next}, or given up ({@code FAILED}) when {@code next} is null. */
	void failed(UUID consultationId, String error, Instant next) {
		jdbc.sql("UPDATE fhir_export SET status = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at)"
				+ " WHERE consultation_id = ?")
			.params(next == null ? "FAILED" : "PENDING", error, next == null ? null : ts(next), consultationId)
			.update();
	}

	/** Not tried (the EHR's circuit is open): back to the queue without counting the attempt. */
	void deferred(UUID consultationId, String reason, Instant next) {
		jdbc.sql("UPDATE fhir_export SET attempts = attempts - 1, last_error = ?, next_attempt_at = ?"
				+ " WHERE consultation_id = ? AND attempts > 0")
			.params(reason, ts(next), consultationId).update();
	}

	private static Export export(ResultSet rs, int n) throws SQLException {
		return new Export(rs.getObject("consultation_id", UUID.class), new ClinicId(rs.getObject("clinic_id", UUID.class)),
				Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "last_attempt_at"), instant(rs, "created_at"),
				instant(rs, "sent_at"), (Integer) rs.getObject("validation_errors"),
				(Integer) rs.getObject("validation_warnings"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}
}
