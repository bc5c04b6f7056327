package org.medassist.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.MessageView;
import org.medassist.consultation.MessageView.MessageAuthor;
import org.medassist.consultation.MessageView.MessageKind;
import org.medassist.review.ReviewOutcome;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * A consultation and its review as one FHIR R4 transaction Bundle an EHR can file without custom code.
 *
 * <p>Idempotent by construction: every resource carries a stable identifier (system
 * {@code urn:medassist:<clinic>:<kind>}) and is posted with {@code ifNoneExist} on it, so an EHR files a bundle
 * sent twice once. Provenance has no identifier in R4: it is matched by a {@code meta.tag} instead. fullUrls are
 * {@code urn:uuid}s derived from those identifiers, so the same consultation always gives the same bundle.
 *
 * <p>Anonymous consultations (no linked EHR patient) carry no Patient and no patient identifier: the subject of
 * resources that require one is a display-only reference. AI-made content (findings, red flags, the assessment,
 * the report) is labelled with the HL7 AI-transparency security label {@code AIAST}.
 */
final class ConsultationBundle {

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	static final String ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";

	static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

	static final String SNOMED = "http://snomed.info/sct";

	/** Codes of MedAssist's own vocabularies (finding, red flag, rule and disposition ids); not clinic-specific. */
	static final String FINDING_SYSTEM = "urn:medassist:finding";

	static final String RED_FLAG_SYSTEM = "urn:medassist:red-flag";

	static final String RULE_SYSTEM = "urn:medassist:rule";

	static final String DISPOSITION_SYSTEM = "urn:medassist:disposition";

	static final String DEVICE_SYSTEM = "urn:medassist:device";

	/**
	 * SNOMED CT concepts for findings where the concept means exactly what the finding asks (clinical findings,
	 * International Edition). Findings not listed go as text and MedAssist's own code only.
	 */
	static final Map<String, Coding> SNOMED_FINDINGS = Map.ofEntries(
			snomed("fever", "386661006", "Fever"), snomed("nausea", "422587007", "Nausea"),
			snomed("vomiting", "422400008", "Vomiting"), snomed("diarrhoea", "62315008", "Diarrhea"),
			snomed("abdominal_pain", "21522001", "Abdominal pain"), snomed("chest_pain", "29857009", "Chest pain"),
			snomed("shortness_of_breath", "267036007", "Dyspnea"), snomed("cough", "49727002", "Cough"),
			snomed("headache", "25064002", "Headache"), snomed("seizure", "91175000", "Seizure"),
			snomed("palpitations", "80313002", "Palpitations"), snomed("wheezing", "56018004", "Wheezing"),
			snomed("vomiting_blood", "8765009", "Hematemesis"), snomed("coughing_blood", "66857006", "Hemoptysis"),
			snomed("blood_in_urine", "34436003", "Blood in urine"), snomed("constipation", "14760008", "Constipation"));

	private final String clinic;

	private final ExportInput input;

	private final ConsultationView c;

	private final Bundle bundle = new Bundle();

	private final Reference subject;

	private final Reference encounter;

	private final Reference device;

	private Reference practitioner;

	private ConsultationBundle(ExportInput input) {
		this.input = input;
		this.c = input.consultation();
		this.clinic = c.clinic();
		this.subject = input.patient() == null ? new Reference().setDisplay("Anonymous patient")
				: ref(key("patient", input.patient().system() + "|" + input.patient().value()));
		this.encounter = ref(key("encounter", c.id().toString()));
		this.device = ref(key("device", engineVersion()));
	}

	/** The transaction Bundle for one consultation (with its review, when there is one). */
	static Bundle of(ExportInput input) {
		return new ConsultationBundle(input).build();
	}

	private Bundle build() {
		bundle.setType(Bundle.BundleType.TRANSACTION);
		bundle.setIdentifier(identifier("fhir-export", c.id().toString()));
		bundle.setTimestamp(date(lastChange()));
		if (input.patient() != null) {
			patient();
		}
		device();
		ReviewOutcome review = input.review();
		if (review != null && review.reviewerId() != null) {
			practitioner(review);
		}
		encounter();
		Reference questionnaire = questionnaireResponse();
		List<Reference> findings = observations();
		List<Reference> flags = flags();
		Reference impression = clinicalImpression(findings, flags);
		Reference task = review == null ? null : task(review, impression);
		Reference composition = composition(questionnaire, findings, flags, impression, task);
		List<Reference> aiMade = new ArrayList<>(findings);
		aiMade.addAll(flags);
		aiMade.add(impression);
		aiMade.add(composition);
		provenance(aiMade, task);
		recordProvenance(findings);
		return bundle;
	}

	private void patient() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(input.patient().system()).setValue(input.patient().value());
		// Only the link: the EHR has the patient; MedAssist never learnt who they are.
		narrative(patient, "The EHR's patient this consultation is linked to.");
		add(patient, subject, "Patient", "identifier=" + input.patient().system() + "|" + input.patient().value());
	}

	private void device() {
		Device d = new Device();
		d.addIdentifier().setSystem(DEVICE_SYSTEM).setValue(engineVersion());
		d.setStatus(Device.FHIRDeviceStatus.ACTIVE);
		d.setManufacturer("MedAssist");
		d.addDeviceName().setName("MedAssist triage assistant").setType(Device.DeviceNameType.USERFRIENDLYNAME);
		d.addVersion().setValue(engineVersion());
		if (c.assessment() != null && c.assessment().knowledgeBaseVersion() != null) {
			d.addVersion().setType(new CodeableConcept().setText("knowledge base"))
				.setValue(c.assessment().knowledgeBaseVersion());
		}
		narrative(d, "MedAssist triage assistant, version " + engineVersion() + " (software).");
		add(d, device, "Device", "identifier=" + DEVICE_SYSTEM + "|" + engineVersion());
	}

	private void practitioner(ReviewOutcome review) {
		String id = review.reviewerId().toString();
		practitioner = ref(key("staff", id));
		Practitioner p = new Practitioner();
		p.addIdentifier(identifier("staff", id));
		if (review.reviewerName() != null) {
			p.addName().setText(review.reviewerName());
		}
		narrative(p, "The clinic's reviewer (MedAssist staff account).");
		add(p, practitioner, "Practitioner", conditional("staff", id));
	}

	private void encounter() {
		Encounter e = new Encounter();
		e.addIdentifier(identifier("consultation", c.id().toString()));
		e.setStatus(encounterStatus(c.status()));
		e.setClass_(new Coding(ACT_CODE, "VR", "virtual"));
		Disposition disposition = disposition();
		if (disposition != null) {
			e.setPriority(priority(disposition));
		}
		e.setSubject(subject);
		Period period = new Period().setStart(date(c.createdAt()));
		if (input.review() != null && input.review().decidedAt() != null) {
			period.setEnd(date(input.review().decidedAt()));
		}
		e.setPeriod(period);
		String complaint = presentingComplaint();
		if (complaint != null) {
			e.addReasonCode().setText(complaint);
		}
		narrative(e, "Virtual triage consultation with MedAssist" + (disposition == null ? "."
				: ", priority " + disposition.name().toLowerCase().replace('_', ' ') + "."));
		add(e, encounter, "Encounter", conditional("consultation", c.id().toString()));
	}

	static Encounter.EncounterStatus encounterStatus(ConsultationStatus status) {
		return switch (status) {
			case IN_PROGRESS -> Encounter.EncounterStatus.INPROGRESS;
			case ESCALATED, AWAITING_REVIEW, IN_REVIEW -> Encounter.EncounterStatus.TRIAGED;
			case REVIEWED -> Encounter.EncounterStatus.FINISHED;
			case ABANDONED -> Encounter.EncounterStatus.CANCELLED;
		};
	}

	/** v3 ActPriority, as in the design notes. */
	static CodeableConcept priority(Disposition disposition) {
		Coding coding = switch (disposition) {
			case EMERGENCY -> new Coding(ACT_PRIORITY, "EM", "emergency");
			case URGENT -> new Coding(ACT_PRIORITY, "UR", "urgent");
			case ROUTINE -> new Coding(ACT_PRIORITY, "R", "routine");
			case SELF_CARE -> new Coding(ACT_PRIORITY, "EL", "elective");
		};
		return new CodeableConcept(coding);
	}

	private Reference questionnaireResponse() {
		QuestionnaireResponse q = new QuestionnaireResponse();
		q.setIdentifier(identifier("interview", c.id().toString()));
		q.setStatus(c.status() == ConsultationStatus.IN_PROGRESS
				? QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS
				: c.status() == ConsultationStatus.ABANDONED ? QuestionnaireResponse.QuestionnaireResponseStatus.STOPPED
						: QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		q.setSubject(input.patient() == null ? null : subject);
		q.setEncounter(encounter);
		q.setAuthored(date(c.createdAt()));
		q.setSource(input.patient() == null ? null : subject);
		Set<String> linkIds = new LinkedHashSet<>();
		String complaint = presentingComplaint();
		if (complaint != null) {
			linkIds.add("presenting-complaint");
			q.addItem().setLinkId("presenting-complaint").setText("What is the main problem?")
				.addAnswer().setValue(new StringType(complaint));
		}
		List<MessageView> messages = c.messages() == null ? List.of() : c.messages();
		for (int i = 0; i < messages.size(); i++) {
			MessageView asked = messages.get(i);
			if (asked.author() != MessageAuthor.ASSISTANT || asked.kind() != MessageKind.QUESTION) {
				continue;
			}
			MessageView answer = answerTo(messages, i);
			QuestionnaireResponse.QuestionnaireResponseItemComponent item = q.addItem();
			String linkId = asked.questionId() == null ? "q" + asked.seq() : asked.questionId();
			item.setLinkId(linkIds.add(linkId) ? linkId : linkId + "-" + asked.seq());
			item.setText(asked.text());
			if (answer != null && answer.text() != null && !answer.text().isBlank()) {
				item.addAnswer().setValue(new StringType(answer.text()));
			}
		}
		narrative(q, "The patient's answers to the MedAssist interview (" + q.getItem().size() + " items).");
		Reference ref = ref(key("interview", c.id().toString()));
		add(q, ref, "QuestionnaireResponse", conditional("interview", c.id().toString()));
		return ref;
	}

	/** The patient message after a question that answers it (same question id), before the next question. */
	private static MessageView answerTo(List<MessageView> messages, int question) {
		MessageView asked = messages.get(question);
		for (int j = question + 1; j < messages.size(); j++) {
			MessageView m = messages.get(j);
			if (m.author() == MessageAuthor.PATIENT) {
				boolean same = asked.questionId() == null || m.questionId() == null
						|| asked.questionId().equals(m.questionId());
				return same ? m : null;
			}
			if (m.kind() == MessageKind.QUESTION) {
				return null;
			}
		}
		return null;
	}

	private List<Reference> observations() {
		List<Reference> refs = new ArrayList<>();
		Assessment a = c.assessment();
		if (a == null) {
			return refs;
		}
		for (Assessment.FindingNote f : nonNull(a.present())) {
			refs.add(observation(f, true));
		}
		for (Assessment.FindingNote f : nonNull(a.absent())) {
			refs.add(observation(f, false));
		}
		return refs;
	}

	private Reference observation(Assessment.FindingNote finding, boolean present) {
		String id = c.id() + "/" + finding.id();
		Observation o = new Observation();
		o.addIdentifier(identifier("finding", id));
		aiAsserted(o);
		o.setStatus(Observation.ObservationStatus.PRELIMINARY);
		o.addCategory(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
		CodeableConcept code = new CodeableConcept().setText(finding.label());
		Coding snomed = SNOMED_FINDINGS.get(finding.id());
		if (snomed != null) {
			code.addCoding(snomed.copy());
		}
		code.addCoding(new Coding(FINDING_SYSTEM, finding.id(), finding.label()));
		o.setCode(code);
		o.setSubject(input.patient() == null ? null : subject);
		o.setEncounter(encounter);
		o.setEffective(new DateTimeType(date(assessedAt())));
		// Observation.performer may not be a Device in R4: the software that extracted the finding is the device.
		o.setDevice(device);
		o.setValue(new org.hl7.fhir.r4.model.BooleanType(present));
		String entries = fromRecord(finding.id());
		if (present && entries != null) {
			// Known from the EHR's own record, not from the patient: said so here and by the record's Provenance.
			o.setMethod(new CodeableConcept().setText("Read from the patient's EHR record by software"));
			o.addNote(new Annotation().setText("Source: the EHR record (" + entries + "), not the patient."));
			narrative(o, finding.label() + ": from the patient's EHR record (" + entries + "), not reported by the "
					+ "patient (matched by software).");
		}
		else {
			narrative(o, finding.label() + ": " + (present ? "reported by the patient" : "denied by the patient")
					+ " (extracted by software).");
		}
		Reference ref = ref(key("finding", id));
		add(o, ref, "Observation", conditional("finding", id));
		return ref;
	}

	private List<Reference> flags() {
		List<Reference> refs = new ArrayList<>();
		Assessment a = c.assessment();
		if (a == null) {
			return refs;
		}
		for (Assessment.RedFlagHit hit : nonNull(a.redFlags())) {
			String id = c.id() + "/" + hit.id();
			Flag f = new Flag();
			f.addIdentifier(identifier("red-flag", id));
			aiAsserted(f);
			f.setStatus(Flag.FlagStatus.ACTIVE);
			f.addCategory(new CodeableConcept(
					new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
			f.setCode(new CodeableConcept(new Coding(RED_FLAG_SYSTEM, hit.id(), hit.name())).setText(hit.name()));
			f.setSubject(subject);
			f.setEncounter(encounter);
			f.setPeriod(new Period().setStart(date(assessedAt())));
			f.setAuthor(device);
			narrative(f, "Red flag: " + hit.name() + (hit.instruction() == null ? "" : ". " + hit.instruction()));
			Reference ref = ref(key("red-flag", id));
			add(f, ref, "Flag", conditional("red-flag", id));
			refs.add(ref);
		}
		return refs;
	}

	/** The AI disposition with its reasons; each reason's source is a protocol URL the EHR can open. */
	private Reference clinicalImpression(List<Reference> findings, List<Reference> flags) {
		Assessment a = c.assessment();
		Disposition ai = aiDisposition();
		ClinicalImpression ci = new ClinicalImpression();
		ci.addIdentifier(identifier("assessment", c.id().toString()));
		aiAsserted(ci);
		ci.setStatus(c.status() == ConsultationStatus.IN_PROGRESS
				? ClinicalImpression.ClinicalImpressionStatus.INPROGRESS
				: ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
		ci.setCode(new CodeableConcept().setText("Preliminary triage assessment (AI)"));
		ci.setDescription(a != null && !a.fromRecord().isEmpty()
				? "Made by software from the patient's answers and the patient's EHR record; a nurse reviews every case."
				: "Made by software from the patient's answers; a nurse reviews every case.");
		ci.setSubject(subject);
		ci.setEncounter(encounter);
		ci.setEffective(new DateTimeType(date(assessedAt())));
		ci.setDate(date(assessedAt()));
		if (ai != null) {
			ci.setSummary("AI disposition: " + ai.name());
			ci.addPrognosisCodeableConcept(new CodeableConcept(new Coding(DISPOSITION_SYSTEM, ai.name(), label(ai)))
				.setText(label(ai)));
		}
		else {
			ci.setSummary("No AI disposition: the interview ended without one; the nurse decides.");
		}
		for (Reference ref : findings) {
			ci.addFinding().setItemReference(ref);
		}
		if (a != null) {
			Set<String> protocols = new LinkedHashSet<>();
			for (Assessment.Reason r : nonNull(a.reasons())) {
				ClinicalImpression.ClinicalImpressionFindingComponent f = ci.addFinding();
				f.setItemCodeableConcept(new CodeableConcept(new Coding(RULE_SYSTEM, r.rule(), null)).setText(r.text()));
				if (r.source() != null) {
					f.setBasis(citation(r.source()));
					if (r.source().url() != null) {
						protocols.add(r.source().url());
					}
				}
			}
			for (Assessment.RedFlagHit hit : nonNull(a.redFlags())) {
				if (hit.source() != null && hit.source().url() != null) {
					protocols.add(hit.source().url());
				}
			}
			protocols.forEach(ci::addProtocol);
			for (String u : nonNull(a.uncertainties())) {
				ci.addNote(new Annotation().setText("Uncertain: " + u));
			}
		}
		flags.forEach(ci::addSupportingInfo);
		narrative(ci, ci.getSummary());
		Reference ref = ref(key("assessment", c.id().toString()));
		add(ci, ref, "ClinicalImpression", conditional("assessment", c.id().toString()));
		return ref;
	}

	/** The nurse's review: its state, the AI disposition (input) beside the human one and the override reason. */
	private Reference task(ReviewOutcome review, Reference impression) {
		Task t = new Task();
		t.addIdentifier(identifier("review", c.id().toString()));
		t.setStatus(switch (review.status()) {
			case "DECIDED" -> Task.TaskStatus.COMPLETED;
			case "CLAIMED" -> Task.TaskStatus.INPROGRESS;
			default -> Task.TaskStatus.READY;
		});
		t.setBusinessStatus(new CodeableConcept().setText(
				!review.decided() ? "awaiting review" : review.overridden() ? "AI disposition overridden" : "AI disposition accepted"));
		t.setIntent(Task.TaskIntent.ORDER);
		t.setPriority(switch (review.aiDisposition()) {
			case EMERGENCY -> Task.TaskPriority.STAT;
			case URGENT -> Task.TaskPriority.URGENT;
			default -> Task.TaskPriority.ROUTINE;
		});
		t.setCode(new CodeableConcept().setText("Review of the AI triage assessment by a nurse"));
		t.setFocus(impression);
		if (input.patient() != null) {
			t.setFor(subject);
		}
		t.setEncounter(encounter);
		t.setAuthoredOn(date(review.queuedAt()));
		if (review.decidedAt() != null) {
			t.setLastModified(date(review.decidedAt()));
			t.setExecutionPeriod(new Period().setEnd(date(review.decidedAt())));
		}
		if (practitioner != null) {
			t.setOwner(practitioner);
		}
		t.addInput().setType(new CodeableConcept().setText("AI disposition"))
			.setValue(dispositionConcept(review.aiDisposition()));
		if (review.decided()) {
			t.addOutput().setType(new CodeableConcept().setText("Human disposition"))
				.setValue(dispositionConcept(review.disposition()));
			if (review.reasonCode() != null) {
				t.addOutput().setType(new CodeableConcept().setText("Override reason"))
					.setValue(new CodeableConcept(new Coding(system("override-reason"), review.reasonCode(),
							review.reasonLabel())).setText(review.reasonLabel() == null ? review.reasonCode()
									: review.reasonLabel()));
			}
			if (review.note() != null) {
				t.addNote(new Annotation().setText(review.note()).setTime(date(review.decidedAt())));
			}
		}
		narrative(t, t.getCode().getText() + ": " + t.getBusinessStatus().getText()
				+ (review.decided() ? " (" + review.aiDisposition() + " → " + review.disposition() + ")." : "."));
		Reference ref = ref(key("review", c.id().toString()));
		add(t, ref, "Task", conditional("review", c.id().toString()));
		return ref;
	}

	private Reference composition(Reference questionnaire, List<Reference> findings, List<Reference> flags,
			Reference impression, Reference task) {
		ReviewOutcome review = input.review();
		Composition comp = new Composition();
		comp.setIdentifier(identifier("report", c.id().toString()));
		aiAsserted(comp);
		comp.setStatus(review != null && review.decided() ? Composition.CompositionStatus.FINAL
				: Composition.CompositionStatus.PRELIMINARY);
		comp.setType(new CodeableConcept().setText("Preliminary triage assessment"));
		if (input.patient() != null) {
			comp.setSubject(subject);
		}
		comp.setEncounter(encounter);
		comp.setDate(date(lastChange()));
		comp.addAuthor(device);
		if (practitioner != null && review.decided()) {
			comp.addAuthor(practitioner);
			comp.addAttester().setMode(Composition.CompositionAttestationMode.PROFESSIONAL)
				.setTime(date(review.decidedAt())).setParty(practitioner);
		}
		comp.setTitle("MedAssist preliminary assessment");
		String complaint = presentingComplaint();
		section(comp, "Presenting complaint", complaint == null ? "Not stated." : complaint, List.of());
		section(comp, "Interview", "The patient's answers.", List.of(questionnaire));
		section(comp, "Findings", findings.isEmpty() ? "No findings recorded." : findings.size() + " findings.",
				findings);
		section(comp, "Red flags", flags.isEmpty() ? "No red flag fired." : flags.size() + " red flags.", flags);
		Disposition ai = aiDisposition();
		section(comp, "AI assessment", ai == null ? "No AI disposition." : "AI disposition: " + label(ai) + ".",
				List.of(impression));
		if (task != null) {
			section(comp, "Nurse review", !review.decided() ? "Awaiting review."
					: "Decided disposition: " + label(review.disposition()) + (review.overridden()
							? " (AI said " + label(review.aiDisposition()) + "; reason: "
									+ (review.reasonLabel() == null ? review.reasonCode() : review.reasonLabel()) + ")."
							: " (AI disposition accepted)."),
					List.of(task));
		}
		narrative(comp, comp.getTitle());
		Reference ref = ref(key("report", c.id().toString()));
		add(comp, ref, "Composition", conditional("report", c.id().toString()));
		return ref;
	}

	private void section(Composition comp, String title, String text, List<Reference> entries) {
		Composition.SectionComponent s = comp.addSection().setTitle(title);
		s.setText(narrativeOf(text));
		entries.forEach(s::addEntry);
	}

	/** Who made what: the software made the AI content; the nurse reviewed it (and made the Task's outcome). */
	private void provenance(List<Reference> aiMade, Reference task) {
		Provenance p = new Provenance();
		String tag = c.id().toString();
		p.getMeta().addTag(system("provenance"), tag, null);
		aiMade.forEach(p::addTarget);
		if (task != null) {
			p.addTarget(task);
		}
		p.setRecorded(date(lastChange()));
		p.addAgent().setType(agentType("author", "Author")).setWho(device);
		ReviewOutcome review = input.review();
		if (practitioner != null && review.decided()) {
			p.addAgent().setType(agentType("verifier", "Verifier")).setWho(practitioner);
		}
		narrative(p, "Made by the MedAssist triage software" + (practitioner != null && review.decided()
				? ", reviewed by a nurse." : "; not yet reviewed by a nurse."));
		add(p, ref(key("provenance", tag)), "Provenance", "_tag=" + system("provenance") + "|" + tag);
	}

	/** The record entries (and what matched) behind a finding known from the EHR record, or {@code null}. */
	private String fromRecord(String finding) {
		if (c.assessment() == null) {
			return null;
		}
		List<String> entries = c.assessment().fromRecord().stream().filter(f -> f.finding().equals(finding))
			.map(f -> f.entry() + " " + f.basis()).distinct().toList();
		return entries.isEmpty() ? null : String.join("; ", entries);
	}

	/**
	 * Which findings came from the EHR's own record: a Provenance whose sources are the record's entries (as the
	 * EHR names them), and whose targets are the findings the software read from them.
	 */
	private void recordProvenance(List<Reference> findings) {
		Assessment a = c.assessment();
		if (a == null || a.fromRecord().isEmpty() || input.patient() == null) {
			return;
		}
		Provenance p = new Provenance();
		String tag = c.id() + "/record";
		p.getMeta().addTag(system("provenance"), tag, null);
		aiAsserted(p);
		for (Assessment.FindingNote f : nonNull(a.present())) {
			if (fromRecord(f.id()) != null) {
				p.addTarget(ref(key("finding", c.id() + "/" + f.id())));
			}
		}
		if (!p.hasTarget()) {
			return;
		}
		p.setRecorded(date(assessedAt()));
		p.addAgent().setType(agentType("author", "Author")).setWho(device);
		a.fromRecord().stream().map(org.medassist.triage.PatientRecord.RecordFact::entry).distinct()
			.forEach(entry -> p.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
				.setWhat(new Reference(entry)));
		narrative(p, "Findings read by the MedAssist triage software from the patient's EHR record, not reported by"
				+ " the patient.");
		add(p, ref(key("provenance", tag)), "Provenance", "_tag=" + system("provenance") + "|" + tag);
	}

	private static CodeableConcept agentType(String code, String display) {
		return new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type", code, display));
	}

	// Helpers

	private void add(Resource resource, Reference ref, String type, String ifNoneExist) {
		BundleEntryComponent entry = bundle.addEntry();
		entry.setFullUrl(ref.getReference());
		entry.setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.POST).setUrl(type).setIfNoneExist(ifNoneExist);
	}

	private String system(String kind) {
		return "urn:medassist:" + clinic + ":" + kind;
	}

	private Identifier identifier(String kind, String value) {
		return new Identifier().setSystem(system(kind)).setValue(value);
	}

	private String conditional(String kind, String value) {
		return "identifier=" + system(kind) + "|" + value;
	}

	/** A stable {@code urn:uuid} per resource: the same consultation always yields the same bundle. */
	private String key(String kind, String value) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes((system(kind) + "|" + value).getBytes(StandardCharsets.UTF_8));
	}

	private static Reference ref(String fullUrl) {
		return new Reference(fullUrl);
	}

	private static void aiAsserted(DomainResource resource) {
		resource.getMeta().addSecurity(new Coding(OBSERVATION_VALUE, "AIAST", "artificial intelligence asserted"));
	}

	private static void narrative(DomainResource resource, String text) {
		resource.setText(narrativeOf(text));
	}

	private static Narrative narrativeOf(String text) {
		Narrative n = new Narrative();
		n.setStatus(Narrative.NarrativeStatus.GENERATED);
		n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text) + "</p></div>");
		return n;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String citation(Assessment.Citation source) {
		return "Source: " + (source.title() == null ? "" : source.title())
				+ (source.url() == null ? "" : " <" + source.url() + ">");
	}

	private CodeableConcept dispositionConcept(Disposition d) {
		return new CodeableConcept(new Coding(DISPOSITION_SYSTEM, d.name(), label(d))).setText(label(d));
	}

	static String label(Disposition d) {
		return switch (d) {
			case EMERGENCY -> "Emergency: call the emergency number or go to the emergency department now";
			case URGENT -> "Urgent: be seen by a clinician today";
			case ROUTINE -> "Routine: an appointment within days to two weeks";
			case SELF_CARE -> "Self-care: manage at home with advice";
		};
	}

	/** The human disposition once decided, else the AI's. */
	private Disposition disposition() {
		ReviewOutcome review = input.review();
		if (review != null && review.decided()) {
			return review.disposition();
		}
		return aiDisposition();
	}

	private Disposition aiDisposition() {
		if (c.assessment() != null && c.assessment().disposition() != null) {
			return c.assessment().disposition();
		}
		if (input.review() != null) {
			return input.review().aiDisposition();
		}
		return c.disposition();
	}

	/** The patient's opening message, in their words. */
	private String presentingComplaint() {
		if (c.messages() != null) {
			for (MessageView m : c.messages()) {
				if (m.author() == MessageAuthor.PATIENT && m.text() != null && !m.text().isBlank()) {
					return m.text();
				}
			}
		}
		if (c.assessment() != null && c.assessment().protocols() != null && !c.assessment().protocols().isEmpty()) {
			return String.join(", ", c.assessment().protocols());
		}
		return null;
	}

	private String engineVersion() {
		return c.engineVersion() == null ? "unknown" : c.engineVersion();
	}

	/** When the interview ended: the last assistant message, or the start. */
	private Instant assessedAt() {
		Instant at = c.createdAt();
		if (c.messages() != null) {
			for (MessageView m : c.messages()) {
				if (m.author() != MessageAuthor.STAFF && m.createdAt() != null && m.createdAt().isAfter(at)) {
					at = m.createdAt();
				}
			}
		}
		return at;
	}

	private Instant lastChange() {
		ReviewOutcome review = input.review();
		return review != null && review.decidedAt() != null ? review.decidedAt() : assessedAt();
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

	private static Map.Entry<String, Coding> snomed(String finding, String code, String display) {
		return Map.entry(finding, new Coding(SNOMED, code, display));
	}
}
