package org.medassist.consultation;

import org.medassist.platform.MedAssistException;

/** A request a patient's client sent cannot be accepted as it is; the detail says why (and never quotes it). */
public class InvalidConsultationRequest extends MedAssistException {

	public InvalidConsultationRequest(String type, String safeDetail) {
		super(Kind.INVALID_INPUT, type, safeDetail);
	}
}
