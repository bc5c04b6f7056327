package org.medassist.notification.internal;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.medassist.identity.ClinicId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Clinic X has news": in-process with one instance; through a Redis channel when Redis is configured, so
 * that every instance wakes its own dashboards. Only the clinic id travels; the updates are read from
 * PostgreSQL. If Redis fails, this instance still wakes its own dashboards, and the others catch up at
 * their next wake-up or reconnect.
 */
@Component
class Wakeups {

	static final String CHANNEL = "medassist:dashboard";

	private static final Logger log = LoggerFactory.getLogger(Wakeups.class);

	private final DashboardHub hub;

	private final StatefulRedisConnection<String, String> publisher;

	private final StatefulRedisPubSubConnection<String, String> subscriber;

	Wakeups(DashboardHub hub, ObjectProvider<RedisClient> redis) {
		this.hub = hub;
		RedisClient client = redis.getIfAvailable();
		StatefulRedisConnection<String, String> pub = null;
		StatefulRedisPubSubConnection<String, String> sub = null;
		if (client != null) {
			try {
				pub = client.connect();
				sub = client.connectPubSub();
				sub.addListener(new RedisPubSubAdapter<>() {
					@Override
					public void message(String channel, String message) {
						wakeLocally(message);
					}
				});
				sub.sync().subscribe(CHANNEL);
			}
			catch (RuntimeException e) {
				log.warn("Redis is configured but unreachable; dashboards are woken on this instance only");
				pub = null;
				sub = null;
			}
		}
		this.publisher = pub;
		this.subscriber = sub;
	}

	void publish(ClinicId clinic) {
		if (publisher != null) {
			try {
				publisher.async().publish(CHANNEL, clinic.toString());
				return;
			}
			catch (RuntimeException e) {
				log.warn("Redis publish failed ({}); waking this instance only", e.getClass().getSimpleName());
			}
		}
		hub.wake(clinic);
	}

	private void wakeLocally(String message) {
		try {
			hub.wake(new ClinicId(UUID.fromString(message)));
		}
		catch (IllegalArgumentException e) {
			log.warn("Ignored a malformed dashboard wake-up on {}", CHANNEL);
		}
	}

	@PreDestroy
	void close() {
		if (subscriber != null) {
			subscriber.close();
		}
		if (publisher != null) {
			publisher.close();
		}
	}
}
