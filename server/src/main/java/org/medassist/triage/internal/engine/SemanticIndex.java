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

	private record Entry(String finding, float[] vector, boolean negative) {
	}

	private final Embeddings embeddings;
	private final List<Entry> entries = new ArrayList<>();
	/** Every phrase and the question of each finding, for reading an answer in the context of its question. */
	private final Map<String, List<Phrase>> byFinding = new HashMap<>();

	/** A phrase or question of a finding; {@code negative} when it is itself said negatively ("baby not moving"). */
	private record Phrase(float[] vector, boolean negative) {
	}

	/** How a clause relates to one finding: the similarity, and whether the closest phrase is a negative one. */
	record Similarity(double score, boolean negativePhrase) {
	}
	private final double threshold;

	SemanticIndex(Embeddings embeddings, Iterable<Finding> findings, double threshold) {
		this.embeddings = embeddings;
		this.threshold = threshold;
		List<String> ids = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<Boolean> general = new ArrayList<>();
		for (Finding f : findings) {
			for (String phrase : f.phrases()) {
				ids.add(f.id());
				texts.add(phrase);
				// One-word phrases ("pain", "sick") are too vague to match a whole clause by meaning.
				general.add(Text.tokens(phrase).size() >= 2);
			}
			if (f.question() != null) {
				ids.add(f.id());
				texts.add(f.question());
				general.add(false);
			}
		}
		List<float[]> vectors = embeddings.embedAll(texts);
		for (int i = 0; i < ids.size(); i++) {
			boolean negative = Negation.hasCue(texts.get(i)) && !texts.get(i).endsWith("?");
			if (general.get(i)) {
				entries.add(new Entry(ids.get(i), vectors.get(i), negative));
			}
			byFinding.computeIfAbsent(ids.get(i), k -> new ArrayList<>()).add(new Phrase(vectors.get(i), negative));
		}
	}

	/** How close in meaning the clause is to one finding (its phrases and its question). */
	Similarity similarity(String clause, String finding) {
		return similarity(embeddings.embed(clause), finding);
	}

	/** The clause's vector, to compare it with many findings without embedding it again. */
	float[] vector(String clause) {
		return embeddings.embed(clause);
	}

	Similarity similarity(float[] v, String finding) {
		Similarity best = new Similarity(0, false);
		for (Phrase phrase : byFinding.getOrDefault(finding, List.of())) {
			double score = Embeddings.cosine(v, phrase.vector());
			if (score > best.score()) {
				best = new Similarity(score, phrase.negative());
			}
		}
		return best;
	}

	/** Findings whose phrases are close in meaning to the clause, with the best similarity of each. */
	Map<String, Similarity> match(String clause) {
		float[] v = embeddings.embed(clause);
		Map<String, Similarity> best = new HashMap<>();
		for (Entry e : entries) {
			double score = Embeddings.cosine(v, e.vector());
			if (score >= threshold) {
				best.merge(e.finding(), new Similarity(score, e.negative()),
						(a, b) -> a.score() >= b.score() ? a : b);
			}
		}
		return best;
	}
}
