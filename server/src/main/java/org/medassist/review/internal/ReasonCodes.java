package org.medassist.review.internal;

import java.util.List;

import org.medassist.identity.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reasons a clinic's staff may give for overriding an assessment. A clinic that has not written its own
 * list uses the defaults below; once it has one, only its own active codes count.
 */
@Component
class ReasonCodes {

	record ReasonCode(String code, String label, boolean active) {
	}

	static final List<ReasonCode> DEFAULTS = List.of(
			new ReasonCode("ADDITIONAL_HISTORY", "Contact with the patient added history that changes the picture", true),
			new ReasonCode("RED_FLAG_NOT_CONFIRMED", "A red flag was not confirmed when the patient was contacted", true),
			new ReasonCode("RISK_FACTOR_KNOWN", "A risk factor known to the clinic (record, medication, condition)", true),
			new ReasonCode("ASSESSMENT_MISREAD", "The assessment misread what the patient said", true),
			new ReasonCode("CLINICAL_JUDGEMENT", "Clinical judgement (explained in the note)", true),
			new ReasonCode("SERVICE_AVAILABILITY", "Where and when the patient can be seen", true));

	private final JdbcClient jdbc;

	ReasonCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The clinic's codes, or the defaults. The caller is in the clinic's transaction. */
	List<ReasonCode> of(ClinicId clinic) {
		List<ReasonCode> own = jdbc.sql("SELECT code, label, active FROM review_reason_code ORDER BY code")
			.query((rs, n) -> new ReasonCode(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.list();
		return own.isEmpty() ? DEFAULTS : own;
	}

	boolean isActive(ClinicId clinic, String code) {
		return of(clinic).stream().anyMatch(c -> c.active() && c.code().equals(code));
	}

	/** Replaces the clinic's list. Inactive codes stay, so old decisions keep their meaning. */
	void replace(ClinicId clinic, List<ReasonCode> codes) {
		jdbc.sql("DELETE FROM review_reason_code").update();
		for (ReasonCode c : codes) {
			jdbc.sql("INSERT INTO review_reason_code (clinic_id, code, label, active) VALUES (?, ?, ?, ?)")
				.params(clinic.value(), c.code(), c.label(), c.active())
				.update();
		}
	}
}
