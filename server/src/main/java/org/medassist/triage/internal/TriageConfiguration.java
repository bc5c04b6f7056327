package org.medassist.triage.internal;

import java.io.IOException;

import org.medassist.knowledge.Embedder;
import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.TriageEngine;
import org.medassist.triage.TriageProperties;
import org.medassist.triage.internal.engine.Embeddings;
import org.medassist.triage.internal.engine.Interviewer;
import org.medassist.triage.internal.engine.KnowledgeBase;
import org.medassist.triage.internal.engine.KnowledgeBaseLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TriageConfiguration.class);

	/** Lazy: loading the embedding model and indexing the phrases takes seconds, and only conversations need it. */
	@Bean
	@Lazy
	TriageEngine triageEngine(TriageProperties properties, Embedder shared) throws IOException {
		KnowledgeBase kb = new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		// The application's one embedding model (knowledge module), not a second copy of it.
		Embeddings embeddings = properties.semanticMatching() ? new SharedModel(shared) : null;
		if (!kb.translations().problems().isEmpty()) {
			// The engine still runs: a missing translation falls back to English. `medassist kb check` lists them.
			log.warn("Triage knowledge base translations have {} problem(s); run `medassist kb check`",
					kb.translations().problems().size());
		}
		long started = System.nanoTime();
		TriageEngine engine = new ClinicalTriageEngine(
				new Interviewer(kb, embeddings, properties.semanticThreshold()));
		log.info("Triage knowledge base {} loaded: {} findings, {} red flags, {} protocols, translated into {} in {} ms",
				kb.version(), kb.findings().size(), kb.redFlags().size(), kb.protocols().size(), kb.translatedLanguages(),
				(System.nanoTime() - started) / 1_000_000);
		return properties.simulatedLatency().isZero() ? engine : new SlowEngine(engine, properties);
	}

	private record SharedModel(Embedder model) implements Embeddings {

		@Override
		public float[] embed(String text) {
			return model.embed(text);
		}

		@Override
		public java.util.List<float[]> embedAll(java.util.List<String> texts) {
			return model.embedAll(texts);
		}
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

		@Override
		public java.util.Optional<org.medassist.triage.Assessment> reassess(Interview interview) {
			return engine.reassess(interview);
		}
	}
}
