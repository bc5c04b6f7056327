package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medassist.triage.internal.engine.KnowledgeBase.Finding;

/**
 * Recognises findings said in words the phrase list does not have ("I can't get enough air" for shortness of
 * breath): each clause is compared, by meaning, with every phrase of every finding.
 */
final class SemanticIndex {

	private record Entry(String finding, float[] vector) {
	}

	private final Embeddings embeddings;
	private final List<Entry> entries = new ArrayList<>();
	private final double threshold;

	SemanticIndex(Embeddings embeddings, Iterable<Finding> findings, double threshold) {
		this.embeddings = embeddings;
		this.threshold = threshold;
		List<String> ids = new ArrayList<>();
		List<String> phrases = new ArrayList<>();
		for (Finding f : findings) {
			for (String phrase : f.phrases()) {
				// One-word phrases ("pain", "sick") are too vague to match by meaning.
				if (Text.tokens(phrase).size() >= 2) {
					ids.add(f.id());
					phrases.add(phrase);
				}
			}
		}
		List<float[]> vectors = embeddings.embedAll(phrases);
		for (int i = 0; i < ids.size(); i++) {
			entries.add(new Entry(ids.get(i), vectors.get(i)));
		}
	}

	/** Findings whose phrases are close in meaning to the clause, with the best similarity of each. */
	Map<String, Double> match(String clause) {
		float[] v = embeddings.embed(clause);
		Map<String, Double> best = new HashMap<>();
		for (Entry e : entries) {
			double score = Embeddings.cosine(v, e.vector());
			if (score >= threshold) {
				best.merge(e.finding(), score, Math::max);
			}
		}
		return best;
	}
}
