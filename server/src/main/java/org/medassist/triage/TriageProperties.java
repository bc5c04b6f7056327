package org.medassist.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the triage module ({@code medassist.triage.*}).
 *
 * @param semanticMatching recognise findings by meaning with the bundled embedding model, not only by phrase
 * @param semanticThreshold the cosine similarity from which a clause counts as saying a finding's phrase
 * @param simulatedLatency extra time each engine step takes; zero in use. Fault-injection tests set it to hold
 *        a reply "in production" long enough to crash the process at that moment, as a slow model provider would.
 */
@ConfigurationProperties("medassist.triage")
public record TriageProperties(@DefaultValue("true") boolean semanticMatching,
		@DefaultValue("0.8") double semanticThreshold, @DefaultValue("0s") Duration simulatedLatency) {
}
