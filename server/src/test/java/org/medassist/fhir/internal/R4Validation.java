package org.medassist.fhir.internal;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
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
		// The application's own validator set-up (what the EHR export runs before sending).
		return BundleValidation.newValidator(CONTEXT);
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
