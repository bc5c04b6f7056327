package org.medassist.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medassist.identity.ClinicId;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances' wake-up channels over the machine's real Redis (127.0.0.1:6379, started by bin/test): news
 * published on one instance wakes the dashboards of both.
 */
class RedisWakeupsTest {

	private final RedisClient redisA = RedisClient.create(url());

	private final RedisClient redisB = RedisClient.create(url());

	@AfterEach
	void close() {
		redisA.shutdown();
		redisB.shutdown();
	}

	/** A hub that only records which clinics were woken. */
	static final class RecordingHub extends DashboardHub {

		final BlockingQueue<ClinicId> woken = new LinkedBlockingQueue<>();

		RecordingHub() {
			super(null, new TransactionTemplate());
		}

		@Override
		void wake(ClinicId clinic) {
			woken.add(clinic);
		}
	}

	@Test
	void newsPublishedOnOneInstanceWakesEveryInstance() throws Exception {
		RecordingHub hubA = new RecordingHub();
		RecordingHub hubB = new RecordingHub();
		Wakeups a = new Wakeups(hubA, provider(redisA));
		Wakeups b = new Wakeups(hubB, provider(redisB));
		try {
			ClinicId clinic = new ClinicId(UUID.randomUUID());
			a.publish(clinic);
			assertThat(hubA.woken.poll(5, TimeUnit.SECONDS)).isEqualTo(clinic);
			assertThat(hubB.woken.poll(5, TimeUnit.SECONDS)).as("the other instance").isEqualTo(clinic);
		}
		finally {
			a.close();
			b.close();
		}
	}

	@Test
	void withoutRedisOnlyThisInstanceIsWoken() throws Exception {
		RecordingHub hub = new RecordingHub();
		Wakeups alone = new Wakeups(hub, new StaticListableBeanFactory().getBeanProvider(RedisClient.class));
		ClinicId clinic = new ClinicId(UUID.randomUUID());
		alone.publish(clinic);
		assertThat(hub.woken.poll(1, TimeUnit.SECONDS)).isEqualTo(clinic);
	}

	private static org.springframework.beans.factory.ObjectProvider<RedisClient> provider(RedisClient client) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("redis", client);
		return beans.getBeanProvider(RedisClient.class);
	}

	private static String url() {
		return System.getenv().getOrDefault("MEDASSIST_TEST_REDIS_URL", "redis://127.0.0.1:6379");
	}
}
