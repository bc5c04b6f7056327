package org.medassist.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.medassist.audit.internal.AuditEntry.Outcome;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a flood of refused requests of no clinic from turning into a flood of appends to the one deployment
 * chain (appends to a chain are serial, a few hundred a second): within each window the first ones per address,
 * and overall, are recorded one by one; the rest are counted in memory and written at the window's end as one
 * {@code ACCESS_DENIED_AGGREGATED} record per address and action ({@code count:N window:<start>/<length>}).
 * Denials inside a clinic's chain (a known caller) are always recorded one by one. A crash loses the counts of
 * the current window, never an individual record.
 */
@Component
class AnonymousDenials {

	static final String AGGREGATED = "ACCESS_DENIED_AGGREGATED";

	/** At most this many addresses are counted one by one in a window; the others share one count. */
	static final int MAX_ADDRESSES = 10_000;

	/** At most this many aggregate records per window; the rest share one ({@code remote_address} {@code *}). */
	static final int MAX_AGGREGATES = 50;

	static final String OTHERS = "*";

	private final AnonymousDenialProperties properties;

	private final AuditRecorder recorder;

	private final Clock clock;

	/** Deciding holds the read lock; moving to a new window takes the write lock, so no count lands in a flushed one. */
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private Window window;

	private record Key(String action, String address) {
	}

	private static final class Window {

		final Instant start;

		final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

		final AtomicInteger recorded = new AtomicInteger();

		final Map<Key, AtomicInteger> suppressed = new ConcurrentHashMap<>();

		Window(Instant start) {
			this.start = start;
		}
	}

	AnonymousDenials(AnonymousDenialProperties properties, AuditRecorder recorder, Clock clock) {
		this.properties = properties;
		this.recorder = recorder;
		this.clock = clock;
		this.window = new Window(clock.instant());
	}

	/** Whether this denial is recorded now; when not, it has been counted for the window's aggregate. */
	boolean admit(String action, String remoteAddress) {
		lock.readLock().lock();
		try {
			Window w = window;
			String address = remoteAddress == null ? OTHERS : remoteAddress;
			if (!w.perAddress.containsKey(address) && w.perAddress.size() >= MAX_ADDRESSES) {
				address = OTHERS;
			}
			if (w.perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= properties.perAddress()
					&& w.recorded.incrementAndGet() <= properties.total()) {
				return true;
			}
			w.suppressed.computeIfAbsent(new Key(action, address), k -> new AtomicInteger()).incrementAndGet();
			return false;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Starts a new window and records what the last one suppressed. */
	@Scheduled(initialDelayString = "${medassist.audit.anonymous-denials.window:1m}",
			fixedDelayString = "${medassist.audit.anonymous-denials.window:1m}")
	void flush() {
		Window done;
		lock.writeLock().lock();
		try {
			done = window;
			window = new Window(clock.instant());
		}
		finally {
			lock.writeLock().unlock();
		}
		List<Map.Entry<Key, AtomicInteger>> counts = done.suppressed.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<Key, AtomicInteger> e) -> e.getValue().get()).reversed())
			.toList();
		String span = "window:" + done.start + "/" + properties.window();
		boolean everyOne = counts.size() <= MAX_AGGREGATES;
		int rest = 0;
		int restKeys = 0;
		for (int i = 0; i < counts.size(); i++) {
			Key key = counts.get(i).getKey();
			int count = counts.get(i).getValue().get();
			if (everyOne || i < MAX_AGGREGATES - 1) {
				record(key.action(), key.address(), "count:" + count + " " + span);
			}
			else {
				rest += count;
				restKeys++;
			}
		}
		if (restKeys > 0) {
			record("*", OTHERS, "count:" + rest + " groups:" + restKeys + " " + span);
		}
	}

	private void record(String action, String address, String detail) {
		recorder.record(new AuditEntry(null, clock.instant(), null, null, AGGREGATED, "audit_action", action,
				Outcome.DENIED, AuditedEvents.OPERATIONS, detail, address, null, null));
	}
}
