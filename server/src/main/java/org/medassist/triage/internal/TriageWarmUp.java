package org.medassist.triage.internal;

import org.medassist.platform.Problems;
import org.medassist.triage.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the triage engine (embedding model, phrase index) right after start-up, off the main thread, and keeps
 * the instance out of rotation (readiness "refusing traffic") until it is loaded, so that no patient's first
 * message waits for it.
 */
@Component
class TriageWarmUp {

	private static final Logger log = LoggerFactory.getLogger(TriageWarmUp.class);

	private final ObjectProvider<TriageEngine> engine;
	private final ApplicationEventPublisher events;

	TriageWarmUp(ObjectProvider<TriageEngine> engine, ApplicationEventPublisher events) {
		this.engine = engine;
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		Thread loader = new Thread(() -> {
			try {
				log.info("Triage engine ready: {}", engine.getObject().version());
				AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
			}
			catch (RuntimeException e) {
				// Stay out of rotation: without its engine this instance cannot conduct a consultation.
				log.error("The triage engine could not be loaded: {}", Problems.describeWithoutMessages(e));
			}
		}, "triage-warm-up");
		loader.setDaemon(true);
		loader.start();
	}
}
