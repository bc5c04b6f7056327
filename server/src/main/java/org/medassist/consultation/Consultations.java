package org.medassist.consultation;

import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffMember;

/**
 * The consultation module's API: start a consultation, take consent, take the patient's messages and answer
 * them, and show the consultation to its patient.
 *
 * <p>Guarantees: a patient message is committed before anything is said about it ({@link TurnListener}); a
 * repeated {@code clientMessageId} returns the first answer and stores nothing; turns of one consultation are
 * serialised, across instances, by a row lock; a turn interrupted by a crash is completed the next time the
 * consultation is touched; a rejected request stores nothing.
 */
public interface Consultations {

	/**
	 * Starts an anonymous consultation for a clinic.
	 * @param clinic the clinic's slug
	 * @param language the patient's language ({@code null} for the default)
	 */
	StartedConsultation start(String clinic, String language);

	/** The consultation as its patient sees it, after completing any turn a crash interrupted. */
	ConsultationView view(ConsultationAccess access, ConsultationId id);

	/**
	 * The consultation as a member of the clinic's staff sees it. Another clinic's consultation is not found.
	 * Each call is published as {@link ConsultationViewed} (a read of PHI, for the audit trail).
	 */
	ConsultationView viewAsStaff(StaffMember staff, ConsultationId id);

	/** Records the patient's answer to the consent statement; on acceptance the interview begins. */
	TurnView consent(ConsultationAccess access, ConsultationId id, boolean accepted);

	/** Takes one patient message and returns the assistant's answer to it. */
	TurnView receive(ConsultationAccess access, ConsultationId id, PatientMessage message, TurnListener listener);

	/** A member of staff claimed the case for review: the consultation is {@code IN_REVIEW}. */
	void reviewStarted(ClinicId clinic, ConsultationId id);

	/** The review went back to the queue: the consultation shows as the interview left it. */
	void reviewReleased(ClinicId clinic, ConsultationId id);

	/**
	 * The review is decided: the consultation is {@code REVIEWED}, and the nurse's instructions, if any, join the
	 * transcript as a staff message (not AI-made), where the patient sees them.
	 */
	void reviewed(ClinicId clinic, ConsultationId id, String patientInstructions);

	/**
	 * What the patient's EHR record says (read by a member of staff's action). It is stored with the consultation:
	 * a running interview uses it from its next turn; a finished one, awaiting or in review, is assessed again and
	 * its disposition raised if the record calls for more (never lowered), published as
	 * {@link ConsultationReassessed}; a decided or abandoned one is not assessed again. Joins the caller's
	 * transaction in the clinic's tenancy, or opens one.
	 */
	RecordApplied applyPatientRecord(ClinicId clinic, ConsultationId id, org.medassist.triage.PatientRecord record,
			java.util.UUID readBy);
}
