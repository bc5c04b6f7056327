package org.medassist.fhir;

import java.time.Instant;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;

/**
 * A consultation's record left MedAssist for the clinic's EHR (a disclosure of PHI), or its export was given up.
 * For the audit trail; published in the transaction that records the export's status.
 *
 * @param delivered {@code true}: the EHR filed the bundle; {@code false}: given up ({@code FAILED})
 * @param attempt the attempt that ended it (1, 2, ...)
 * @param problem why it was given up, in fixed words without PHI ({@code null} when delivered or for EHR failures)
 */
public record ConsultationExported(ConsultationId consultationId, ClinicId clinicId, boolean delivered, int attempt,
		Instant at, String problem) {

	public ConsultationExported(ConsultationId consultationId, ClinicId clinicId, boolean delivered, int attempt,
			Instant at) {
		this(consultationId, clinicId, delivered, attempt, at, null);
	}
}
