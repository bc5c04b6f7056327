package org.medassist.fhir.internal;

import org.medassist.platform.MedAssistException;

/** Why an export cannot be (re)queued. */
class ExportNotPossible extends MedAssistException {

	ExportNotPossible(String type, String safeDetail) {
		super(Kind.CONFLICT, type, safeDetail);
	}
}
