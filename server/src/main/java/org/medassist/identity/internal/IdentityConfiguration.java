package org.medassist.identity.internal;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

	/** Replaces Boot's transaction manager: every transaction carries the caller's clinic. */
	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new TenantTransactionManager(dataSource);
	}

	/** Login rate limits: shared through Redis when it is configured, else per instance. */
	@Bean
	LoginThrottle loginThrottle(IdentityProperties properties, ObjectProvider<RedisClient> redis) {
		RedisClient client = redis.getIfAvailable();
		if (client == null) {
			return new LoginThrottle(properties, null);
		}
		StatefulRedisConnection<byte[], byte[]> connection;
		try {
			connection = client.connect(ByteArrayCodec.INSTANCE);
		}
		catch (RuntimeException e) {
			LoggerFactory.getLogger(IdentityConfiguration.class)
				.warn("Redis is configured but unreachable; login rate limits are per instance");
			return new LoginThrottle(properties, null);
		}
		return new LoginThrottle(properties, Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build());
	}

	/** bcrypt today; the {id} prefix lets a later encoder take over as users log in. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
