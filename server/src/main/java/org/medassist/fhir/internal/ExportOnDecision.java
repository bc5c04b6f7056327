package org.medassist.fhir.internal;

import java.time.Clock;

import org.medassist.identity.Clinics;
import org.medassist.review.ReviewDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the EHR export of a decided consultation. A plain (synchronous) listener on purpose: the review module
 * publishes {@link ReviewDecided} inside the decision's transaction, in the clinic's tenancy, so the outbox row
 * commits with the decision or not at all; nothing decided can be lost between the two.
 */
@Component
class ExportOnDecision {

	private final ExportQueue queue;

	private final Clinics clinics;

	private final FhirProperties properties;

	private final Clock clock;

	ExportOnDecision(ExportQueue queue, Clinics clinics, FhirProperties properties, Clock clock) {
		this.queue = queue;
		this.clinics = clinics;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(ReviewDecided decided) {
		String slug = clinics.get(decided.clinicId()).slug();
		if (properties.ehr().containsKey(slug)) {
			queue.enqueue(decided.clinicId(), decided.consultationId().value(), clock.instant());
		}
	}
}
