package org.medassist.platform.internal;

import io.lettuce.core.RedisClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Lettuce client for the installation, when {@code medassist.redis.url} is set. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnExpression("'${medassist.redis.url:}' != ''")
	RedisClient redisClient(org.medassist.platform.RedisProperties redis) {
		return RedisClient.create(redis.url());
	}
}
