package org.medassist.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.ClinicId;
import org.medassist.keys.PhiCipher;
import org.medassist.keys.PhiField;
import org.medassist.triage.Disposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviews in PostgreSQL; every call runs in a transaction for the clinic (row-level security). What staff write
 * (notes, instructions, the question for a physician) is PHI: encrypted here, bound to clinic, column and case.
 */
@Repository
class ReviewRepository {

	private final JdbcClient jdbc;

	private final PhiCipher cipher;

	ReviewRepository(JdbcClient jdbc, PhiCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	enum Status {
		QUEUED, CLAIMED, DECIDED
	}

	/** Who should take the case, in escalation order. */
	enum Tier {
		NURSE, CHARGE_NURSE, PHYSICIAN;

		Tier atLeast(Tier other) {
			return compareTo(other) >= 0 ? this : other;
		}
	}

	record Review(UUID consultationId, ClinicId clinicId, Status status, Tier tier, boolean escalated,
			Disposition aiDisposition, String ageGroup, Instant queuedAt, UUID claimedBy, String claimedByName,
			Instant claimedAt, Instant claimExpiresAt, Instant firstClaimedAt, UUID decidedBy, String decidedByName,
			Instant decidedAt, Disposition disposition, String reasonCode, @Classification(Level.RESTRICTED) String note,
			@Classification(Level.RESTRICTED) String patientInstructions,
			Instant contactedPatientAt, @Classification(Level.RESTRICTED) String secondOpinionNote, int breaches,
			Instant lastBreachAt, long version) {

		/** Claimed and the claim still holds (a lapsed claim counts as queued). */
		boolean heldAt(Instant now) {
			return status == Status.CLAIMED && claimExpiresAt.isAfter(now);
		}
	}

	/** Queues a completed consultation; once only, however often the event arrives. */
	boolean enqueue(UUID consultationId, ClinicId clinic, boolean escalated, Disposition aiDisposition, Instant at) {
		return jdbc.sql("""
				INSERT INTO review (consultation_id, clinic_id, status, escalated, ai_disposition, queued_at)
				VALUES (?, ?, 'QUEUED', ?, ?, ?) ON CONFLICT (consultation_id) DO NOTHING""")
			.params(consultationId, clinic.value(), escalated, aiDisposition.name(), ts(at))
			.update() == 1;
	}

	Optional<Review> find(UUID consultationId) {
		return jdbc.sql("SELECT * FROM review WHERE consultation_id = ?").param(consultationId).query(this::review)
			.optional();
	}

	Optional<Review> lock(UUID consultationId) {
		return jdbc.sql("SELECT * FROM review WHERE consultation_id = ? FOR UPDATE")
			.param(consultationId)
			.query(this::review)
			.optional();
	}

	/** Open cases, most urgent disposition first, then longest waiting. */
	List<Review> open(Status status, Disposition disposition, Instant queuedBefore) {
		StringBuilder sql = new StringBuilder("SELECT * FROM review WHERE status <> 'DECIDED'");
		List<Object> params = new ArrayList<>();
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		if (disposition != null) {
			sql.append(" AND ai_disposition = ?");
			params.add(disposition.name());
		}
		if (queuedBefore != null) {
			sql.append(" AND queued_at < ?");
			params.add(ts(queuedBefore));
		}
		sql.append(" ORDER BY array_position(ARRAY['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE'], ai_disposition),"
				+ " queued_at, consultation_id");
		return jdbc.sql(sql.toString()).params(params).query(this::review).list();
	}

	/**
	 * Raises the AI disposition of an undecided case (the queue orders by it); never lowers it. Returns whether it
	 * rose.
	 */
	boolean raise(UUID consultationId, Disposition aiDisposition) {
		return jdbc.sql("""
				UPDATE review SET ai_disposition = ?, version = version + 1
				WHERE consultation_id = ? AND status <> 'DECIDED'
				  AND array_position(ARRAY['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE'], ?)
				    < array_position(ARRAY['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE'], ai_disposition)""")
			.params(aiDisposition.name(), consultationId, aiDisposition.name())
			.update() == 1;
	}

	void claim(UUID consultationId, UUID by, String byName, Instant now, Instant expires) {
		jdbc.sql("""
				UPDATE review SET status = 'CLAIMED', claimed_by = ?, claimed_by_name = ?, claimed_at = ?,
				       claim_expires_at = ?, first_claimed_at = coalesce(first_claimed_at, ?), version = version + 1
				WHERE consultation_id = ?""")
			.params(by, byName, ts(now), ts(expires), ts(now), consultationId)
			.update();
	}

	void release(ClinicId clinic, UUID consultationId, Tier tier, String secondOpinionNote) {
		jdbc.sql("""
				UPDATE review SET status = 'QUEUED', claimed_by = NULL, claimed_by_name = NULL, claimed_at = NULL,
				       claim_expires_at = NULL, tier = ?, second_opinion_note = coalesce(?, second_opinion_note),
				       version = version + 1
				WHERE consultation_id = ?""")
			.params(tier.name(), seal(clinic, consultationId, "second_opinion_note", secondOpinionNote), consultationId)
			.update();
	}

	void decide(ClinicId clinic, UUID consultationId, UUID by, String byName, Instant now, Disposition disposition,
			String reasonCode, String note, String patientInstructions, boolean contactedPatient) {
		jdbc.sql("""
				UPDATE review SET status = 'DECIDED', claimed_by = NULL, claimed_by_name = NULL, claim_expires_at = NULL,
				       decided_by = ?, decided_by_name = ?, decided_at = ?, disposition = ?, reason_code = ?, note = ?,
				       patient_instructions = ?, contacted_patient_at = CASE WHEN ?::boolean THEN ?::timestamptz END,
				       version = version + 1
				WHERE consultation_id = ?""")
			.params(by, byName, ts(now), disposition.name(), reasonCode, seal(clinic, consultationId, "note", note),
					seal(clinic, consultationId, "patient_instructions", patientInstructions), contactedPatient, ts(now),
					consultationId)
			.update();
	}

	/** Cases nobody has claimed yet: the ones escalation chases. */
	List<Review> neverClaimed() {
		return jdbc.sql("SELECT * FROM review WHERE status = 'QUEUED' AND first_claimed_at IS NULL")
			.query(this::review)
			.list();
	}

	/**
	 * Records the next breach of an unclaimed case, exactly once even with many instances sweeping at the same
	 * time: the row is taken only if nobody else holds it ({@code SKIP LOCKED}) and only while its breach count
	 * is still the one the caller saw. Empty when another instance recorded it, or someone claimed the case.
	 */
	Optional<Review> breach(UUID consultationId, int breachesSeen, Tier tier, Instant now) {
		return jdbc.sql("""
				UPDATE review r SET breaches = r.breaches + 1, last_breach_at = ?, tier = ?, version = r.version + 1
				WHERE r.consultation_id IN (
				    SELECT consultation_id FROM review
				    WHERE consultation_id = ? AND breaches = ? AND status = 'QUEUED' AND first_claimed_at IS NULL
				    FOR UPDATE SKIP LOCKED)
				RETURNING r.*""")
			.params(ts(now), tier.name(), consultationId, breachesSeen)
			.query(this::review)
			.optional();
	}

	private String seal(ClinicId clinic, UUID consultationId, String column, String value) {
		return value == null ? null : cipher.encrypt(new PhiField(clinic, "review", column, consultationId), value);
	}

	private String open(ResultSet rs, ClinicId clinic, UUID consultationId, String column) throws SQLException {
		String value = rs.getString(column);
		return value == null ? null : cipher.decrypt(new PhiField(clinic, "review", column, consultationId), value);
	}

	private Review review(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("consultation_id", UUID.class);
		ClinicId clinic = new ClinicId(rs.getObject("clinic_id", UUID.class));
		return new Review(id, clinic,
				Status.valueOf(rs.getString("status")), Tier.valueOf(rs.getString("tier")), rs.getBoolean("escalated"),
				Disposition.valueOf(rs.getString("ai_disposition")), rs.getString("age_group"),
				instant(rs, "queued_at"), rs.getObject("claimed_by", UUID.class), rs.getString("claimed_by_name"),
				instant(rs, "claimed_at"), instant(rs, "claim_expires_at"), instant(rs, "first_claimed_at"),
				rs.getObject("decided_by", UUID.class), rs.getString("decided_by_name"), instant(rs, "decided_at"),
				rs.getString("disposition") == null ? null : Disposition.valueOf(rs.getString("disposition")),
				rs.getString("reason_code"), open(rs, clinic, id, "note"), open(rs, clinic, id, "patient_instructions"),
				instant(rs, "contacted_patient_at"), open(rs, clinic, id, "second_opinion_note"), rs.getInt("breaches"),
				instant(rs, "last_breach_at"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
