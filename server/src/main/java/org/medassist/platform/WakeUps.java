package org.medassist.platform;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Something about X changed; look in PostgreSQL": a wake-up that reaches every instance through a Redis channel
 * when Redis is configured, and this instance only otherwise. Only an id travels, never the news itself, so a lost
 * wake-up loses nothing: PostgreSQL stays the record, and whoever missed one catches up at the next wake-up or
 * reconnect. If Redis fails, the publishing instance still wakes its own listeners.
 */
@Component
public class WakeUps {

	private static final Logger log = LoggerFactory.getLogger(WakeUps.class);

	private final Map<String, Consumer<UUID>> listeners = new ConcurrentHashMap<>();

	private final StatefulRedisConnection<String, String> publisher;

	private final StatefulRedisPubSubConnection<String, String> subscriber;

	WakeUps(ObjectProvider<RedisClient> redis) {
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
						deliver(channel, message);
					}
				});
			}
			catch (RuntimeException e) {
				log.warn("Redis is configured but unreachable; wake-ups reach this instance only");
				close(pub, sub);
				pub = null;
				sub = null;
			}
		}
		this.publisher = pub;
		this.subscriber = sub;
	}

	/**
	 * Calls {@code listener} with the id of every wake-up on {@code channel}, from any instance. The listener runs
	 * on a Redis I/O thread or the publisher's thread: it must hand slow work (database reads) to another thread.
	 */
	public void listen(String channel, Consumer<UUID> listener) {
		if (listeners.putIfAbsent(channel, listener) != null) {
			throw new IllegalStateException("one listener per channel: " + channel);
		}
		if (subscriber != null) {
			try {
				subscriber.sync().subscribe(channel);
			}
			catch (RuntimeException e) {
				log.warn("Could not subscribe to {} ({}); wake-ups from other instances are missed until restart",
						channel, e.getClass().getSimpleName());
			}
		}
	}

	public void publish(String channel, UUID id) {
		if (publisher != null) {
			try {
				publisher.async().publish(channel, id.toString());
				return;
			}
			catch (RuntimeException e) {
				log.warn("Redis publish on {} failed ({}); waking this instance only", channel,
						e.getClass().getSimpleName());
			}
		}
		deliver(channel, id.toString());
	}

	private void deliver(String channel, String message) {
		Consumer<UUID> listener = listeners.get(channel);
		if (listener == null) {
			return;
		}
		UUID id;
		try {
			id = UUID.fromString(message);
		}
		catch (IllegalArgumentException e) {
			log.warn("Ignored a malformed wake-up on {}", channel);
			return;
		}
		listener.accept(id);
	}

	@PreDestroy
	void close() {
		close(publisher, subscriber);
	}

	private static void close(StatefulRedisConnection<String, String> pub,
			StatefulRedisPubSubConnection<String, String> sub) {
		if (sub != null) {
			sub.close();
		}
		if (pub != null) {
			pub.close();
		}
	}
}
