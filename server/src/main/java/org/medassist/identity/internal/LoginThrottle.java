package org.medassist.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.medassist.platform.MedAssistException;
import org.springframework.stereotype.Component;

/**
 * Rate limits login attempts per client address and per account (Bucket4j token buckets, refilled each
 * minute). The buckets live in this instance's memory: with several instances each enforces its own limit,
 * so the effective limit is that many times higher; the account lockout (in PostgreSQL) is shared.
 */
@Component
class LoginThrottle {

	private static final int MAX_BUCKETS = 100_000;

	private final IdentityProperties properties;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	LoginThrottle(IdentityProperties properties) {
		this.properties = properties;
	}

	void check(String remoteAddress, String clinic, String username) {
		if (buckets.size() > MAX_BUCKETS) {
			buckets.clear(); // a flood of distinct keys must not exhaust memory; limits restart
		}
		boolean addressOk = bucket("ip:" + remoteAddress, properties.loginsPerMinutePerAddress()).tryConsume(1);
		boolean accountOk = bucket("account:" + clinic + "/" + username, properties.loginsPerMinutePerAccount())
			.tryConsume(1);
		if (!addressOk || !accountOk) {
			throw new TooManyLoginAttempts();
		}
	}

	private Bucket bucket(String key, int perMinute) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build());
	}

	static final class TooManyLoginAttempts extends MedAssistException {

		TooManyLoginAttempts() {
			super(Kind.TOO_MANY_REQUESTS, "too-many-login-attempts",
					"Too many login attempts. Wait a minute and try again.");
		}
	}
}
