package org.medassist.fhir.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirProperties.class)
class FhirConfiguration {

	/** One R4 context for the application: building one scans the whole model (expensive); it is thread-safe. */
	@Bean
	FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}
}
