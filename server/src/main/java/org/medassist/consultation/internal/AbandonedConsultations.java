package org.medassist.consultation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medassist.consultation.ConsultationAbandoned;
import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes consultations whose patient went quiet. Runs on every instance; {@code SKIP LOCKED} in the update
 * makes each consultation abandoned (and its event published) by exactly one of them. Clinic by clinic:
 * row-level security lets a transaction see one clinic only.
 */
@Component
class AbandonedConsultations {

	private static final Logger log = LoggerFactory.getLogger(AbandonedConsultations.class);

	private static final int BATCH = 500;

	private final ConsultationRepository repository;
	private final ConsultationProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	private final Clinics clinics;
	private final TransactionTemplate tx;

	AbandonedConsultations(ConsultationRepository repository, ConsultationProperties properties,
			ApplicationEventPublisher events, Clock clock, Clinics clinics, TransactionTemplate tx) {
		this.clinics = clinics;
		this.tx = tx;
		this.repository = repository;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${medassist.consultation.abandon-check-interval:PT5M}",
			fixedDelayString = "${medassist.consultation.abandon-check-interval:PT5M}")
	public int sweep() {
		int total = 0;
		for (ClinicId clinic : clinics.all()) {
			total += Tenancy.callAs(clinic, () -> tx.execute(status -> sweep(clinic)));
		}
		return total;
	}

	private int sweep(ClinicId clinic) {
		Instant now = clock.instant();
		List<ConsultationRepository.ConsultationAccessRow> abandoned = repository
			.abandonIdleSince(now.minus(properties.abandonAfter()), now, BATCH);
		abandoned.forEach(row -> events.publishEvent(new ConsultationAbandoned(new ConsultationId(row.consultationId()),
				new ClinicId(row.clinicId()), ConsultationAbandoned.Reason.INACTIVE)));
		if (!abandoned.isEmpty()) {
			log.info("Marked {} inactive consultations as abandoned", abandoned.size());
		}
		return abandoned.size();
	}
}
