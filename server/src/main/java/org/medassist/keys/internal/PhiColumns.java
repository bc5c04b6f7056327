package org.medassist.keys.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every column that holds PHI encrypted with a clinic's keyset, for the re-encryption job and the key usage
 * count. A module that stores a new encrypted column adds it here (PhiInventoryTest fails for a text column of a
 * tenant table that is neither here nor declared not PHI). The SQL names only tables and columns; the keys module
 * depends on none of the modules that own them.
 */
final class PhiColumns {

	private PhiColumns() {
	}

	/**
	 * One encrypted column. The {@code PhiField} of a value is (clinic, {@code table}, {@code column}, the row's
	 * {@code idColumn}).
	 *
	 * @param encrypted SQL condition: the row holds a ciphertext in {@code column}
	 * @param plainValue SQL expression of a value stored before encryption, or null when there are none
	 * @param plainWhere SQL condition for such rows
	 * @param replace SQL that swaps {@code :old} for {@code :new} in row {@code :id}, only if it still holds
	 * {@code :old}: an UPDATE, or a SELECT of a function returning whether it did
	 * @param sealPlain the same for a plain value
	 */
	record PhiColumn(String table, String column, String idColumn, String encrypted, String plainValue,
			String plainWhere, String replace, String sealPlain) {

		static PhiColumn updatable(String table, String column, String idColumn) {
			return new PhiColumn(table, column, idColumn, column + " IS NOT NULL", null, null,
					"UPDATE " + table + " SET " + column + " = :new WHERE " + idColumn + " = :id AND " + column + " = :old",
					null);
		}

		/** Tink's output prefix: byte 0 is 0x01, bytes 1-4 the key id; the first 8 base64 characters hold them. */
		String keyIdOf() {
			return "substring(decode(substring(" + column + " from 1 for 8), 'base64') from 2 for 4)";
		}

		/** Ciphertexts by key id. */
		Map<Integer, Long> usage(JdbcClient jdbc) {
			Map<Integer, Long> usage = new HashMap<>();
			jdbc.sql("SELECT " + keyIdOf() + " AS key_id, count(*) AS n FROM " + table + " WHERE " + encrypted
					+ " GROUP BY 1")
				.query(rs -> {
					usage.merge(keyId(rs.getBytes("key_id")), rs.getLong("n"), Long::sum);
				});
			return usage;
		}

		long plainCount(JdbcClient jdbc) {
			return plainValue == null ? 0
					: jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + plainWhere).query(Long.class).single();
		}

		/** The next ciphertexts after row {@code after} (in id order) that another key than the primary encrypts. */
		List<Stored> notUnder(JdbcClient jdbc, int primaryKeyId, UUID after, int limit) {
			return jdbc.sql("SELECT " + idColumn + " AS row_id, " + column + " AS stored FROM " + table + " WHERE "
					+ encrypted + " AND " + keyIdOf() + " <> :primary AND " + idColumn + " > :after ORDER BY "
					+ idColumn + " LIMIT :limit")
				.param("primary", keyIdBytes(primaryKeyId))
				.param("after", after)
				.param("limit", limit)
				.query((rs, n) -> new Stored(rs.getObject("row_id", UUID.class), rs.getString("stored")))
				.list();
		}

		List<Stored> plain(JdbcClient jdbc, UUID after, int limit) {
			if (plainValue == null) {
				return List.of();
			}
			return jdbc.sql("SELECT " + idColumn + " AS row_id, " + plainValue + " AS stored FROM " + table + " WHERE "
					+ plainWhere + " AND " + idColumn + " > :after ORDER BY " + idColumn + " LIMIT :limit")
				.param("after", after)
				.param("limit", limit)
				.query((rs, n) -> new Stored(rs.getObject("row_id", UUID.class), rs.getString("stored")))
				.list();
		}

		/** Compare-and-set: false when the row changed meanwhile (its writer stored a fresh value; nothing to do). */
		boolean swap(JdbcClient jdbc, String sql, Stored old, String ciphertext) {
			var statement = jdbc.sql(sql).param("id", old.rowId()).param("old", old.value()).param("new", ciphertext);
			return sql.startsWith("SELECT") ? Boolean.TRUE.equals(statement.query(Boolean.class).single())
					: statement.update() == 1;
		}
	}

	/** A stored value: a ciphertext, or plain PHI from before encryption. */
	record Stored(UUID rowId, @Classification(Level.RESTRICTED) String value) {
	}

	static final List<PhiColumn> ALL = List.of(
			// The transcript: append-only for the application role, so the swap goes through the owner's narrow
			// function (V12). Rows from before V11 hold plain text (text_encrypted = false).
			new PhiColumn("consultation_message", "text", "id", "text_encrypted", "text", "NOT text_encrypted",
					"SELECT reencrypt_transcript_text(:id, :old, :new)", "SELECT reencrypt_transcript_text(:id, :old, :new)"),
			// The assessment: rows from before V12 hold plain jsonb in consultation.assessment.
			new PhiColumn("consultation", "assessment_encrypted", "id", "assessment_encrypted IS NOT NULL",
					"assessment::text", "assessment IS NOT NULL AND assessment_encrypted IS NULL",
					"UPDATE consultation SET assessment_encrypted = :new WHERE id = :id AND assessment_encrypted = :old",
					"UPDATE consultation SET assessment_encrypted = :new, assessment = NULL"
							+ " WHERE id = :id AND assessment_encrypted IS NULL AND assessment::text = :old"),
			PhiColumn.updatable("review", "note", "consultation_id"),
			PhiColumn.updatable("review", "patient_instructions", "consultation_id"),
			PhiColumn.updatable("review", "second_opinion_note", "consultation_id"),
			PhiColumn.updatable("fhir_patient_link", "value_encrypted", "consultation_id"),
			// What the EHR's record says (V32), and validation messages that may quote it (V33).
			PhiColumn.updatable("consultation_record", "record_encrypted", "consultation_id"),
			PhiColumn.updatable("fhir_export", "validation_messages_encrypted", "consultation_id"));

	/** The key id of a stored ciphertext's prefix; 0 (no key Tink makes) for a value too short to have one. */
	static int keyId(byte[] prefix) {
		return prefix == null || prefix.length != 4 ? 0 : ByteBuffer.wrap(prefix).getInt();
	}

	static byte[] keyIdBytes(int keyId) {
		return ByteBuffer.allocate(4).putInt(keyId).array();
	}
}
