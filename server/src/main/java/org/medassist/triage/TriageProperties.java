package org.medassist.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the triage module ({@code medassist.triage.*}).
 *
 * @param simulatedLatency extra time each engine step takes; zero in use. Fault-injection tests set it to hold
 *        a reply "in production" long enough to crash the process at that moment, as a slow model provider would.
 */
@ConfigurationProperties("medassist.triage")
public record TriageProperties(@DefaultValue("0s") Duration simulatedLatency) {
}
