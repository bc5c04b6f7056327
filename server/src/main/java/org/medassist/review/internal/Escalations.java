package org.medassist.review.internal;

import java.time.Clock;
import java.time.Instant;

import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ChargeNurses;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewEvent;
import org.medassist.review.internal.ReviewRepository.Review;
import org.medassist.review.internal.ReviewRepository.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chases cases nobody has claimed in time. Runs on every instance; each breach is recorded (and announced)
 * exactly once because the update takes only rows nobody else has locked and counts breaches in its condition.
 * Each breach re-notifies and moves the case up a tier: the first to the charge nurse (when the clinic has one;
 * otherwise the nurses are chased again), the second and later to physicians.
 */
@Component
class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final ReviewRepository reviews;

	private final ReviewDeadlines deadlines;

	private final ChargeNurses chargeNurses;

	private final Clinics clinics;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Escalations(ReviewRepository reviews, ReviewDeadlines deadlines, ChargeNurses chargeNurses, Clinics clinics,
			TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.deadlines = deadlines;
		this.chargeNurses = chargeNurses;
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
		ReviewDeadlines.Deadlines due = deadlines.current();
		Tier firstTier = chargeNurses.anyInCurrentClinic() ? Tier.CHARGE_NURSE : Tier.NURSE;
		int breached = 0;
		for (Review waiting : reviews.neverClaimed()) {
			Instant deadline = due.nextBreach(waiting);
			if (deadline == null || deadline.isAfter(now)) {
				continue;
			}
			int breach = waiting.breaches() + 1;
			Tier tier = (breach >= 2 ? Tier.PHYSICIAN : firstTier).atLeast(waiting.tier());
			var recorded = reviews.breach(waiting.consultationId(), waiting.breaches(), tier, now);
			if (recorded.isPresent()) {
				breached++;
				events.publishEvent(new ReviewEvent(ReviewEvent.Kind.BREACHED,
						new ConsultationId(waiting.consultationId()), clinic, waiting.aiDisposition(), null, now,
						"breach:" + breach + " tier:" + tier));
			}
		}
		if (breached > 0) {
			log.warn("{} review(s) waited past their target", breached);
		}
		return breached;
	}
}
