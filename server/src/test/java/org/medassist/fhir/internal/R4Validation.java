package org.medassist.fhir.internal;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * HAPI's instance validator against base R4 (no profiles, no terminology server), built once per test JVM: the
 * first validation loads the R4 definitions (seconds), later ones take tens of milliseconds.
 */
final class R4Validation {

	static final FhirContext CONTEXT = FhirContext.forR4Cached();

	private static final FhirValidator VALIDATOR = create();

	private R4Validation() {
	}

	private static FhirValidator create() {
		// The R4 core package carries an old v3-ObservationValue without AIAST (added to terminology.hl7.org
		// later); a fragment of the current code system says that code exists. Nothing else is added.
		PrePopulatedValidationSupport current = new PrePopulatedValidationSupport(CONTEXT);
		CodeSystem observationValue = new CodeSystem();
		observationValue.setUrl("http://terminology.hl7.org/CodeSystem/v3-ObservationValue");
		observationValue.setStatus(Enumerations.PublicationStatus.ACTIVE);
		observationValue.setContent(CodeSystem.CodeSystemContentMode.FRAGMENT);
		observationValue.addConcept().setCode("AIAST").setDisplay("artificial intelligence asserted");
		current.addCodeSystem(observationValue);
		ValidationSupportChain chain = new ValidationSupportChain(current, new DefaultProfileValidationSupport(CONTEXT),
				new InMemoryTerminologyServerValidationSupport(CONTEXT), new CommonCodeSystemsTerminologyService(CONTEXT));
		FhirInstanceValidator module = new FhirInstanceValidator(chain);
		FhirValidator validator = CONTEXT.newValidator();
		validator.registerValidatorModule(module);
		return validator;
	}

	static List<SingleValidationMessage> validate(IBaseResource resource) {
		ValidationResult result = VALIDATOR.validateWithResult(resource);
		return result.getMessages();
	}

	static List<SingleValidationMessage> errors(List<SingleValidationMessage> messages) {
		return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
				|| m.getSeverity() == ResultSeverityEnum.FATAL).toList();
	}

	static List<SingleValidationMessage> warnings(List<SingleValidationMessage> messages) {
		return messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).toList();
	}

	static String describe(List<SingleValidationMessage> messages) {
		StringBuilder s = new StringBuilder();
		messages.forEach(m -> s.append(m.getSeverity()).append(' ').append(m.getLocationString()).append(": ")
			.append(m.getMessage()).append('\n'));
		return s.toString();
	}
}
