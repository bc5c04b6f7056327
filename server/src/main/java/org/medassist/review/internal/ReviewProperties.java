package org.medassist.review.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.medassist.triage.Disposition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Review settings ({@code medassist.review.*}); clinics override the targets for themselves.
 *
 * @param claimWithin default time within which a case of each disposition must be claimed. ROUTINE and SELF_CARE
 * count working time, where each 24 hours is one working day (so ROUTINE's default is "within 1 working day")
 * @param claimIdleTimeout a claim lapses when its holder does nothing with the case for this long
 * @param escalationCheckInterval how often each instance looks for breaches
 * @param timeZone the time zone of a clinic's working hours until its admin sets them (default: the server's)
 */
@ConfigurationProperties("medassist.review")
record ReviewProperties(Map<Disposition, Duration> claimWithin, @DefaultValue("15m") Duration claimIdleTimeout,
		@DefaultValue("30s") Duration escalationCheckInterval, String timeZone) {

	ZoneId zone() {
		return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
	}

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
