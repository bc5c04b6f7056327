package org.medassist.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Login rate limits shared by two instances through the machine's real Redis (127.0.0.1:6379, started by
 * bin/test): attempts on one instance count on the other.
 */
class SharedLoginThrottleTest {

	private RedisClient redis;

	private StatefulRedisConnection<byte[], byte[]> first;

	private StatefulRedisConnection<byte[], byte[]> second;

	@BeforeEach
	void connect() {
		redis = RedisClient.create(System.getenv().getOrDefault("MEDASSIST_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
		first = redis.connect(ByteArrayCodec.INSTANCE);
		second = redis.connect(ByteArrayCodec.INSTANCE);
	}

	@AfterEach
	void close() {
		first.close();
		second.close();
		redis.shutdown();
	}

	@Test
	void twoInstancesShareOneAccountLimit() {
		IdentityProperties properties = properties(1000, 3);
		LoginThrottle instanceA = new LoginThrottle(properties, shared(first));
		LoginThrottle instanceB = new LoginThrottle(properties, shared(second));
		String account = "user-" + UUID.randomUUID();
		instanceA.check("10.0.0.1", "demo", account);
		instanceB.check("10.0.0.2", "demo", account);
		instanceA.check("10.0.0.3", "demo", account);
		assertThatThrownBy(() -> instanceB.check("10.0.0.4", "demo", account))
			.isInstanceOf(LoginThrottle.TooManyLoginAttempts.class);
		assertThatCode(() -> instanceB.check("10.0.0.4", "demo", "someone-else-" + UUID.randomUUID()))
			.as("other accounts are not affected").doesNotThrowAnyException();
	}

	@Test
	void withoutRedisEachInstanceCountsAlone() {
		IdentityProperties properties = properties(1000, 2);
		LoginThrottle instanceA = new LoginThrottle(properties, null);
		LoginThrottle instanceB = new LoginThrottle(properties, null);
		String account = "user-" + UUID.randomUUID();
		instanceA.check("10.0.0.1", "demo", account);
		instanceA.check("10.0.0.1", "demo", account);
		assertThatThrownBy(() -> instanceA.check("10.0.0.1", "demo", account))
			.isInstanceOf(LoginThrottle.TooManyLoginAttempts.class);
		assertThatCode(() -> instanceB.check("10.0.0.1", "demo", account)).doesNotThrowAnyException();
	}

	private static io.github.bucket4j.distributed.proxy.ProxyManager<byte[]> shared(
			StatefulRedisConnection<byte[], byte[]> connection) {
		return Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	private static IdentityProperties properties(int perAddress, int perAccount) {
		return new Binder(new MapConfigurationPropertySource(java.util.Map.of(
				"medassist.identity.logins-per-minute-per-address", String.valueOf(perAddress),
				"medassist.identity.logins-per-minute-per-account", String.valueOf(perAccount))))
			.bindOrCreate("medassist.identity", IdentityProperties.class);
	}
}
