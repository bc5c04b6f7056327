package org.medassist.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;

/**
 * Every column that can hold text or bytes is accounted for: encrypted with the clinic's keys (and so re-encrypted
 * after a rotation), sealed under the master key, or named here as holding no PHI, with the reason. A new column
 * fails this test until its author decides which; a PHI column goes into {@link PhiColumns}.
 */
class PhiInventoryTest extends ApplicationTest {

	/** Sealed under the master key (platform.SecretSealer), not the clinic's keyset. */
	static final Set<String> SEALED = Set.of("staff_user.mfa_secret", "signing_key.private_der",
			"audit_signing_key.sealed_keyset");

	/** Plain values from before encryption, which the re-encryption job encrypts and clears. */
	static final Set<String> LEGACY_PLAIN = Set.of("consultation.assessment");

	static final Map<String, String> NOT_PHI = Map.ofEntries(
			Map.entry("audit_signing_key.public_key", "the public half of the checkpoint-signing key"),
			Map.entry("audit_event.*", "ids, fixed codes, staff address and agent; never PHI values (ADR 0005)"),
			Map.entry("clinic.*", "the clinic's public settings"),
			Map.entry("clinic_keyset.wrapped_keyset", "the keyset, wrapped by the master key"),
			Map.entry("consultation.access_token_hash", "SHA-256 of the patient's token"),
			Map.entry("consultation.consent_version", "a version id"),
			Map.entry("consultation.disposition", "a fixed level"),
			Map.entry("consultation.engine_version", "a version id"),
			Map.entry("consultation.language", "a language code"),
			Map.entry("consultation.status", "a fixed status"),
			Map.entry("consultation_message.author", "a fixed code"),
			Map.entry("consultation_message.kind", "a fixed code"),
			Map.entry("consultation_message.options", "the quick replies the knowledge base offered"),
			Map.entry("consultation_message.question_id", "a knowledge-base id"),
			Map.entry("consultation_turn.*", "fixed statuses and levels"),
			Map.entry("dashboard_update.*", "fixed kinds and levels"),
			Map.entry("event_publication.*", "events carry ids and codes only (module APIs)"),
			Map.entry("fhir_export.status", "a fixed status"),
			Map.entry("fhir_export.last_error", "a fixed, PHI-free error description"),
			Map.entry("fhir_patient_link.system", "the identifier system's URI; the value is encrypted"),
			Map.entry("flyway_schema_history.*", "migrations"),
			Map.entry("knowledge_document.*", "the clinic's guidance documents, not patient data"),
			Map.entry("review.age_group", "a band (child, adult...) for analytics"),
			Map.entry("review.ai_disposition", "a fixed level"),
			Map.entry("review.claimed_by_name", "a staff member's display name"),
			Map.entry("review.decided_by_name", "a staff member's display name"),
			Map.entry("review.disposition", "a fixed level"),
			Map.entry("review.reason_code", "a clinic's reason code"),
			Map.entry("review.status", "a fixed status"),
			Map.entry("review.tier", "a fixed tier"),
			Map.entry("review_reason_code.*", "the clinic's reason codes"),
			Map.entry("review_target.*", "the clinic's targets"),
			Map.entry("review_working_hours.*", "the clinic's opening days, hours and time zone"),
			Map.entry("signing_key.kid", "a key id"),
			Map.entry("signing_key.public_der", "a public key"),
			Map.entry("staff_recovery_code.code_hash", "SHA-256 of a recovery code"),
			Map.entry("staff_refresh_token.token_hash", "SHA-256 of a refresh token"),
			Map.entry("staff_session.revoked_reason", "a fixed reason"),
			Map.entry("staff_user.display_name", "staff, not patients"),
			Map.entry("staff_user.external_subject", "the staff member's id at the clinic's OpenID provider"),
			Map.entry("staff_user.password_hash", "a bcrypt hash"),
			Map.entry("staff_user.role", "a fixed role"),
			Map.entry("staff_user.username", "staff, not patients"));

	@Test
	void everyTextOrBytesColumnIsEncryptedSealedOrDeclaredNotPhi() {
		List<String> columns = database.sql("""
				SELECT table_name || '.' || column_name FROM information_schema.columns
				WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json',
				                                                'bytea', 'xml', 'ARRAY', 'USER-DEFINED')
				ORDER BY 1""").query(String.class).list();
		Set<String> encrypted = PhiColumns.ALL.stream().map(c -> c.table() + "." + c.column()).collect(Collectors.toSet());
		// The transcript's plain rows from before V11 live in the same column as its ciphertexts.
		Set<String> unaccounted = new TreeSet<>();
		for (String column : columns) {
			String table = column.substring(0, column.indexOf('.'));
			if (!encrypted.contains(column) && !SEALED.contains(column) && !LEGACY_PLAIN.contains(column)
					&& !NOT_PHI.containsKey(column) && !NOT_PHI.containsKey(table + ".*")) {
				unaccounted.add(column);
			}
		}
		assertThat(unaccounted).as("columns that may hold PHI in the clear: encrypt them (PhiColumns) or declare them"
				+ " not PHI here, with the reason").isEmpty();
		assertThat(columns).as("every encrypted column exists").containsAll(encrypted).containsAll(SEALED);
	}
}
