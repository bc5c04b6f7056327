package org.medassist.knowledge.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.medassist.identity.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clinics' guidance documents in PostgreSQL. Callers run in the clinic's tenant transaction. */
@Repository
class ClinicDocuments {

	/** One stored version. {@code metadata} is JSON text (the plain-text upload's metadata). */
	record Stored(String id, int version, String title, String mediaType, String content, String sha256,
			String metadata, boolean current, UUID createdBy, Instant createdAt, Instant retiredAt) {
	}

	private final JdbcClient jdbc;

	ClinicDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The versions in force: document id → version. */
	Map<String, Integer> currentVersions(ClinicId clinic) {
		Map<String, Integer> out = new java.util.HashMap<>();
		jdbc.sql("SELECT id, version FROM knowledge_document WHERE clinic_id = ? AND current")
			.param(clinic.value())
			.query((rs, n) -> out.put(rs.getString("id"), rs.getInt("version")))
			.list();
		return out;
	}

	List<Stored> current(ClinicId clinic) {
		return jdbc.sql(SELECT + " WHERE clinic_id = ? AND current ORDER BY id")
			.param(clinic.value())
			.query((rs, n) -> read(rs))
			.list();
	}

	Optional<Stored> current(ClinicId clinic, String id) {
		return jdbc.sql(SELECT + " WHERE clinic_id = ? AND id = ? AND current")
			.params(clinic.value(), id)
			.query((rs, n) -> read(rs))
			.optional();
	}

	List<Stored> versions(ClinicId clinic, String id) {
		return jdbc.sql(SELECT + " WHERE clinic_id = ? AND id = ? ORDER BY version")
			.params(clinic.value(), id)
			.query((rs, n) -> read(rs))
			.list();
	}

	/** The next version number of a document id (1 when it never existed); locks nothing. */
	int nextVersion(ClinicId clinic, String id) {
		return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM knowledge_document WHERE clinic_id = ? AND id = ?")
			.params(clinic.value(), id)
			.query(Integer.class)
			.single();
	}

	void insert(ClinicId clinic, String id, int version, String title, String mediaType, String content,
			String sha256, String metadata, UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO knowledge_document (clinic_id, id, version, title, media_type, content, content_sha256,
				    metadata, current, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, true, ?, ?)""")
			.params(clinic.value(), id, version, title, mediaType, content, sha256, metadata, by,
					OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	/** Retires the version in force; false when there is none. */
	boolean retire(ClinicId clinic, String id, UUID by, Instant at) {
		return jdbc.sql("""
				UPDATE knowledge_document SET current = false, retired_by = ?, retired_at = ?,
				    change_seq = nextval('knowledge_change_seq')
				WHERE clinic_id = ? AND id = ? AND current""")
			.params(by, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), clinic.value(), id)
			.update() == 1;
	}

	/** The last change number handed out (by any clinic); polled to notice changes made elsewhere. */
	long lastChange() {
		return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM knowledge_change_seq")
			.query(Long.class)
			.single();
	}

	private static final String SELECT = """
			SELECT id, version, title, media_type, content, content_sha256, metadata::text AS metadata, current,
			       created_by, created_at, retired_at
			FROM knowledge_document""";

	private static Stored read(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
		return new Stored(rs.getString("id"), rs.getInt("version"), rs.getString("title"), rs.getString("media_type"),
				rs.getString("content"), rs.getString("content_sha256"), rs.getString("metadata"),
				rs.getBoolean("current"), rs.getObject("created_by", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				retired == null ? null : retired.toInstant());
	}
}
