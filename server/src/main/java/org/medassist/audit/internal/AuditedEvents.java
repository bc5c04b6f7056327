package org.medassist.audit.internal;

import java.time.Clock;

import org.medassist.audit.internal.AuditEntry.Outcome;
import org.medassist.consultation.ConsultationAbandoned;
import org.medassist.consultation.ConsultationCompleted;
import org.medassist.consultation.ConsultationReassessed;
import org.medassist.consultation.ConsultationViewed;
import org.medassist.fhir.ConsultationExported;
import org.medassist.identity.AccessDenied;
import org.medassist.identity.ClinicSettingsChanged;
import org.medassist.identity.StaffAccountChanged;
import org.medassist.identity.StaffLoggedIn;
import org.medassist.keys.KeyRetired;
import org.medassist.keys.KeysetChanged;
import org.medassist.keys.MasterKeyChangeFailed;
import org.medassist.keys.MasterKeyChanged;
import org.medassist.keys.ValuesReencrypted;
import org.medassist.knowledge.KnowledgeDocumentChanged;
import org.medassist.review.ReviewDecided;
import org.medassist.review.ReviewEvent;
import org.medassist.review.ReviewSettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish into audit records. Synchronous listeners on purpose: they run in the
 * publisher's transaction when it has one, so the record commits or rolls back with the action. Purposes are
 * HL7 v3 PurposeOfUse codes: TREAT (care of the patient), HOPERAT (running the clinic: accounts, security).
 */
@Component
class AuditedEvents {

	static final String TREAT = "TREAT";

	static final String OPERATIONS = "HOPERAT";

	private final AuditRecorder recorder;

	private final Clock clock;

	private final AnonymousDenials anonymousDenials;

	AuditedEvents(AuditRecorder recorder, Clock clock, AnonymousDenials anonymousDenials) {
		this.recorder = recorder;
		this.anonymousDenials = anonymousDenials;
		this.clock = clock;
	}

	@EventListener
	void on(AccessDenied e) {
		boolean login = "/api/v1/auth/login".equals(e.path());
		String action = login ? "LOGIN_FAILED" : "ACCESS_DENIED";
		if (e.clinicId() == null && !anonymousDenials.admit(action, e.remoteAddress())) {
			return; // a flood on the deployment chain: counted, recorded as an aggregate at the window's end
		}
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.userId(), e.role(),
				action, "endpoint", e.method() + " " + e.path(), Outcome.DENIED,
				OPERATIONS, e.status() + ":" + e.reason(), e.remoteAddress(), null, null));
	}

	@EventListener
	void on(StaffLoggedIn e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.userId(), e.role().name(), "LOGIN", "staff_session",
				e.sessionId().toString(), Outcome.SUCCESS, OPERATIONS, e.recoveryCodeUsed() ? "recovery-code" : "totp",
				e.remoteAddress(), null, null));
	}

	@EventListener
	void on(StaffAccountChanged e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.actorId(), "CLINIC_ADMIN", "STAFF_ACCOUNT_CHANGED",
				"staff_user", e.accountId().toString(), Outcome.SUCCESS, OPERATIONS, e.change(), null, null, null));
	}

	/** The record left for the clinic's EHR (a disclosure), or its export was given up: the system acts. */
	@EventListener
	void on(ConsultationExported e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), null, "SYSTEM", "CONSULTATION_EXPORTED", "consultation",
				e.consultationId().toString(), e.delivered() ? Outcome.SUCCESS : Outcome.FAILURE, TREAT,
				"fhir-ehr attempt " + e.attempt() + (e.problem() == null ? "" : " " + e.problem()), null, null, null));
	}

	@EventListener
	void on(ClinicSettingsChanged e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.actorId(), "CLINIC_ADMIN", "CLINIC_SETTINGS_CHANGED",
				"clinic", e.clinicId().value().toString(), Outcome.SUCCESS, OPERATIONS, e.change(), null, null, null));
	}

	@EventListener
	void on(ConsultationViewed e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.userId(), e.role().name(), "CONSULTATION_VIEWED",
				"consultation", e.consultationId().toString(), Outcome.SUCCESS, TREAT, null, null, null, null));
	}

	@EventListener
	void on(ConsultationCompleted e) {
		// The engine's assessment: the system acts, no user.
		recorder.record(new AuditEntry(e.clinicId(), clock.instant(), null, "SYSTEM", "CONSULTATION_ASSESSED",
				"consultation", e.consultationId().toString(), Outcome.SUCCESS, TREAT,
				e.status() + (e.disposition() == null ? "" : ":" + e.disposition()), null, null, null));
	}

	/** The case was assessed again with the patient's EHR record, by a member of staff's action (link or refresh). */
	@EventListener
	void on(ConsultationReassessed e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.readBy(), "STAFF", "CONSULTATION_REASSESSED",
				"consultation", e.consultationId().toString(), Outcome.SUCCESS, TREAT,
				"ehr-record " + e.before() + "->" + e.after() + (e.raised() ? " raised" : ""), null, null, null));
	}

	@EventListener
	void on(ConsultationAbandoned e) {
		recorder.record(new AuditEntry(e.clinicId(), clock.instant(), null, "SYSTEM", "CONSULTATION_ABANDONED",
				"consultation", e.consultationId().toString(), Outcome.SUCCESS, TREAT, e.reason().name(), null, null,
				null));
	}

	@EventListener
	void on(ReviewEvent e) {
		// Decisions are recorded from ReviewDecided, which says who decided in which role and what the AI said.
		if (e.kind() == ReviewEvent.Kind.DECIDED) {
			return;
		}
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.actorId(), e.actorId() == null ? "SYSTEM" : "STAFF",
				"REVIEW_" + e.kind(), "consultation", e.consultationId().toString(), Outcome.SUCCESS, TREAT,
				e.detail() == null ? String.valueOf(e.disposition()) : e.disposition() + " " + e.detail(), null, null,
				null));
	}

	@EventListener
	void on(ReviewDecided e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.decidedBy(), e.role().name(),
				e.overridden() ? "REVIEW_OVERRIDDEN" : "REVIEW_ACCEPTED", "consultation", e.consultationId().toString(),
				Outcome.SUCCESS, TREAT, "ai:" + e.aiDisposition() + " human:" + e.disposition()
						+ (e.reasonCode() == null ? "" : " reason:" + e.reasonCode()),
				null, null, null));
	}

	@EventListener
	void on(ReviewSettingsChanged e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.actorId(), "CLINIC_ADMIN", "REVIEW_SETTINGS_CHANGED",
				"clinic", e.clinicId().toString(), Outcome.SUCCESS, OPERATIONS, e.setting(), null, null, null));
	}

	@EventListener
	void on(KnowledgeDocumentChanged e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), e.actorId(), "CLINIC_ADMIN",
				"KNOWLEDGE_DOCUMENT_" + e.change().name(), "knowledge_document", e.documentId(), Outcome.SUCCESS,
				OPERATIONS, "version:" + e.version(), null, null, null));
	}

	@EventListener
	void on(KeysetChanged e) {
		// Ids and counts only: never key material.
		recorder.record(new AuditEntry(e.clinicId(), e.at(), null, "SYSTEM", "KEYSET_" + e.change().toUpperCase(),
				"clinic_keyset", e.clinicId().toString(), Outcome.SUCCESS, OPERATIONS,
				"primary:" + e.primaryKeyId() + " keys:" + e.keys(), null, null, null));
	}

	@EventListener
	void on(ValuesReencrypted e) {
		// Counts and key ids only: never a value.
		recorder.record(new AuditEntry(e.clinicId(), e.at(), null, "SYSTEM", "PHI_REENCRYPTION_" + e.phase().toUpperCase(),
				"clinic_keyset", e.clinicId().toString(), Outcome.SUCCESS, OPERATIONS,
				"primary:" + e.primaryKeyId() + " values:" + e.values() + " remaining:" + e.remaining(), null, null, null));
	}

	@EventListener
	void on(KeyRetired e) {
		recorder.record(new AuditEntry(e.clinicId(), e.at(), null, "SYSTEM", "KEY_RETIRED", "clinic_keyset",
				e.clinicId().toString(), Outcome.SUCCESS, OPERATIONS,
				"key:" + e.keyId() + " primary:" + e.primaryKeyId() + " keys:" + e.keysLeft(), null, null, null));
	}

	@EventListener
	void on(MasterKeyChanged e) {
		// Published inside the re-wrap's transaction, once per clinic and once for the deployment's chain (no clinic):
		// the records commit with it. Counts only.
		recorder.record(new AuditEntry(e.clinicId(), e.at(), null, "SYSTEM", "MASTER_KEY_CHANGED", "clinic_keyset",
				e.clinicId() == null ? "deployment" : e.clinicId().toString(), Outcome.SUCCESS, OPERATIONS, "keysets:" + e.keysets() + " secrets:"
						+ e.staffSecrets() + " signing:" + e.signingKeys() + " sealed:" + e.sealedKeysets(),
				null, null, null));
	}

	@EventListener
	void on(MasterKeyChangeFailed e) {
		// The deployment's chain (no clinic): nothing changed, so no clinic's record. A count, never what or a value.
		recorder.record(new AuditEntry(null, e.at(), null, "SYSTEM", "MASTER_KEY_CHANGED", "clinic_keyset", "deployment",
				Outcome.FAILURE, OPERATIONS, "unopenable:" + e.unopenable(), null, null, null));
	}
}
