package org.medassist.consultation;

import org.medassist.platform.MedAssistException;

/** The interview has ended; the consultation no longer takes messages. */
public class ConsultationAlreadyClosed extends MedAssistException {

	public ConsultationAlreadyClosed(ConsultationStatus status) {
		super(Kind.CONFLICT, "consultation-closed",
				"This consultation no longer accepts messages: its status is " + status + ".");
	}
}
