package org.medassist.consultation;

import org.medassist.identity.ClinicId;

/** The patient left before the interview ended. */
public record ConsultationAbandoned(ConsultationId consultationId, ClinicId clinicId, Reason reason) {

	public enum Reason {
		CONSENT_DECLINED, INACTIVE
	}
}
