package org.medassist.consultation.internal;

import java.time.Instant;

import org.medassist.consultation.ConsentRequired;
import org.medassist.consultation.ConsultationAlreadyClosed;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.identity.ClinicId;
import org.medassist.triage.Disposition;

/**
 * The consultation aggregate: guards its own state changes. Loaded under a row lock, changed, saved with an
 * optimistic version check.
 */
final class Consultation {

	private final ConsultationId id;
	private final ClinicId clinicId;
	private final String language;
	private final String engineVersion;
	private final Instant createdAt;
	private long version;
	private ConsultationStatus status;
	private String consentVersion;
	private Instant consentGivenAt;
	private Instant consentDeclinedAt;
	private Disposition disposition;
	private Instant lastActivityAt;
	private Instant closedAt;

	Consultation(ConsultationId id, ClinicId clinicId, ConsultationStatus status, String language,
			String consentVersion, Instant consentGivenAt, Instant consentDeclinedAt, Disposition disposition,
			String engineVersion, Instant createdAt, Instant lastActivityAt, Instant closedAt, long version) {
		this.id = id;
		this.clinicId = clinicId;
		this.status = status;
		this.language = language;
		this.consentVersion = consentVersion;
		this.consentGivenAt = consentGivenAt;
		this.consentDeclinedAt = consentDeclinedAt;
		this.disposition = disposition;
		this.engineVersion = engineVersion;
		this.createdAt = createdAt;
		this.lastActivityAt = lastActivityAt;
		this.closedAt = closedAt;
		this.version = version;
	}

	static Consultation start(ClinicId clinic, String language, String engineVersion, Instant now) {
		return new Consultation(ConsultationId.random(), clinic, ConsultationStatus.IN_PROGRESS, language, null, null,
				null, null, engineVersion, now, now, null, 0);
	}

	void giveConsent(String statementVersion, Instant now) {
		requireInProgress();
		consentVersion = statementVersion;
		consentGivenAt = now;
		lastActivityAt = now;
	}

	void declineConsent(String statementVersion, Instant now) {
		requireInProgress();
		consentVersion = statementVersion;
		consentDeclinedAt = now;
		status = ConsultationStatus.ABANDONED;
		lastActivityAt = now;
		closedAt = now;
	}

	/** Throws unless the patient may send a message now. */
	void requireAcceptingMessages() {
		requireInProgress();
		if (!consentGiven()) {
			throw new ConsentRequired();
		}
	}

	void patientWrote(Instant now) {
		lastActivityAt = now;
	}

	/**
	 * Ends the interview. The disposition only ever rises: a disposition already recorded is never lowered.
	 */
	void conclude(boolean escalated, Disposition engineDisposition, Instant now) {
		requireInProgress();
		status = escalated ? ConsultationStatus.ESCALATED : ConsultationStatus.AWAITING_REVIEW;
		disposition = Disposition.mostUrgent(disposition, engineDisposition);
		lastActivityAt = now;
	}

	/**
	 * The finished interview was assessed again (the patient's record was read) and calls for more: the disposition
	 * rises. Never lowers; the status stays (the patient was not told anything new).
	 */
	boolean raise(Disposition reassessed) {
		requireAwaitingReview();
		if (reassessed == null || !reassessed.isMoreUrgentThan(disposition)) {
			return false;
		}
		disposition = reassessed;
		return true;
	}

	/** The interview is over and a human has not decided yet: a new assessment still matters. */
	boolean awaitingReview() {
		return status == ConsultationStatus.ESCALATED || status == ConsultationStatus.AWAITING_REVIEW
				|| status == ConsultationStatus.IN_REVIEW;
	}

	/** A member of staff took the case from the queue. */
	void startReview() {
		requireAwaitingReview();
		status = ConsultationStatus.IN_REVIEW;
	}

	/** The case went back to the queue: it shows again as the interview left it. */
	void returnToQueue() {
		requireAwaitingReview();
		status = disposition == Disposition.EMERGENCY ? ConsultationStatus.ESCALATED
				: ConsultationStatus.AWAITING_REVIEW;
	}

	/** A human decided; nothing further happens in this consultation. */
	void completeReview(Instant now) {
		requireAwaitingReview();
		status = ConsultationStatus.REVIEWED;
		if (closedAt == null) {
			closedAt = now;
		}
	}

	private void requireAwaitingReview() {
		if (status != ConsultationStatus.ESCALATED && status != ConsultationStatus.AWAITING_REVIEW
				&& status != ConsultationStatus.IN_REVIEW) {
			throw new ConsultationAlreadyClosed(status);
		}
	}

	private void requireInProgress() {
		if (!status.acceptsPatientMessages()) {
			throw new ConsultationAlreadyClosed(status);
		}
	}

	boolean consentGiven() {
		return consentGivenAt != null;
	}

	ConsultationId id() {
		return id;
	}

	ClinicId clinicId() {
		return clinicId;
	}

	ConsultationStatus status() {
		return status;
	}

	String language() {
		return language;
	}

	String consentVersion() {
		return consentVersion;
	}

	Instant consentGivenAt() {
		return consentGivenAt;
	}

	Instant consentDeclinedAt() {
		return consentDeclinedAt;
	}

	Disposition disposition() {
		return disposition;
	}

	String engineVersion() {
		return engineVersion;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant lastActivityAt() {
		return lastActivityAt;
	}

	Instant closedAt() {
		return closedAt;
	}

	long version() {
		return version;
	}

	/** The row now has the next version. */
	void saved() {
		version++;
	}
}
