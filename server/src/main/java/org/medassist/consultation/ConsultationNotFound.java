package org.medassist.consultation;

import org.medassist.platform.MedAssistException;

/** No consultation with this id is visible to the caller (it may exist for someone else). */
public class ConsultationNotFound extends MedAssistException {

	public ConsultationNotFound(ConsultationId id) {
		super(Kind.NOT_FOUND, "consultation-not-found", "There is no consultation " + id + ".");
	}
}
