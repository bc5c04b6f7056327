package org.medassist.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The audit trail as FHIR R4 AuditEvent resources in a searchset Bundle, for an auditor's tools. Types and
 * subtypes are DICOM audit event codes (DCM) or FHIR's RESTful ones where they fit, with MedAssist's own action
 * name as a further subtype so nothing is lost; the agent is the staff member (by id and role, never a name) or
 * MedAssist itself; the entity is the object by type and id. No PHI: a record has none to give.
 *
 * <p>Each AuditEvent carries the chain extension ({@link #CHAIN}): its sequence number, the hex SHA-256 of the
 * previous record and its own, and the record's canonical form (base64). SHA-256(canonical ‖ previous hash) must
 * give the hash and each hash must be the next record's previous hash, so the file is verifiable offline as the
 * JSON export is.
 */
final class FhirAuditEvents {

	/** The chain extension; its parts are {@code seq}, {@code prevHash}, {@code hash}, {@code canonical}. */
	static final String CHAIN = "urn:medassist:fhir:extension:audit-chain";

	static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

	static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";

	static final String RESTFUL = "http://hl7.org/fhir/restful-interaction";

	static final String ACTION_SYSTEM = "urn:medassist:audit-action";

	static final String ROLE_SYSTEM = "urn:medassist:staff-role";

	static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

	static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

	static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

	private static final Coding USER_AUTHENTICATION = dcm("110114", "User Authentication");

	private static final Coding SECURITY_ALERT = dcm("110113", "Security Alert");

	private static final Coding PATIENT_RECORD = dcm("110110", "Patient Record");

	private static final Coding EXPORT = dcm("110106", "Export");

	private static final Coding AUDIT_LOG_USED = dcm("110101", "Audit Log Used");

	private static final Coding APPLICATION_ACTIVITY = dcm("110100", "Application Activity");

	private static final Coding REST = new Coding(EVENT_TYPE, "rest", "RESTful Operation");

	private static final Map<String, String> PURPOSES = Map.of("TREAT", "treatment", "HOPERAT", "healthcare operations");

	private FhirAuditEvents() {
	}

	/** What kind of event an action is: type, a standard subtype when one fits, and the C/R/U/D/E action. */
	record Kind(Coding type, Coding subtype, AuditEventAction action) {
	}

	static Kind kind(String action) {
		return switch (action) {
			case "LOGIN", "LOGIN_FAILED" -> new Kind(USER_AUTHENTICATION, dcm("110122", "Login"), AuditEventAction.E);
			case "ACCESS_DENIED", AnonymousDenials.AGGREGATED ->
				new Kind(SECURITY_ALERT, dcm("110132", "Use of Restricted Function"), AuditEventAction.E);
			case "CONSULTATION_VIEWED" -> new Kind(REST, restful("read"), AuditEventAction.R);
			case "CONSULTATION_ASSESSED" -> new Kind(PATIENT_RECORD, null, AuditEventAction.C);
			case "CONSULTATION_EXPORTED" -> new Kind(EXPORT, null, AuditEventAction.R);
			case "AUDIT_SEARCHED" -> new Kind(AUDIT_LOG_USED, restful("search-type"), AuditEventAction.E);
			case "AUDIT_EXPORTED" -> new Kind(EXPORT, null, AuditEventAction.R);
			case "AUDIT_VERIFIED" -> new Kind(AUDIT_LOG_USED, null, AuditEventAction.E);
			case "AUDIT_PURGED" -> new Kind(AUDIT_LOG_USED, null, AuditEventAction.D);
			case "AUDIT_SIGNING_KEY_CREATED" ->
				new Kind(SECURITY_ALERT, dcm("110129", "Security Configuration"), AuditEventAction.C);
			case "STAFF_ACCOUNT_CHANGED" ->
				new Kind(SECURITY_ALERT, dcm("110137", "User security Attributes Changed"), AuditEventAction.U);
			case "CLINIC_SETTINGS_CHANGED", "REVIEW_SETTINGS_CHANGED" ->
				new Kind(APPLICATION_ACTIVITY, dcm("110131", "Software Configuration"), AuditEventAction.U);
			default -> prefixed(action);
		};
	}

	private static Kind prefixed(String action) {
		if (action.startsWith("CONSULTATION_") || action.startsWith("REVIEW_")) {
			// Abandoned, queued, claimed, released, decided...: the patient's record changes.
			return new Kind(PATIENT_RECORD, null, AuditEventAction.U);
		}
		if (action.startsWith("KNOWLEDGE_DOCUMENT_")) {
			return switch (action.substring("KNOWLEDGE_DOCUMENT_".length())) {
				case "CREATED" -> new Kind(REST, restful("create"), AuditEventAction.C);
				case "DELETED" -> new Kind(REST, restful("delete"), AuditEventAction.D);
				default -> new Kind(REST, restful("update"), AuditEventAction.U);
			};
		}
		if (action.startsWith("KEYSET_") || action.equals("MASTER_KEY_CHANGED")) {
			return new Kind(SECURITY_ALERT, dcm("110129", "Security Configuration"),
					action.equals("KEYSET_CREATED") ? AuditEventAction.C : AuditEventAction.U);
		}
		return new Kind(APPLICATION_ACTIVITY, null, AuditEventAction.E);
	}

	/**
	 * @param clinic the chain's clinic slug: the source's site and the namespace of identifiers
	 * @param instance which MedAssist wrote the export (the source's observer)
	 */
	static Bundle bundle(String clinic, String instance, Instant exportedAt, List<AuditRecord> records) {
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.SEARCHSET);
		bundle.setId(UUID.randomUUID().toString());
		bundle.setTimestamp(Date.from(exportedAt));
		bundle.setTotal(records.size());
		for (AuditRecord record : records) {
			bundle.addEntry()
				.setFullUrl("urn:uuid:" + record.id())
				.setResource(event(clinic, instance, record))
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		return bundle;
	}

	static AuditEvent event(String clinic, String instance, AuditRecord r) {
		AuditEvent event = new AuditEvent();
		event.setId(r.id().toString());
		Kind kind = kind(r.action());
		event.setType(kind.type());
		if (kind.subtype() != null) {
			event.addSubtype(kind.subtype());
		}
		event.addSubtype(new Coding(ACTION_SYSTEM, r.action(), null));
		event.setAction(kind.action());
		// FHIR instants stop at milliseconds; the exact instant is in the canonical form.
		event.setRecordedElement(new InstantType(Date.from(r.at())));
		event.setOutcome(switch (r.outcome()) {
			case "SUCCESS" -> AuditEventOutcome._0;
			case "DENIED" -> AuditEventOutcome._4;
			default -> AuditEventOutcome._8;
		});
		if (!"SUCCESS".equals(r.outcome())) {
			event.setOutcomeDesc(r.outcome().toLowerCase() + (r.detail() == null ? "" : " " + r.detail()));
		}
		if (r.purpose() != null) {
			event.addPurposeOfEvent(new CodeableConcept(new Coding(ACT_REASON, r.purpose(), PURPOSES.get(r.purpose()))));
		}
		event.addAgent(agent(clinic, r));
		event.getSource()
			.setSite(clinic)
			.setObserver(new Reference().setIdentifier(new Identifier().setSystem("urn:medassist:instance")
				.setValue(instance)).setDisplay("MedAssist"))
			.addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
					"Application Server"));
		if (r.objectType() != null) {
			event.addEntity(entity(clinic, r));
		}
		Extension chain = event.addExtension().setUrl(CHAIN);
		chain.addExtension("seq", new StringType(Long.toString(r.seq())));
		chain.addExtension("prevHash", new StringType(AuditRecord.hex(r.prevHash())));
		chain.addExtension("hash", new StringType(AuditRecord.hex(r.hash())));
		chain.addExtension("canonical", new Base64BinaryType(r.canonical().getBytes(StandardCharsets.UTF_8)));
		return event;
	}

	private static AuditEventAgentComponent agent(String clinic, AuditRecord r) {
		AuditEventAgentComponent agent = new AuditEventAgentComponent().setRequestor(true);
		if (r.userId() != null) {
			agent.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type",
					"humanuser", "human user")));
			agent.setWho(new Reference().setIdentifier(
					new Identifier().setSystem("urn:medassist:" + clinic + ":staff-user").setValue(r.userId().toString())));
		}
		else if ("SYSTEM".equals(r.role()) || "OPERATOR".equals(r.role())) {
			agent.setType(new CodeableConcept(dcm("110150", "Application")));
			agent.setWho(new Reference().setDisplay("SYSTEM".equals(r.role()) ? "MedAssist" : "MedAssist operator"));
		}
		else {
			// Nobody known: a request without valid credentials.
			agent.setWho(new Reference().setDisplay("unauthenticated caller"));
		}
		if (r.role() != null) {
			agent.addRole(new CodeableConcept(new Coding(ROLE_SYSTEM, r.role(), null)).setText(r.role()));
		}
		if (r.remoteAddress() != null) {
			agent.getNetwork().setAddress(r.remoteAddress()).setType(AuditEventAgentNetworkType._2);
		}
		return agent;
	}

	private static AuditEventEntityComponent entity(String clinic, AuditRecord r) {
		AuditEventEntityComponent entity = new AuditEventEntityComponent();
		Reference what = new Reference();
		if (r.objectId() != null) {
			what.setIdentifier(new Identifier().setSystem("urn:medassist:" + clinic + ":" + r.objectType())
				.setValue(r.objectId()));
		}
		else {
			what.setDisplay(r.objectType());
		}
		entity.setWhat(what);
		entity.setType(switch (r.objectType()) {
			case "staff_user" -> new Coding(ENTITY_TYPE, "1", "Person");
			case "clinic" -> new Coding(ENTITY_TYPE, "3", "Organization");
			default -> new Coding(ENTITY_TYPE, "2", "System Object");
		});
		Coding role = switch (r.objectType()) {
			case "consultation", "knowledge_document" -> new Coding(OBJECT_ROLE, "4", "Domain Resource");
			case "staff_user" -> new Coding(OBJECT_ROLE, "11", "Security User Entity");
			case "audit_chain", "clinic_keyset", "audit_signing_key", "staff_session", "endpoint" ->
				new Coding(OBJECT_ROLE, "13", "Security Resource");
			default -> null;
		};
		if (role != null) {
			entity.setRole(role);
		}
		if (r.detail() != null) {
			entity.addDetail().setType("detail").setValue(new StringType(r.detail()));
		}
		if (r.correlationId() != null) {
			entity.addDetail().setType("correlation-id").setValue(new StringType(r.correlationId()));
		}
		return entity;
	}

	private static Coding dcm(String code, String display) {
		return new Coding(DCM, code, display);
	}

	private static Coding restful(String code) {
		return new Coding(RESTFUL, code, code);
	}
}
