package org.medassist.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Records the application events published on any thread (the audit trail's future inputs), so that tests can
 * check that something was reported, not only that it happened.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getPackageName().startsWith("org.medassist")) {
			events.add(event);
		}
	}

	public <T> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
