package org.medassist.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.consultation.MessageView;
import org.medassist.consultation.MessageView.MessageAuthor;
import org.medassist.consultation.MessageView.MessageKind;
import org.medassist.identity.ClinicId;
import org.medassist.keys.PhiCipher;
import org.medassist.keys.PhiField;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.PatientRecord;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consultations, their transcript and their turns in PostgreSQL. Transcript text is PHI: it is encrypted here,
 * bound to its clinic and row, and decrypted as it is read.
 */
@Repository
class ConsultationRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PhiCipher cipher;

	ConsultationRepository(JdbcClient jdbc, JsonMapper json, PhiCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.cipher = cipher;
	}

	/** What a turn recorded: the status it left and the disposition at that moment. */
	record Turn(UUID patientMessageId, ConsultationStatus statusAfter, Disposition disposition) {
	}

	void insert(Consultation c, byte[] accessTokenHash) {
		jdbc.sql("""
				INSERT INTO consultation (id, clinic_id, status, language, access_token_hash, engine_version,
				                          created_at, last_activity_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id().value(), c.clinicId().value(), c.status().name(), c.language(), accessTokenHash,
					c.engineVersion(), ts(c.createdAt()), ts(c.lastActivityAt()))
			.update();
	}

	/** Saves the aggregate; the version check catches a writer that did not take the row lock. */
	void update(Consultation c) {
		int updated = jdbc.sql("""
				UPDATE consultation SET status = ?, consent_version = ?, consent_given_at = ?, consent_declined_at = ?,
				       disposition = ?, last_activity_at = ?, closed_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(c.status().name(), c.consentVersion(), ts(c.consentGivenAt()), ts(c.consentDeclinedAt()),
					c.disposition() == null ? null : c.disposition().name(), ts(c.lastActivityAt()),
					ts(c.closedAt()), c.id().value(), c.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("consultation " + c.id() + " changed concurrently");
		}
		c.saved();
	}

	/** Loads a consultation and locks its row until the transaction ends: this serialises its turns. */
	Optional<Consultation> lock(ConsultationId id) {
		return jdbc.sql("SELECT * FROM consultation WHERE id = ? FOR UPDATE")
			.param(id.value())
			.query(this::consultation)
			.optional();
	}

	Optional<Consultation> find(ConsultationId id) {
		return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id.value()).query(this::consultation).optional();
	}

	/** The assessment is PHI (built from what the patient said, and may quote it): stored encrypted. */
	void storeAssessment(ClinicId clinic, ConsultationId id, Assessment assessment) {
		jdbc.sql("UPDATE consultation SET assessment_encrypted = ?, assessment = NULL WHERE id = ?")
			.params(cipher.encrypt(assessmentField(clinic, id.value()), json.writeValueAsString(assessment)), id.value())
			.update();
	}

	Optional<Assessment> findAssessment(ConsultationId id) {
		// Rows from before V12 hold plain jsonb in assessment until the re-encryption job moves them.
		return jdbc.sql("""
				SELECT clinic_id, assessment_encrypted, assessment::text AS legacy FROM consultation
				WHERE id = ? AND (assessment_encrypted IS NOT NULL OR assessment IS NOT NULL)""")
			.param(id.value())
			.query((rs, n) -> rs.getString("assessment_encrypted") != null
					? cipher.decrypt(assessmentField(new ClinicId(rs.getObject("clinic_id", UUID.class)), id.value()),
							rs.getString("assessment_encrypted"))
					: rs.getString("legacy"))
			.optional()
			.map(text -> json.readValue(text, Assessment.class));
	}

	/** Stores (or replaces) what the patient's EHR record says; encrypted, bound to the clinic and the case. */
	void storeRecord(ClinicId clinic, ConsultationId id, PatientRecord record, UUID readBy, Instant at) {
		String sealed = cipher.encrypt(recordField(clinic, id), json.writeValueAsString(record));
		jdbc.sql("""
				INSERT INTO consultation_record (consultation_id, clinic_id, record_encrypted, read_by, read_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (consultation_id) DO UPDATE SET record_encrypted = excluded.record_encrypted,
				    read_by = excluded.read_by, read_at = excluded.read_at""")
			.params(id.value(), clinic.value(), sealed, readBy, ts(at))
			.update();
	}

	/** What the patient's EHR record says, or {@link PatientRecord#NONE} when it was never read. */
	PatientRecord findRecord(ClinicId clinic, ConsultationId id) {
		return jdbc.sql("SELECT record_encrypted FROM consultation_record WHERE consultation_id = ?")
			.param(id.value())
			.query(String.class)
			.optional()
			.map(sealed -> json.readValue(cipher.decrypt(recordField(clinic, id), sealed), PatientRecord.class))
			.orElse(PatientRecord.NONE);
	}

	private static PhiField recordField(ClinicId clinic, ConsultationId id) {
		return new PhiField(clinic, "consultation_record", "record_encrypted", id.value());
	}

	Optional<ConsultationAccessRow> findByAccessTokenHash(byte[] hash) {
		// Before the token is checked the clinic is unknown, so row-level security would hide every row: a
		// function owned by the schema owner maps the hash to its consultation and clinic, and nothing else.
		return jdbc.sql("SELECT consultation_id, clinic_id FROM consultation_for_token(?)")
			.param(hash)
			.query((rs, n) -> new ConsultationAccessRow(rs.getObject("consultation_id", UUID.class),
					rs.getObject("clinic_id", UUID.class)))
			.optional();
	}

	record ConsultationAccessRow(UUID consultationId, UUID clinicId) {
	}

	/** Appends a message at the end of the transcript. The caller holds the consultation's row lock. */
	MessageView append(Consultation c, MessageAuthor author, MessageKind kind, String text, UUID clientMessageId,
			UUID inReplyTo, String questionId, List<String> options, Instant now) {
		UUID id = UUID.randomUUID();
		int seq = jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM consultation_message WHERE consultation_id = ?")
			.param(c.id().value())
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO consultation_message (id, clinic_id, consultation_id, seq, author, kind, text, text_encrypted,
				                                  client_message_id, in_reply_to, question_id, options, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?::jsonb, ?)""")
			.params(id, c.clinicId().value(), c.id().value(), seq, author.name(), kind.name(),
					cipher.encrypt(textField(c.clinicId(), id), text), clientMessageId,
					inReplyTo, questionId, options == null ? null : json.writeValueAsString(options), ts(now))
			.update();
		return new MessageView(id, seq, author, kind, text, author == MessageAuthor.ASSISTANT, questionId,
				options == null ? List.of() : List.copyOf(options), inReplyTo, clientMessageId, now);
	}

	List<MessageView> transcript(ConsultationId id) {
		return jdbc.sql("SELECT * FROM consultation_message WHERE consultation_id = ? ORDER BY seq")
			.param(id.value())
			.query(this::message)
			.list();
	}

	Optional<MessageView> findByClientMessageId(ConsultationId id, UUID clientMessageId) {
		return jdbc.sql("SELECT * FROM consultation_message WHERE consultation_id = ? AND client_message_id = ?")
			.params(id.value(), clientMessageId)
			.query(this::message)
			.optional();
	}

	/** Patient messages that no turn has answered yet (a crash interrupted their turn), oldest first. */
	List<MessageView> unanswered(ConsultationId id) {
		return jdbc.sql("""
				SELECT m.* FROM consultation_message m
				WHERE m.consultation_id = ? AND m.author = 'PATIENT'
				  AND NOT EXISTS (SELECT 1 FROM consultation_turn t WHERE t.patient_message_id = m.id)
				ORDER BY m.seq""")
			.param(id.value())
			.query(this::message)
			.list();
	}

	void insertTurn(Consultation c, UUID patientMessageId, Instant now) {
		jdbc.sql("""
				INSERT INTO consultation_turn (patient_message_id, clinic_id, consultation_id, status_after,
				                               disposition, completed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(patientMessageId, c.clinicId().value(), c.id().value(), c.status().name(),
					c.disposition() == null ? null : c.disposition().name(), ts(now))
			.update();
	}

	Optional<Turn> findTurn(UUID patientMessageId) {
		return jdbc.sql("SELECT * FROM consultation_turn WHERE patient_message_id = ?")
			.param(patientMessageId)
			.query((rs, n) -> new Turn(patientMessageId, ConsultationStatus.valueOf(rs.getString("status_after")),
					disposition(rs.getString("disposition"))))
			.optional();
	}

	List<MessageView> repliesTo(UUID patientMessageId) {
		return jdbc.sql("SELECT * FROM consultation_message WHERE in_reply_to = ? ORDER BY seq")
			.param(patientMessageId)
			.query(this::message)
			.list();
	}

	/**
	 * Marks up to {@code limit} consultations idle since before {@code cutoff} as abandoned. Rows another
	 * transaction holds (a turn in progress, another instance's sweep) are skipped, so every instance may run
	 * this at once and each consultation is abandoned exactly once.
	 */
	List<ConsultationAccessRow> abandonIdleSince(Instant cutoff, Instant now, int limit) {
		return jdbc.sql("""
				UPDATE consultation SET status = 'ABANDONED', closed_at = ?, version = version + 1
				WHERE id IN (SELECT id FROM consultation
				             WHERE status = 'IN_PROGRESS' AND last_activity_at < ?
				             ORDER BY last_activity_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, clinic_id""")
			.params(ts(now), ts(cutoff), limit)
			.query((rs, n) -> new ConsultationAccessRow(rs.getObject("id", UUID.class),
					rs.getObject("clinic_id", UUID.class)))
			.list();
	}

	private Consultation consultation(ResultSet rs, int row) throws SQLException {
		return new Consultation(new ConsultationId(rs.getObject("id", UUID.class)),
				new ClinicId(rs.getObject("clinic_id", UUID.class)),
				ConsultationStatus.valueOf(rs.getString("status")), rs.getString("language"),
				rs.getString("consent_version"), instant(rs, "consent_given_at"), instant(rs, "consent_declined_at"),
				disposition(rs.getString("disposition")), rs.getString("engine_version"), instant(rs, "created_at"),
				instant(rs, "last_activity_at"), instant(rs, "closed_at"), rs.getLong("version"));
	}

	private MessageView message(ResultSet rs, int row) throws SQLException {
		MessageAuthor author = MessageAuthor.valueOf(rs.getString("author"));
		String options = rs.getString("options");
		UUID id = rs.getObject("id", UUID.class);
		String text = rs.getBoolean("text_encrypted")
				? cipher.decrypt(textField(new ClinicId(rs.getObject("clinic_id", UUID.class)), id), rs.getString("text"))
				: rs.getString("text");
		return new MessageView(id, rs.getInt("seq"), author,
				MessageKind.valueOf(rs.getString("kind")), text, author == MessageAuthor.ASSISTANT,
				rs.getString("question_id"), options == null ? List.of() : json.readValue(options, STRINGS),
				rs.getObject("in_reply_to", UUID.class), rs.getObject("client_message_id", UUID.class),
				instant(rs, "created_at"));
	}

	private static PhiField textField(ClinicId clinic, UUID messageId) {
		return new PhiField(clinic, "consultation_message", "text", messageId);
	}

	private static PhiField assessmentField(ClinicId clinic, UUID consultationId) {
		return new PhiField(clinic, "consultation", "assessment_encrypted", consultationId);
	}

	private static Disposition disposition(String value) {
		return value == null ? null : Disposition.valueOf(value);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
