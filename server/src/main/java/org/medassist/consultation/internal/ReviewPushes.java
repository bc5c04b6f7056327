package org.medassist.consultation.internal;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.medassist.consultation.ConsultationReviewed;
import org.medassist.platform.WakeUps;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brings a nurse's decision to the patient's open chat on whichever instance the patient is connected to. After
 * the decision commits, "consultation X was reviewed" wakes every instance (through Redis when configured), and
 * each pushes the state, read from PostgreSQL, to its own sockets. A lost wake-up loses nothing: a patient who
 * reconnects, or reloads, gets the whole state.
 */
@Component
class ReviewPushes {

	static final String CHANNEL = "medassist:consultation-reviewed";

	private final ConsultationSocket sockets;

	private final WakeUps wakeUps;

	ReviewPushes(ConsultationSocket sockets, WakeUps wakeUps) {
		this.sockets = sockets;
		this.wakeUps = wakeUps;
		wakeUps.listen(CHANNEL, this::push);
	}

	@TransactionalEventListener
	void reviewed(ConsultationReviewed reviewed) {
		wakeUps.publish(CHANNEL, reviewed.consultationId().value());
	}

	/**
	 * Off the caller's thread: a Redis I/O thread must not wait for the database, and the deciding request's
	 * thread still holds its finished transaction's resources.
	 */
	private void push(UUID consultationId) {
		CompletableFuture.runAsync(() -> sockets.pushState(consultationId));
	}
}
