package org.medassist.fhir.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.medassist.fhir.internal.ExportInput.PatientLink;
import org.medassist.identity.ClinicId;
import org.medassist.keys.PhiCipher;
import org.medassist.keys.PhiField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links of consultations to EHR patients. Call inside the clinic's transaction; the identifier is encrypted. */
@Repository
class PatientLinks {

	private final JdbcClient jdbc;

	private final PhiCipher cipher;

	PatientLinks(JdbcClient jdbc, PhiCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	void link(ClinicId clinic, UUID consultationId, PatientLink link, UUID by, Instant at) {
		String value = cipher.encrypt(field(clinic, consultationId), link.value());
		jdbc.sql("""
				INSERT INTO fhir_patient_link (consultation_id, clinic_id, system, value_encrypted, linked_by, linked_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (consultation_id) DO UPDATE SET system = excluded.system,
				    value_encrypted = excluded.value_encrypted, linked_by = excluded.linked_by, linked_at = excluded.linked_at""")
			.params(consultationId, clinic.value(), link.system(), value, by, Timestamp.from(at))
			.update();
	}

	Optional<PatientLink> of(ClinicId clinic, UUID consultationId) {
		return jdbc.sql("SELECT system, value_encrypted FROM fhir_patient_link WHERE consultation_id = ?")
			.param(consultationId)
			.query((rs, n) -> new PatientLink(rs.getString(1),
					cipher.decrypt(field(clinic, consultationId), rs.getString(2))))
			.optional();
	}

	private static PhiField field(ClinicId clinic, UUID consultationId) {
		return new PhiField(clinic, "fhir_patient_link", "value_encrypted", consultationId);
	}
}
