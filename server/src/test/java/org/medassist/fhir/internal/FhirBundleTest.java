package org.medassist.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.fhir.internal.ExportInput.PatientLink;
import org.medassist.triage.Disposition;

import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * A consultation becomes a transaction Bundle an EHR can file: each disposition's priority, the interview, the
 * findings with SNOMED CT where certain, red flags, the AI assessment with its sources, the nurse's review,
 * provenance with the AI label; validated by HAPI's instance validator against base R4 with no errors.
 */
class FhirBundleTest {

	/** Validation warnings across the tests, by message (for the report), and the time each bundle took. */
	private static final Map<String, Integer> warnings = new TreeMap<>();

	private static final List<Long> millis = new java.util.ArrayList<>();

	@ParameterizedTest
	@EnumSource(Disposition.class)
	void aReviewedConsultationOfEachDispositionIsValidR4(Disposition disposition) {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(disposition, ConsultationStatus.REVIEWED),
				Consultations.decided(disposition, disposition), null));
		assertValid(bundle);
		Encounter encounter = only(bundle, Encounter.class);
		assertThat(encounter.getPriority().getCodingFirstRep().getSystem())
			.isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActPriority");
		assertThat(encounter.getPriority().getCodingFirstRep().getCode()).isEqualTo(switch (disposition) {
			case EMERGENCY -> "EM";
			case URGENT -> "UR";
			case ROUTINE -> "R";
			case SELF_CARE -> "EL";
		});
		assertThat(encounter.getClass_().getCode()).isEqualTo("VR");
		assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
		assertThat(encounter.getReasonCodeFirstRep().getText()).isNotBlank();
		assertThat(only(bundle, Task.class).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(only(bundle, Composition.class).getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
		assertThat(all(bundle, Flag.class)).hasSize(disposition == Disposition.EMERGENCY ? 1 : 0);
	}

	@Test
	void theHumanDispositionSetsThePriorityAndTheTaskKeepsBothWithTheReason() {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(Disposition.EMERGENCY, ConsultationStatus.REVIEWED),
				Consultations.decided(Disposition.EMERGENCY, Disposition.URGENT), null));
		assertValid(bundle);
		assertThat(only(bundle, Encounter.class).getPriority().getCodingFirstRep().getCode()).isEqualTo("UR");
		Task task = only(bundle, Task.class);
		assertThat(task.getInputFirstRep().getValue().castToCodeableConcept(task.getInputFirstRep().getValue())
			.getCodingFirstRep().getCode()).isEqualTo("EMERGENCY");
		assertThat(task.getOutput()).extracting(o -> o.getType().getText()).containsExactly("Human disposition",
				"Override reason");
		assertThat(task.getOutput().get(1).getValue().castToCodeableConcept(task.getOutput().get(1).getValue())
			.getCodingFirstRep().getCode()).isEqualTo("RED_FLAG_NOT_CONFIRMED");
		assertThat(task.getBusinessStatus().getText()).isEqualTo("AI disposition overridden");
		assertThat(task.getNoteFirstRep().getText()).isEqualTo("Spoke to the patient by phone.");
		assertThat(task.getOwner().getReference()).isEqualTo(fullUrl(bundle, "Practitioner"));
	}

	@Test
	void anAnonymousPatientHasNoPatientResourceAndNoPatientIdentifier() {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(Disposition.URGENT, ConsultationStatus.REVIEWED),
				Consultations.decided(Disposition.URGENT, Disposition.URGENT), null));
		assertValid(bundle);
		assertThat(all(bundle, Patient.class)).isEmpty();
		String json = R4Validation.CONTEXT.newJsonParser().encodeResourceToString(bundle);
		assertThat(json).doesNotContain("Patient/").doesNotContain("\"Patient\"");
		Flag none = all(bundle, Flag.class).stream().findFirst().orElse(null);
		assertThat(none).isNull();
		assertThat(only(bundle, Encounter.class).getSubject().getDisplay()).isEqualTo("Anonymous patient");
		assertThat(only(bundle, Encounter.class).getSubject().hasReference()).isFalse();
	}

	@Test
	void aLinkedPatientIsCreatedOnlyIfTheEhrDoesNotHaveThemAndEverythingPointsToThem() {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(Disposition.EMERGENCY, ConsultationStatus.REVIEWED),
				Consultations.decided(Disposition.EMERGENCY, Disposition.EMERGENCY),
				new PatientLink("urn:oid:2.16.840.1.113883.2.4.6.3", "999999990")));
		assertValid(bundle);
		BundleEntryComponent patient = entry(bundle, "Patient");
		assertThat(patient.getRequest().getIfNoneExist())
			.isEqualTo("identifier=urn:oid:2.16.840.1.113883.2.4.6.3|999999990");
		assertThat(((Patient) patient.getResource()).getName()).as("MedAssist never learnt who they are").isEmpty();
		assertThat(only(bundle, Flag.class).getSubject().getReference()).isEqualTo(patient.getFullUrl());
		assertThat(only(bundle, ClinicalImpression.class).getSubject().getReference()).isEqualTo(patient.getFullUrl());
	}

	@Test
	void aConsultationAwaitingReviewIsExportedAsPreliminaryWithAnOpenTask() {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(Disposition.ROUTINE, ConsultationStatus.AWAITING_REVIEW),
				Consultations.queued(Disposition.ROUTINE), null));
		assertValid(bundle);
		assertThat(only(bundle, Task.class).getStatus()).isEqualTo(Task.TaskStatus.READY);
		assertThat(only(bundle, Task.class).getOutput()).isEmpty();
		assertThat(only(bundle, Composition.class).getStatus()).isEqualTo(Composition.CompositionStatus.PRELIMINARY);
		assertThat(only(bundle, Encounter.class).getStatus()).isEqualTo(Encounter.EncounterStatus.TRIAGED);
		assertThat(only(bundle, Provenance.class).getAgent()).hasSize(1);
		assertThat(all(bundle, org.hl7.fhir.r4.model.Practitioner.class)).isEmpty();
	}

	@Test
	void aConsultationStillInProgressOrWithoutAnAssessmentIsValidToo() {
		var completed = Consultations.completed(Disposition.URGENT, ConsultationStatus.IN_PROGRESS);
		var withoutAssessment = new org.medassist.consultation.ConsultationView(completed.id(), completed.clinic(),
				ConsultationStatus.IN_PROGRESS, "en", completed.consent(), completed.messages(), null, null, null,
				"scripted/1", completed.createdAt());
		Bundle bundle = ConsultationBundle.of(new ExportInput(withoutAssessment, null, null));
		assertValid(bundle);
		assertThat(only(bundle, Encounter.class).getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
		assertThat(only(bundle, Encounter.class).hasPriority()).as("no disposition yet").isFalse();
		assertThat(all(bundle, Task.class)).as("not in the review queue").isEmpty();
		assertThat(all(bundle, Observation.class)).isEmpty();
		assertThat(only(bundle, QuestionnaireResponse.class).getStatus())
			.isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
	}

	@Test
	void findingsArePresentOrAbsentWithSnomedOnlyWhereCertainAndAlwaysText() {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(Disposition.ROUTINE, ConsultationStatus.REVIEWED),
				Consultations.decided(Disposition.ROUTINE, Disposition.ROUTINE), null));
		List<Observation> findings = all(bundle, Observation.class);
		assertThat(findings).allMatch(o -> o.getCode().hasText());
		Observation vomiting = findings.stream().filter(o -> o.getCode().getText().equals("vomiting")).findFirst()
			.orElseThrow();
		assertThat(vomiting.getValueBooleanType().booleanValue()).isTrue();
		assertThat(vomiting.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
			.contains(org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "422400008"));
		Observation breath = findings.stream().filter(o -> o.getCode().getText().equals("shortness of breath"))
			.findFirst().orElseThrow();
		assertThat(breath.getValueBooleanType().booleanValue()).as("denied").isFalse();
		Observation back = findings.stream().filter(o -> o.getCode().getText().equals("back pain")).findFirst()
			.orElseThrow();
		assertThat(back.getCode().getCoding()).as("no SNOMED code we are not sure of")
			.noneMatch(c -> c.getSystem().equals("http://snomed.info/sct"));
		QuestionnaireResponse interview = only(bundle, QuestionnaireResponse.class);
		assertThat(interview.getItem()).extracting(i -> i.getLinkId()).containsExactly("presenting-complaint",
				"shortness_of_breath", "vomiting");
		assertThat(interview.getItem().get(2).getAnswerFirstRep().getValueStringType().getValue())
			.isEqualTo("Yes, twice");
	}

	@Test
	void aiMadeContentCarriesTheAiLabelAndProvenanceNamesTheSoftwareAndTheNurse() {
		Bundle bundle = ConsultationBundle.of(new ExportInput(
				Consultations.completed(Disposition.EMERGENCY, ConsultationStatus.REVIEWED),
				Consultations.decided(Disposition.EMERGENCY, Disposition.EMERGENCY), null));
		Predicate<Resource> labelled = r -> r.getMeta().getSecurity().stream().anyMatch(c -> "AIAST".equals(c.getCode())
				&& "http://terminology.hl7.org/CodeSystem/v3-ObservationValue".equals(c.getSystem()));
		assertThat(all(bundle, Observation.class)).allMatch(labelled::test);
		assertThat(all(bundle, Flag.class)).allMatch(labelled::test);
		assertThat(labelled.test(only(bundle, ClinicalImpression.class))).isTrue();
		assertThat(labelled.test(only(bundle, Task.class))).as("the nurse's review is human-made").isFalse();
		ClinicalImpression impression = only(bundle, ClinicalImpression.class);
		assertThat(impression.getProtocol()).extracting(u -> u.getValue())
			.containsExactly("https://www.nhs.uk/conditions/emergency/");
		Provenance provenance = only(bundle, Provenance.class);
		assertThat(provenance.getAgent()).extracting(a -> a.getWho().getReference())
			.containsExactly(fullUrl(bundle, "Device"), fullUrl(bundle, "Practitioner"));
		assertThat(provenance.getTarget()).extracting(t -> t.getReference()).contains(fullUrl(bundle, "Flag"),
				fullUrl(bundle, "ClinicalImpression"), fullUrl(bundle, "Task"));
		Composition report = only(bundle, Composition.class);
		assertThat(report.getSection()).extracting(Composition.SectionComponent::getTitle).containsExactly(
				"Presenting complaint", "Interview", "Findings", "Red flags", "AI assessment", "Nurse review");
	}

	@Test
	void everyEntryIsAConditionalCreateOnAStableIdentifierAndTheBundleIsTheSameEachTime() {
		var input = new ExportInput(Consultations.completed(Disposition.URGENT, ConsultationStatus.REVIEWED),
				Consultations.decided(Disposition.URGENT, Disposition.ROUTINE), null);
		Bundle bundle = ConsultationBundle.of(input);
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
		for (BundleEntryComponent e : bundle.getEntry()) {
			assertThat(e.getFullUrl()).startsWith("urn:uuid:");
			assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
			assertThat(e.getRequest().getIfNoneExist()).as(e.getRequest().getUrl()).matches(
					"(identifier|_tag)=urn:medassist:[^|]+\\|.+");
		}
		var parser = R4Validation.CONTEXT.newJsonParser();
		assertThat(parser.encodeResourceToString(ConsultationBundle.of(input)))
			.isEqualTo(parser.encodeResourceToString(bundle));
	}

	private static void assertValid(Bundle bundle) {
		long start = System.nanoTime();
		List<SingleValidationMessage> messages = R4Validation.validate(bundle);
		millis.add((System.nanoTime() - start) / 1_000_000);
		assertThat(R4Validation.errors(messages)).as(R4Validation.describe(messages)).isEmpty();
		synchronized (warnings) {
			R4Validation.warnings(messages).forEach(w -> warnings.merge(w.getMessage(), 1, Integer::sum));
		}
	}

	@AfterAll
	static void report() {
		// Reported figures (see the README): not asserted, machines differ.
		System.out.println("FHIR validation ms per bundle (first includes warm-up): " + millis);
		warnings.forEach((m, n) -> System.out.println("FHIR validation warning x" + n + ": " + m));
	}

	static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance)
			.map(type::cast).toList();
	}

	static <T extends Resource> T only(Bundle bundle, Class<T> type) {
		List<T> found = all(bundle, type);
		assertThat(found).as(type.getSimpleName()).hasSize(1);
		return found.get(0);
	}

	static BundleEntryComponent entry(Bundle bundle, String type) {
		return bundle.getEntry().stream().filter(e -> e.getResource().fhirType().equals(type)).findFirst()
			.orElseThrow();
	}

	static String fullUrl(Bundle bundle, String type) {
		return entry(bundle, type).getFullUrl();
	}
}
