package org.medassist.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis, when configured ({@code medassist.redis.url}; environment {@code MEDASSIST_REDIS_URL}, e.g.
 * {@code redis://127.0.0.1:6379}). Redis only ever holds derived, short-lived state (rate-limit buckets,
 * fan-out): PostgreSQL stays the record, and MedAssist keeps working, per instance, when Redis is down.
 */
@ConfigurationProperties("medassist.redis")
public record RedisProperties(String url) {

	public boolean configured() {
		return url != null && !url.isBlank();
	}
}
