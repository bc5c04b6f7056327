package org.medassist.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewEvent;
import org.medassist.triage.Disposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chases cases nobody has claimed in time. Runs on every instance; each breach is recorded (and announced)
 * exactly once because the update takes only rows nobody else has locked and counts breaches in its condition.
 * The first breach re-notifies; from the second the case goes to physicians.
 */
@Component
class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final ReviewRepository reviews;

	private final ReviewProperties properties;

	private final Clinics clinics;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Escalations(ReviewRepository reviews, ReviewProperties properties, Clinics clinics, TransactionTemplate tx,
			ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.properties = properties;
		this.clinics = clinics;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${medassist.review.escalation-check-interval:30s}",
			fixedDelayString = "${medassist.review.escalation-check-interval:30s}")
	public int sweep() {
		int total = 0;
		for (ClinicId clinic : clinics.all()) {
			total += Tenancy.callAs(clinic, () -> tx.execute(s -> sweep(clinic)));
		}
		return total;
	}

	private int sweep(ClinicId clinic) {
		Instant now = clock.instant();
		var targets = properties.claimWithin();
		List<ReviewRepository.Review> breached = reviews.breach(targets.get(Disposition.EMERGENCY),
				targets.get(Disposition.URGENT), targets.get(Disposition.ROUTINE), targets.get(Disposition.SELF_CARE),
				now);
		for (ReviewRepository.Review review : breached) {
			events.publishEvent(new ReviewEvent(ReviewEvent.Kind.BREACHED, new ConsultationId(review.consultationId()),
					clinic, review.aiDisposition(), null, now, "breach:" + review.breaches() + " tier:" + review.tier()));
		}
		if (!breached.isEmpty()) {
			log.warn("{} review(s) waited past their target", breached.size());
		}
		return breached.size();
	}
}
