package org.medassist.consultation.internal;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.medassist.consultation.ConsultationReviewed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brings a nurse's decision to the patient's open chat on whichever instance the patient is connected to. After
 * the decision commits, "consultation X was reviewed" goes out on a Redis channel when Redis is configured (every
 * instance pushes to its own sockets), in-process otherwise. Only the id travels; each socket reads the state
 * from PostgreSQL. A lost wake-up loses nothing: a patient who reconnects, or reloads, gets the whole state.
 */
@Component
class ReviewPushes {

	static final String CHANNEL = "medassist:consultation-reviewed";

	private static final Logger log = LoggerFactory.getLogger(ReviewPushes.class);

	private final ConsultationSocket sockets;

	private final StatefulRedisConnection<String, String> publisher;

	private final StatefulRedisPubSubConnection<String, String> subscriber;

	ReviewPushes(ConsultationSocket sockets, ObjectProvider<RedisClient> redis) {
		this.sockets = sockets;
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
						if (CHANNEL.equals(channel)) {
							pushLocally(message);
						}
					}
				});
				sub.sync().subscribe(CHANNEL);
			}
			catch (RuntimeException e) {
				log.warn("Redis is configured but unreachable; reviews reach patients connected to this instance only");
				close(pub, sub);
				pub = null;
				sub = null;
			}
		}
		this.publisher = pub;
		this.subscriber = sub;
	}

	@TransactionalEventListener
	void reviewed(ConsultationReviewed reviewed) {
		UUID id = reviewed.consultationId().value();
		if (publisher != null) {
			try {
				publisher.async().publish(CHANNEL, id.toString());
				return;
			}
			catch (RuntimeException e) {
				log.warn("Redis publish failed ({}); pushing to this instance's patients only",
						e.getClass().getSimpleName());
			}
		}
		push(id);
	}

	private void pushLocally(String message) {
		try {
			push(UUID.fromString(message));
		}
		catch (IllegalArgumentException e) {
			log.warn("Ignored a malformed review wake-up on {}", CHANNEL);
		}
	}

	/**
	 * Off the caller's thread: a Redis I/O thread must not wait for the database, and the deciding request's
	 * thread still holds its finished transaction's resources.
	 */
	private void push(UUID consultationId) {
		CompletableFuture.runAsync(() -> sockets.pushState(consultationId));
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
