package org.medassist.fhir.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

	/** Anticoagulants by name (generic names, English); a hint for the nurse, not a rule of the engine. */
	private static final Pattern ANTICOAGULANT = Pattern.compile(
			"warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin|dalteparin|tinzaparin|phenprocoumon|acenocoumarol|anticoagul");

	private static final Pattern IMMUNOSUPPRESSANT = Pattern.compile(
			"methotrexate|prednisolone|prednisone|dexamethasone|tacrolimus|ciclosporin|cyclosporine|azathioprine|mycophenol|sirolimus|cyclophosphamide|chemotherapy|immunosuppress");

	private static final Pattern IMMUNE_CONDITION = Pattern.compile("immunodeficien|immunosuppress|hiv|transplant|neutropeni|chemotherapy");

	private static final Pattern CHRONIC = Pattern.compile(
			"diabet|heart failure|coronary|ischaemic heart|ischemic heart|chronic kidney|renal failure|copd|chronic obstructive|asthma|epilep|cancer|carcinoma|cirrhosis|sickle");

	/** SNOMED CT 77386006 Pregnancy (finding). */
	private static final String PREGNANCY_SNOMED = "77386006";

	private final EhrClient ehr;

	private final Clinics clinics;

	private final FhirProperties properties;

	PatientContexts(EhrClient ehr, Clinics clinics, FhirProperties properties) {
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
			List<String> medications, RiskModifiers riskModifiers, List<String> problems) {

		static PatientContext empty(String status, String problem) {
			return new PatientContext(status, null, List.of(), List.of(), List.of(), RiskModifiers.NONE,
					problem == null ? List.of() : List.of(problem));
		}
	}

	record PatientSummary(String ehrId, String name, String birthDate, String gender) {
	}

	/** Hints for the nurse from the record (the triage engine does not use them yet). */
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
		boolean pregnancy = conditions.stream().anyMatch(c -> c.getCode().getCoding().stream()
			.anyMatch(code -> PREGNANCY_SNOMED.equals(code.getCode())) || lower(text(c.getCode())).contains("pregnan"));
		boolean anticoagulants = medicationTexts.stream().anyMatch(t -> ANTICOAGULANT.matcher(lower(t)).find());
		boolean immunosuppression = medicationTexts.stream().anyMatch(t -> IMMUNOSUPPRESSANT.matcher(lower(t)).find())
				|| conditionTexts.stream().anyMatch(t -> IMMUNE_CONDITION.matcher(lower(t)).find());
		boolean chronic = conditionTexts.stream().anyMatch(t -> CHRONIC.matcher(lower(t)).find());
		return new PatientContext(problems.isEmpty() ? "OK" : "PARTIAL", summary(patient), allergyTexts,
				conditionTexts, medicationTexts, new RiskModifiers(pregnancy, anticoagulants, immunosuppression, chronic),
				problems);
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

	private static String lower(String s) {
		return s == null ? "" : s.toLowerCase(Locale.ROOT);
	}
}
