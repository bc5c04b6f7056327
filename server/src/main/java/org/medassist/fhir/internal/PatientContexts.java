package org.medassist.fhir.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medassist.fhir.internal.EhrClient.EhrFailure;
import org.medassist.fhir.internal.ExportInput.PatientLink;
import org.medassist.fhir.internal.FhirProperties.Ehr;
import org.medassist.identity.Clinics;
import org.medassist.identity.StaffMember;
import org.medassist.consultation.RecordApplied;
import org.medassist.triage.PatientRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The linked patient's context from the clinic's EHR, for the nurse: the Patient, allergies, conditions and
 * medications, and the risk modifiers they suggest. Whatever the EHR answers (garbage, other resource types,
 * errors, silence), the answer is a context saying what is missing: it never fails the consultation.
 */
@Service
class PatientContexts {

	private static final Logger log = LoggerFactory.getLogger(PatientContexts.class);

	/** Chronic disease, for the nurse's summary: the record's findings that are long-term conditions. */
	private static final Set<String> CHRONIC = Set.of("diabetes", "heart_disease", "lung_disease", "kidney_disease",
			"history_of_cancer", "bleeding_disorder");

	private final RecordFactMapping mapping = RecordFactMapping.bundled();

	private final EhrClient ehr;

	private final Clinics clinics;

	private final FhirProperties properties;

	private final Clock clock;

	PatientContexts(EhrClient ehr, Clinics clinics, FhirProperties properties, Clock clock) {
		this.clock = clock;
		this.ehr = ehr;
		this.clinics = clinics;
		this.properties = properties;
	}

	/**
	 * @param status {@code OK}, {@code PARTIAL} (some lists could not be read), {@code NOT_LINKED}, {@code NO_EHR},
	 * {@code PATIENT_NOT_FOUND} or {@code EHR_UNAVAILABLE}
	 * @param problems what could not be read, without PHI
	 */
	record PatientContext(String status, PatientSummary patient, List<String> allergies, List<String> conditions,
			List<String> medications, RiskModifiers riskModifiers, PatientRecord record, RecordApplied reassessment,
			List<String> problems) {

		static PatientContext empty(String status, String problem) {
			return new PatientContext(status, null, List.of(), List.of(), List.of(), RiskModifiers.NONE, null, null,
					problem == null ? List.of() : List.of(problem));
		}

		/** Whether the record was read (wholly or in part): only then is there something for the engine. */
		boolean read() {
			return record != null;
		}

		PatientContext with(RecordApplied applied) {
			return new PatientContext(status, patient, allergies, conditions, medications, riskModifiers, record,
					applied, problems);
		}
	}

	record PatientSummary(String ehrId, String name, String birthDate, String gender) {
	}

	/** A summary for the nurse of the record's facts ({@code record}), which the triage engine uses. */
	record RiskModifiers(boolean pregnancy, boolean anticoagulants, boolean immunosuppression, boolean chronicDisease) {

		static final RiskModifiers NONE = new RiskModifiers(false, false, false, false);
	}

	PatientContext of(StaffMember staff, Optional<PatientLink> link) {
		if (link.isEmpty()) {
			return PatientContext.empty("NOT_LINKED", null);
		}
		String clinic = clinics.get(staff.clinicId()).slug();
		Ehr target = properties.ehr().get(clinic);
		if (target == null || target.baseUrl() == null) {
			return PatientContext.empty("NO_EHR", "no EHR is configured for this clinic");
		}
		Patient patient;
		try {
			String identifier = URLEncoder.encode(link.get().system() + "|" + link.get().value(), StandardCharsets.UTF_8);
			patient = only(ehr.search(clinic, target, "Patient?identifier=" + identifier), Patient.class).stream()
				.findFirst().orElse(null);
		}
		catch (EhrFailure e) {
			log.warn("Patient context from the EHR of clinic {}: {}", clinic, e.getMessage());
			return PatientContext.empty("EHR_UNAVAILABLE", "Patient: " + e.getMessage());
		}
		if (patient == null) {
			return PatientContext.empty("PATIENT_NOT_FOUND", "the EHR has no patient with this identifier");
		}
		String ref = URLEncoder.encode("Patient/" + patient.getIdElement().getIdPart(), StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		List<AllergyIntolerance> allergies = read(clinic, target, "AllergyIntolerance?patient=" + ref,
				AllergyIntolerance.class, problems);
		List<Condition> conditions = read(clinic, target, "Condition?patient=" + ref, Condition.class, problems);
		List<MedicationStatement> medications = read(clinic, target, "MedicationStatement?subject=" + ref,
				MedicationStatement.class, problems);
		List<String> allergyTexts = allergies.stream().map(a -> text(a.getCode())).toList();
		List<String> conditionTexts = conditions.stream().map(c -> text(c.getCode())).toList();
		List<String> medicationTexts = medications.stream()
			.map(m -> m.hasMedicationCodeableConcept() ? text(m.getMedicationCodeableConcept()) : "(medication)")
			.toList();
		PatientRecord record = mapping.map(patient, conditions, medications, allergies,
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		Set<String> found = new HashSet<>();
		record.facts().forEach(f -> found.add(f.finding()));
		return new PatientContext(problems.isEmpty() ? "OK" : "PARTIAL", summary(patient), allergyTexts,
				conditionTexts, medicationTexts,
				new RiskModifiers(found.contains("pregnant"), found.contains("anticoagulant"),
						found.contains("immunosuppressed"), found.stream().anyMatch(CHRONIC::contains)),
				record, null, problems);
	}

	private <T extends Resource> List<T> read(String clinic, Ehr target, String search, Class<T> type,
			List<String> problems) {
		try {
			return only(ehr.search(clinic, target, search), type);
		}
		catch (EhrFailure e) {
			problems.add(type.getSimpleName() + ": " + e.getMessage());
			return List.of();
		}
	}

	/** The entries of the expected type; anything else an EHR puts in a search result is ignored. */
	private static <T extends Resource> List<T> only(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
			.map(type::cast).toList();
	}

	private static PatientSummary summary(Patient p) {
		String name = p.hasName() ? p.getNameFirstRep().getNameAsSingleString() : null;
		return new PatientSummary(p.getIdElement().getIdPart(), name,
				p.hasBirthDate() ? p.getBirthDateElement().getValueAsString() : null,
				p.hasGender() ? p.getGender().toCode() : null);
	}

	private static String text(CodeableConcept concept) {
		if (concept == null) {
			return "(not coded)";
		}
		if (concept.hasText()) {
			return concept.getText();
		}
		return concept.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank()).findFirst()
			.orElse("(not coded)");
	}
}
