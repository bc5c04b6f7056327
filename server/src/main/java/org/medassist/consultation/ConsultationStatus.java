package org.medassist.consultation;

/** Where a consultation is in its life. */
public enum ConsultationStatus {

	/** The interview is going on. */
	IN_PROGRESS,
	/** An emergency was found and the patient was told what to do now; the nurse reviews it first. */
	ESCALATED,
	/** The interview is over; the assessment waits in the nurse's queue. */
	AWAITING_REVIEW,
	/** A nurse has claimed it. */
	IN_REVIEW,
	/** A nurse has decided. */
	REVIEWED,
	/** The patient left (declined consent, or went quiet for longer than the configured time). */
	ABANDONED;

	/** Whether the patient can still send messages. */
	public boolean acceptsPatientMessages() {
		return this == IN_PROGRESS;
	}
}
