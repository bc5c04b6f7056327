package org.medassist.fhir.internal;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Validates what MedAssist sends to an EHR against base R4 (HAPI's {@link FhirInstanceValidator}, no profiles, no
 * terminology server). One validator for the application, built at the first use and reused: building it and the
 * first validation load the R4 definitions (seconds); later validations take tens of milliseconds. HAPI's
 * validator is safe to share between threads.
 */
@Component
class BundleValidation {

	/**
	 * @param severity {@code ERROR} (the bundle is not sent) or {@code WARNING} (recorded, sent)
	 * @param location where in the bundle (a FHIRPath), message: HAPI's words (may quote values: never logged)
	 */
	record Issue(String severity, String location, @Classification(Level.RESTRICTED) String message) {
	}

	record Report(List<Issue> errors, List<Issue> warnings, long millis) {

		boolean valid() {
			return errors.isEmpty();
		}
	}

	private final FhirContext fhir;

	private final Timer timer;

	private volatile FhirValidator validator;

	private static final Logger log = LoggerFactory.getLogger(BundleValidation.class);

	private final FhirProperties properties;

	BundleValidation(FhirContext fhir, MeterRegistry meters, FhirProperties properties) {
		this.properties = properties;
		this.fhir = fhir;
		this.timer = Timer.builder("medassist.fhir.validation").description("Validation of a bundle before it is sent")
			.register(meters);
	}

	/**
	 * Builds the validator and loads R4's definitions off the main thread once the application is up, when a clinic
	 * has an EHR: the first export then does not wait seconds for it. A failure here is only logged; the first
	 * export builds the validator again.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (properties.ehr().isEmpty() || !properties.export().enabled()) {
			return;
		}
		Thread loader = new Thread(() -> {
			try {
				long millis = validate(new org.hl7.fhir.r4.model.Bundle().setType(
						org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION)).millis();
				log.info("FHIR validator ready in {} ms", millis);
			}
			catch (RuntimeException e) {
				log.warn("FHIR validator warm-up failed: {}", Problems.describeWithoutMessages(e));
			}
		}, "fhir-validation-warm-up");
		loader.setDaemon(true);
		loader.start();
	}

	Report validate(IBaseResource resource) {
		long start = System.nanoTime();
		List<SingleValidationMessage> messages = validator().validateWithResult(resource).getMessages();
		long nanos = System.nanoTime() - start;
		timer.record(java.time.Duration.ofNanos(nanos));
		return new Report(issues(messages, true), issues(messages, false), nanos / 1_000_000);
	}

	private static List<Issue> issues(List<SingleValidationMessage> messages, boolean errors) {
		return messages.stream()
			.filter(m -> errors == (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL))
			.filter(m -> errors || m.getSeverity() == ResultSeverityEnum.WARNING)
			.map(m -> new Issue(m.getSeverity().name(), m.getLocationString(), m.getMessage()))
			.toList();
	}

	private FhirValidator validator() {
		FhirValidator v = validator;
		if (v == null) {
			synchronized (this) {
				if (validator == null) {
					validator = newValidator(fhir);
				}
				v = validator;
			}
		}
		return v;
	}

	/** HAPI's instance validator over base R4 and the few current code system facts R4's package lacks. */
	static FhirValidator newValidator(FhirContext fhir) {
		// The R4 core package carries an old v3-ObservationValue without AIAST (added to terminology.hl7.org
		// later); a fragment of the current code system says that code exists. Nothing else is added.
		PrePopulatedValidationSupport current = new PrePopulatedValidationSupport(fhir);
		CodeSystem observationValue = new CodeSystem();
		observationValue.setUrl("http://terminology.hl7.org/CodeSystem/v3-ObservationValue");
		observationValue.setStatus(Enumerations.PublicationStatus.ACTIVE);
		observationValue.setContent(CodeSystem.CodeSystemContentMode.FRAGMENT);
		observationValue.addConcept().setCode("AIAST").setDisplay("artificial intelligence asserted");
		current.addCodeSystem(observationValue);
		ValidationSupportChain chain = new ValidationSupportChain(current, new DefaultProfileValidationSupport(fhir),
				new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
		FhirValidator validator = fhir.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
		return validator;
	}
}
