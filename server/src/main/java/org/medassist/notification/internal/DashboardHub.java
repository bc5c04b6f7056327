package org.medassist.notification.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards connected to this instance. Each remembers the last update it was sent; a wake-up for its
 * clinic sends it everything after that, in order, from PostgreSQL. So a wake-up that arrives twice, late, or
 * not at all (the next one catches up) never loses or repeats an update.
 */
@Component
class DashboardHub {

	/** Streams end with the access token's lifetime; the client reconnects with a fresh token and Last-Event-ID. */
	static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Map<ClinicId, Set<Dashboard>> dashboards = new ConcurrentHashMap<>();

	DashboardHub(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		// Its own transaction: wake-ups arrive right after another transaction committed, whose resources may
		// still be bound to the thread.
		this.tx = new TransactionTemplate(tx.getTransactionManager());
		this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.tx.setReadOnly(true);
	}

	/** One update as a dashboard receives it. */
	record Update(long seq, String kind, UUID consultationId, String disposition, Instant at) {
	}

	final class Dashboard {

		private final SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());

		private final ClinicId clinic;

		private long lastSeq;

		Dashboard(ClinicId clinic, long lastSeq) {
			this.clinic = clinic;
			this.lastSeq = lastSeq;
		}

		SseEmitter emitter() {
			return emitter;
		}

		/** Sends what this dashboard has not seen yet. */
		synchronized void catchUp() {
			try {
				List<Update> updates;
				do {
					updates = after(clinic, lastSeq);
					for (Update update : updates) {
						emitter.send(SseEmitter.event().id(Long.toString(update.seq())).name(update.kind()).data(update));
						lastSeq = update.seq();
					}
				}
				while (updates.size() == BATCH);
			}
			catch (IOException | IllegalStateException e) {
				remove(this); // the client has gone; it will reconnect with Last-Event-ID
			}
		}
	}

	/** Opens a stream for a member of staff, starting after {@code lastSeen} (or now, if null). */
	Dashboard open(StaffMember staff, Long lastSeen) {
		long start = lastSeen != null ? lastSeen : latest(staff.clinicId());
		Dashboard dashboard = new Dashboard(staff.clinicId(), start);
		dashboards.computeIfAbsent(staff.clinicId(), c -> ConcurrentHashMap.newKeySet()).add(dashboard);
		dashboard.emitter().onCompletion(() -> remove(dashboard));
		dashboard.emitter().onTimeout(() -> remove(dashboard));
		dashboard.emitter().onError(e -> remove(dashboard));
		try {
			dashboard.emitter().send(SseEmitter.event().name("ready").data(Map.of("seq", start)));
		}
		catch (IOException e) {
			remove(dashboard);
		}
		dashboard.catchUp();
		return dashboard;
	}

	void wake(ClinicId clinic) {
		for (Dashboard dashboard : dashboards.getOrDefault(clinic, Set.of())) {
			dashboard.catchUp();
		}
	}

	/**
	 * Ends every stream when the application closes: an open stream counts as an active request, and graceful
	 * shutdown would otherwise wait for it. Clients reconnect (to another instance) with Last-Event-ID.
	 */
	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void closeAll() {
		dashboards.values().forEach(set -> set.forEach(dashboard -> dashboard.emitter().complete()));
		dashboards.clear();
	}

	private void remove(Dashboard dashboard) {
		Set<Dashboard> set = dashboards.get(dashboard.clinic);
		if (set != null) {
			set.remove(dashboard);
		}
	}

	private long latest(ClinicId clinic) {
		return Tenancy.callAs(clinic, () -> tx.execute(s -> jdbc.sql("SELECT coalesce(max(seq), 0) FROM dashboard_update")
			.query(Long.class)
			.single()));
	}

	private List<Update> after(ClinicId clinic, long seq) {
		return Tenancy.callAs(clinic, () -> tx.execute(s -> jdbc.sql("""
				SELECT seq, kind, consultation_id, disposition, at FROM dashboard_update
				WHERE seq > ? ORDER BY seq LIMIT ?""")
			.params(seq, BATCH)
			.query((rs, n) -> new Update(rs.getLong("seq"), rs.getString("kind"),
					rs.getObject("consultation_id", UUID.class), rs.getString("disposition"),
					rs.getTimestamp("at").toInstant()))
			.list()));
	}

}
