package org.medassist.fhir.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hl7.fhir.r4.model.Bundle;
import org.medassist.consultation.ConsultationId;
import org.medassist.fhir.ConsultationExported;
import org.medassist.fhir.internal.EhrClient.EhrFailure;
import org.medassist.fhir.internal.ExportQueue.Export;
import org.medassist.fhir.internal.FhirProperties.Ehr;
import org.medassist.identity.Clinic;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.medassist.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Delivers the outbox. Runs on every instance: each takes due rows with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so two instances never send the same export at once and a crashed one's exports are retried after the
 * lease. A failure is retried with exponential back-off ({@code firstRetry} doubling up to {@code maxRetry});
 * after {@code maxAttempts}, or when the EHR rejects the bundle itself, the export is {@code FAILED}. Each EHR has
 * a circuit breaker: after repeated failures nothing is sent to it for {@code breakerOpen}, and waiting exports
 * are not charged an attempt. Should an EHR file a bundle and the answer be lost, the retry files nothing new:
 * every entry is a conditional create on its identifier.
 */
@Component
class ExportWorker {

	private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

	private final ExportQueue queue;

	private final ConsultationExports exports;

	private final EhrClient ehr;

	private final Clinics clinics;

	private final FhirProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

	private final BundleValidation validation;

	private final Counter invalidBundles;

	ExportWorker(ExportQueue queue, ConsultationExports exports, EhrClient ehr, Clinics clinics,
			FhirProperties properties, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events,
			BundleValidation validation, MeterRegistry meters) {
		this.validation = validation;
		this.invalidBundles = Counter.builder("medassist.fhir.export.invalid")
			.description("Bundles not sent to an EHR because they failed validation").register(meters);
		this.events = events;
		this.queue = queue;
		this.exports = exports;
		this.ehr = ehr;
		this.clinics = clinics;
		this.properties = properties;
		this.tx = tx;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${medassist.fhir.export.poll-interval:5s}",
			fixedDelayString = "${medassist.fhir.export.poll-interval:5s}")
	void deliverDue() {
		if (!properties.export().enabled() || properties.ehr().isEmpty()) {
			return;
		}
		for (ClinicId clinicId : clinics.all()) {
			Clinic clinic = clinics.get(clinicId);
			Ehr target = properties.ehr().get(clinic.slug());
			if (target != null && target.baseUrl() != null) {
				deliver(clinic, target);
			}
		}
	}

	private void deliver(Clinic clinic, Ehr target) {
		Instant now = clock.instant();
		List<Export> due = Tenancy.callAs(clinic.id(), () -> tx.execute(
				s -> queue.takeDue(now, now.plus(properties.export().lease()), properties.export().batchSize())));
		CircuitBreaker breaker = breakers.computeIfAbsent(clinic.slug(), this::breaker);
		for (Export export : due) {
			deliver(clinic, target, export, breaker);
		}
	}

	private void deliver(Clinic clinic, Ehr target, Export export, CircuitBreaker breaker) {
		ConsultationId id = new ConsultationId(export.consultationId());
		int attempt = export.attempts() + 1;
		try {
			Bundle bundle = exports.forEhr(clinic.id(), id);
			BundleValidation.Report report = validation.validate(bundle);
			inClinic(clinic, () -> queue.validated(clinic.id(), export.consultationId(), report, clock.instant()));
			if (!report.valid()) {
				invalid(clinic, export, attempt, report);
				return;
			}
			breaker.executeCallable(() -> {
				ehr.send(clinic.slug(), target, bundle);
				return null;
			});
			Instant at = clock.instant();
			inClinic(clinic, () -> {
				queue.sent(export.consultationId(), at);
				events.publishEvent(new ConsultationExported(id, clinic.id(), true, attempt, at));
			});
			log.info("FHIR export of consultation {} delivered to the EHR of clinic {} (attempt {})", id,
					clinic.slug(), attempt);
		}
		catch (CallNotPermittedException e) {
			inClinic(clinic, () -> queue.deferred(export.consultationId(), "EHR circuit open: waiting",
					clock.instant().plus(properties.export().breakerOpen())));
		}
		catch (EhrFailure e) {
			fail(clinic, export, attempt, e.getMessage(), e.retryable());
		}
		catch (Exception e) {
			// Our own failure (the record could not be read or mapped): retried like an EHR failure.
			log.error("FHIR export of consultation {} failed: {}", id, Problems.describeWithoutMessages(e));
			fail(clinic, export, attempt, "export failed inside MedAssist (" + e.getClass().getSimpleName() + ")",
					true);
		}
	}

	private void fail(Clinic clinic, Export export, int attempt, String error, boolean retryable) {
		Instant next = retryable && attempt < properties.export().maxAttempts()
				? clock.instant().plus(backoff(attempt)) : null;
		log.warn("FHIR export of consultation {} to clinic {}: attempt {} failed: {}{}", export.consultationId(),
				clinic.slug(), attempt, error, next == null ? "; given up" : "; retrying");
		inClinic(clinic, () -> {
			queue.failed(export.consultationId(), error, next);
			if (next == null) {
				events.publishEvent(new ConsultationExported(new ConsultationId(export.consultationId()), clinic.id(),
						false, attempt, clock.instant()));
			}
		});
	}

	/**
	 * The bundle is not valid R4: it is not sent (an EHR would reject it, or worse, file it wrongly) and not retried
	 * (the same record gives the same bundle). Nurses see the export INVALID with the messages; the audit trail
	 * records the failure; the log says how many errors, never what they quote.
	 */
	private void invalid(Clinic clinic, Export export, int attempt, BundleValidation.Report report) {
		log.error("FHIR export of consultation {} to clinic {} not sent: the bundle has {} validation error(s) and {} "
				+ "warning(s)", export.consultationId(), clinic.slug(), report.errors().size(), report.warnings().size());
		invalidBundles.increment();
		Instant at = clock.instant();
		inClinic(clinic, () -> events.publishEvent(new ConsultationExported(new ConsultationId(export.consultationId()),
				clinic.id(), false, attempt, at, "invalid: " + report.errors().size() + " error(s)")));
	}

	/** {@code firstRetry × 2^(attempt-1)}, at most {@code maxRetry}. */
	Duration backoff(int attempt) {
		Duration first = properties.export().firstRetry();
		Duration max = properties.export().maxRetry();
		int shift = Math.min(Math.max(attempt - 1, 0), 30);
		Duration wait = first.multipliedBy(1L << shift);
		return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
	}

	private CircuitBreaker breaker(String clinic) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(properties.export().breakerOpen())
			.permittedNumberOfCallsInHalfOpenState(1)
			// A bundle the EHR rejects says nothing about the EHR's health.
			.ignoreException(e -> e instanceof EhrFailure f && !f.retryable())
			.build();
		return CircuitBreaker.of("ehr-" + clinic, config);
	}

	/** For the tests: the breaker of a clinic's EHR. */
	CircuitBreaker breakerOf(String clinic) {
		return breakers.computeIfAbsent(clinic, this::breaker);
	}

	private void inClinic(Clinic clinic, Runnable work) {
		Tenancy.runAs(clinic.id(), () -> tx.executeWithoutResult(s -> work.run()));
	}
}
