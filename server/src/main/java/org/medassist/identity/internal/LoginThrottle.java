package org.medassist.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.medassist.platform.MedAssistException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits login attempts per client address and per account (Bucket4j token buckets, refilled over a
 * minute). With Redis configured the buckets live there, shared by every instance; otherwise in this
 * instance's memory. If Redis fails, the instance falls back to its own buckets rather than refuse every
 * login (the account lockout, kept in PostgreSQL, still protects each account).
 */
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_LOCAL_BUCKETS = 100_000;

	private final IdentityProperties properties;

	private final ProxyManager<byte[]> shared;

	/**
	 * A bucket untouched for a minute has refilled, so it may be forgotten; past the size bound the least used
	 * go first, so a flood of names costs bounded memory.
	 */
	private final Cache<String, Bucket> local = Caffeine.newBuilder()
		.maximumSize(MAX_LOCAL_BUCKETS)
		.expireAfterAccess(Duration.ofMinutes(1))
		.build();

	/** @param shared Redis-backed buckets, or {@code null} for in-memory ones */
	LoginThrottle(IdentityProperties properties, ProxyManager<byte[]> shared) {
		this.properties = properties;
		this.shared = shared;
	}

	void check(String remoteAddress, String clinic, String username) {
		// The account's budget is spent only by requests the address limit lets through.
		if (!tryConsume("ip:" + remoteAddress, properties.loginsPerMinutePerAddress())
				|| !tryConsume("account:" + clinic + "/" + username, properties.loginsPerMinutePerAccount())) {
			throw new TooManyLoginAttempts();
		}
	}

	/** For logins whose credential is single-use anyway (an OpenID Connect code): the address limit only. */
	void checkAddress(String remoteAddress) {
		if (!tryConsume("ip:" + remoteAddress, properties.loginsPerMinutePerAddress())) {
			throw new TooManyLoginAttempts();
		}
	}

	private boolean tryConsume(String key, int perMinute) {
		Supplier<BucketConfiguration> configuration = () -> BucketConfiguration.builder()
			.addLimit(limit(perMinute))
			.build();
		if (shared != null) {
			try {
				return shared.builder()
					.build(("medassist:login:" + key).getBytes(StandardCharsets.UTF_8), configuration)
					.tryConsume(1);
			}
			catch (RuntimeException e) {
				log.warn("Redis rate limiting failed ({}); using this instance's limits", e.getClass().getSimpleName());
			}
		}
		return local.get(key, k -> Bucket.builder().addLimit(limit(perMinute)).build()).tryConsume(1);
	}

	private static Bandwidth limit(int perMinute) {
		return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
	}

	static final class TooManyLoginAttempts extends MedAssistException {

		TooManyLoginAttempts() {
			super(Kind.TOO_MANY_REQUESTS, "too-many-login-attempts",
					"Too many login attempts. Wait a minute and try again.");
		}
	}
}
