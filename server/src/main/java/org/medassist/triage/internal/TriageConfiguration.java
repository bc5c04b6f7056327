package org.medassist.triage.internal;

import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.TriageEngine;
import org.medassist.triage.TriageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

	@Bean
	TriageEngine triageEngine(TriageProperties properties) {
		TriageEngine engine = new IntakeQuestionnaire();
		return properties.simulatedLatency().isZero() ? engine : new SlowEngine(engine, properties);
	}

	/** Holds each step for the configured latency; see {@link TriageProperties#simulatedLatency()}. */
	private record SlowEngine(TriageEngine engine, TriageProperties properties) implements TriageEngine {

		@Override
		public String version() {
			return engine.version();
		}

		@Override
		public InterviewStep next(Interview interview) {
			try {
				Thread.sleep(properties.simulatedLatency().toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", e);
			}
			return engine.next(interview);
		}
	}
}
