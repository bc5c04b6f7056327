package org.medassist.notification.internal;

import java.sql.Timestamp;

import org.medassist.review.ReviewEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns review events into dashboard updates: recorded in the same transaction as the change (so an update
 * exists exactly when the change does), and announced once that transaction has committed.
 */
@Component
class DashboardFeed {

	private final JdbcClient jdbc;

	private final Wakeups wakeups;

	DashboardFeed(JdbcClient jdbc, Wakeups wakeups) {
		this.jdbc = jdbc;
		this.wakeups = wakeups;
	}

	@EventListener
	void record(ReviewEvent event) {
		jdbc.sql("""
				INSERT INTO dashboard_update (clinic_id, kind, consultation_id, disposition, at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(event.clinicId().value(), event.kind().name(), event.consultationId().value(),
					event.disposition() == null ? null : event.disposition().name(), Timestamp.from(event.at()))
			.update();
	}

	@TransactionalEventListener
	void announce(ReviewEvent event) {
		wakeups.publish(event.clinicId());
	}
}
