package org.medassist.audit.internal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many refused requests of no clinic (no or bad credentials, a login to an unknown clinic) are recorded one
 * by one in the deployment chain per window ({@code medassist.audit.anonymous-denials.*}); beyond that they are
 * counted and recorded as one {@code ACCESS_DENIED_AGGREGATED} record per address and action at the window's end.
 *
 * @param perAddress individual records per client address and window
 * @param total individual records per window from all addresses together
 * @param window the counting window (and how often the counts are written)
 */
@Validated
@ConfigurationProperties("medassist.audit.anonymous-denials")
record AnonymousDenialProperties(@Min(1) @DefaultValue("300") int perAddress, @Min(1) @DefaultValue("1200") int total,
		@NotNull @DefaultValue("1m") Duration window) {
}
