package org.medassist.fhir.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FHIR export settings ({@code medassist.fhir.*}).
 *
 * @param ehr each clinic's EHR, by clinic slug ({@code medassist.fhir.ehr.demo.base-url}); a clinic without one
 * exports nothing (its bundles are still available over the API)
 * @param export the outbox worker's timing
 */
@ConfigurationProperties("medassist.fhir")
record FhirProperties(Map<String, Ehr> ehr, @DefaultValue Export export) {

	FhirProperties {
		ehr = ehr == null ? Map.of() : Map.copyOf(ehr);
	}

	/**
	 * @param baseUrl the EHR's FHIR R4 base ({@code https://ehr.example/fhir}); the transaction is POSTed to it
	 * @param tokenUrl the OAuth2 token endpoint; none: requests go without a token (a test or a trusted network)
	 * @param clientId the OAuth2 client id MedAssist is registered under
	 * @param clientSecret OAuth2 client credentials with a shared secret ({@code client_secret_basic})
	 * @param privateKey SMART Backend Services instead: an RSA private key (PKCS#8 PEM) that signs a JWT client
	 * assertion (RS384); the EHR holds the public key
	 * @param keyId the {@code kid} of that key in the JWKS registered with the EHR
	 * @param scope the scopes asked for ({@code system/*.write})
	 */
	record Ehr(URI baseUrl, URI tokenUrl, String clientId,
			@Classification(Level.RESTRICTED) String clientSecret, @Classification(Level.RESTRICTED) String privateKey, String keyId,
			@DefaultValue("system/*.write system/*.read") String scope) {

		boolean smartBackendServices() {
			return privateKey != null && !privateKey.isBlank();
		}
	}

	/**
	 * @param pollInterval how often each instance looks for due exports
	 * @param firstRetry the wait after the first failure; it doubles after each failure, up to {@code maxRetry}
	 * @param maxAttempts attempts before an export is marked FAILED (to be looked at by a person)
	 * @param timeout connect and response timeout of each EHR call
	 * @param lease how long a taken export is held by an instance before another may retry it (a crashed worker)
	 * @param breakerOpen how long a clinic's EHR is left alone after repeated failures (circuit breaker)
	 */
	record Export(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
			@DefaultValue("10s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
			@DefaultValue("20") int maxAttempts, @DefaultValue("10s") Duration timeout,
			@DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration breakerOpen,
			@DefaultValue("20") int batchSize) {
	}
}
