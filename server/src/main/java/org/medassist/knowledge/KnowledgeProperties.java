package org.medassist.knowledge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the knowledge module ({@code medassist.knowledge.*}).
 *
 * @param maxDocumentBytes the largest clinic document accepted (bytes of UTF-8 text)
 * @param poll how often each instance looks in PostgreSQL for documents changed on other instances
 * @param answerThreshold the cosine similarity from which a retrieved passage counts as answering a patient's
 *        question; below it the patient is told the nurse will see the question. Calibrated on the labelled query
 *        set (see README, "Guideline knowledge")
 * @param candidates how many candidates each ranking (vector, BM25) contributes before fusion, per passage asked
 * @param warmUp build or open the index right after start-up (off the main thread) rather than at the first search
 * @param corpus the classpath folder of the shared corpus ({@code *.md})
 */
@ConfigurationProperties("medassist.knowledge")
public record KnowledgeProperties(@DefaultValue("262144") int maxDocumentBytes, @DefaultValue("2s") Duration poll,
		@DefaultValue("0.3") double answerThreshold, @DefaultValue("10") int candidates,
		@DefaultValue("true") boolean warmUp, @DefaultValue("knowledge/guidance") String corpus) {
}
