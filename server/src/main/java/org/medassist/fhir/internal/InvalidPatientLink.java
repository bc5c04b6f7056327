package org.medassist.fhir.internal;

import org.medassist.platform.MedAssistException;

/** A link to an EHR patient that cannot be right (no system URI, no value). */
class InvalidPatientLink extends MedAssistException {

	InvalidPatientLink(String safeDetail) {
		super(Kind.INVALID_INPUT, "invalid-patient-link", safeDetail);
	}
}
