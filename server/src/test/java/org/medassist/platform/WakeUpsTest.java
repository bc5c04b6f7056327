package org.medassist.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Two instances' wake-ups over the machine's real Redis (127.0.0.1:6379, started by bin/test): a wake-up published
 * on one instance reaches the listeners of both, on its own channel only; without Redis, this instance's only.
 */
class WakeUpsTest {

	private final RedisClient redisA = RedisClient.create(url());

	private final RedisClient redisB = RedisClient.create(url());

	@AfterEach
	void close() {
		redisA.shutdown();
		redisB.shutdown();
	}

	@Test
	void aWakeUpPublishedOnOneInstanceReachesEveryInstanceOnItsChannelOnly() throws Exception {
		String channel = "medassist:test:" + UUID.randomUUID();
		String otherChannel = channel + ":other";
		BlockingQueue<UUID> onA = new LinkedBlockingQueue<>();
		BlockingQueue<UUID> onB = new LinkedBlockingQueue<>();
		BlockingQueue<UUID> otherOnB = new LinkedBlockingQueue<>();
		WakeUps a = new WakeUps(provider(redisA));
		WakeUps b = new WakeUps(provider(redisB));
		try {
			a.listen(channel, onA::add);
			b.listen(channel, onB::add);
			b.listen(otherChannel, otherOnB::add);
			UUID id = UUID.randomUUID();
			a.publish(channel, id);
			assertThat(onA.poll(5, TimeUnit.SECONDS)).isEqualTo(id);
			assertThat(onB.poll(5, TimeUnit.SECONDS)).as("the other instance").isEqualTo(id);
			assertThat(otherOnB.poll(300, TimeUnit.MILLISECONDS)).as("another channel").isNull();
		}
		finally {
			a.close();
			b.close();
		}
	}

	@Test
	void withoutRedisOnlyThisInstanceIsWoken() throws Exception {
		BlockingQueue<UUID> woken = new LinkedBlockingQueue<>();
		WakeUps alone = new WakeUps(new StaticListableBeanFactory().getBeanProvider(RedisClient.class));
		alone.listen("medassist:test:alone", woken::add);
		UUID id = UUID.randomUUID();
		alone.publish("medassist:test:alone", id);
		assertThat(woken.poll(1, TimeUnit.SECONDS)).isEqualTo(id);
	}

	private static ObjectProvider<RedisClient> provider(RedisClient client) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("redis", client);
		return beans.getBeanProvider(RedisClient.class);
	}

	private static String url() {
		return System.getenv().getOrDefault("MEDASSIST_TEST_REDIS_URL", "redis://127.0.0.1:6379");
	}
}
