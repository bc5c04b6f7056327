package org.medassist.review.internal;

import java.time.Duration;
import java.util.Map;

import org.medassist.triage.Disposition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Review settings ({@code medassist.review.*}); clinics override the targets for themselves.
 *
 * @param claimWithin default time within which a case of each disposition must be claimed. ROUTINE's "one
 * working day" is approximated as 24 hours (no clinic calendar yet)
 * @param claimIdleTimeout a claim lapses when its holder does nothing with the case for this long
 * @param escalationCheckInterval how often each instance looks for breaches
 */
@ConfigurationProperties("medassist.review")
record ReviewProperties(Map<Disposition, Duration> claimWithin, @DefaultValue("15m") Duration claimIdleTimeout,
		@DefaultValue("30s") Duration escalationCheckInterval) {

	ReviewProperties {
		Map<Disposition, Duration> defaults = Map.of(Disposition.EMERGENCY, Duration.ofMinutes(2), Disposition.URGENT,
				Duration.ofMinutes(30), Disposition.ROUTINE, Duration.ofHours(24), Disposition.SELF_CARE,
				Duration.ofHours(24));
		java.util.EnumMap<Disposition, Duration> merged = new java.util.EnumMap<>(defaults);
		if (claimWithin != null) {
			merged.putAll(claimWithin);
		}
		claimWithin = java.util.Collections.unmodifiableMap(merged);
	}
}
