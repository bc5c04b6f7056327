package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.medassist.triage.internal.engine.KnowledgeBase.Finding;

/**
 * Recognises findings said in words the phrase list does not have ("I can't get enough air" for shortness of
 * breath): each clause is compared, by meaning, with every phrase of every finding.
 */
final class SemanticIndex {

	private final Embeddings embeddings;
	/**
	 * The phrases a whole clause is compared with, as unit vectors laid end to end (one dot product each, over
	 * contiguous memory: this loop is most of the engine's own time), with their finding and polarity.
	 */
	private final float[] matrix;
	private final String[] entryFinding;
	private final boolean[] entryNegative;
	private final int dimensions;
	/** Clause vectors recently computed: each turn re-reads the earlier messages of its conversation. */
	private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(4096).build();
	private final Cache<String, Map<String, Similarity>> matches = Caffeine.newBuilder().maximumSize(4096).build();
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
		this(embeddings, findings, threshold, PhraseVectors.bundled());
	}

	SemanticIndex(Embeddings embeddings, Iterable<Finding> findings, double threshold, PhraseVectors stored) {
		this.embeddings = embeddings;
		this.threshold = threshold;
		List<Entry> entries = entries(findings);
		List<float[]> vectors = stored.embedAll(embeddings, entries.stream().map(Entry::text).toList())
			.stream()
			.map(SemanticIndex::unit)
			.toList();
		this.dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
		int n = (int) entries.stream().filter(Entry::general).count();
		this.matrix = new float[n * dimensions];
		this.entryFinding = new String[n];
		this.entryNegative = new boolean[n];
		int row = 0;
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			boolean negative = Negation.hasCue(entry.text()) && !entry.text().endsWith("?");
			if (entry.general()) {
				System.arraycopy(vectors.get(i), 0, matrix, row * dimensions, dimensions);
				entryFinding[row] = entry.finding();
				entryNegative[row] = negative;
				row++;
			}
			byFinding.computeIfAbsent(entry.finding(), k -> new ArrayList<>()).add(new Phrase(vectors.get(i), negative));
		}
	}

	/** A text the index compares clauses with: a finding's phrase, or its question ({@code general} false). */
	record Entry(String finding, String text, boolean general) {
	}

	/** Every phrase and question of these findings, in the order the index holds them. */
	static List<Entry> entries(Iterable<Finding> findings) {
		List<Entry> entries = new ArrayList<>();
		for (Finding f : findings) {
			for (String phrase : f.phrases()) {
				// One-word phrases ("pain", "sick") are too vague to match a whole clause by meaning.
				entries.add(new Entry(f.id(), phrase, Text.tokens(phrase).size() >= 2));
			}
			if (f.question() != null) {
				entries.add(new Entry(f.id(), f.question(), false));
			}
		}
		return entries;
	}

	/** The vector scaled to unit length, so that a dot product is the cosine. */
	private static float[] unit(float[] v) {
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
		}
		return out;
	}

	/**
	 * Four running sums, not one: each addition no longer waits for the one before it. One clause against 12,000
	 * phrases took 15-18 ms with one sum and 5-9 ms with four on this machine (a throwaway micro-benchmark, loaded
	 * machine); this loop is most of the engine's own time (JFR). The result differed by 0.0 on random vectors.
	 */
	static double dot(float[] a, float[] b, int offset) {
		double s0 = 0;
		double s1 = 0;
		double s2 = 0;
		double s3 = 0;
		int i = 0;
		for (int n = a.length - 3; i < n; i += 4) {
			s0 += a[i] * b[offset + i];
			s1 += a[i + 1] * b[offset + i + 1];
			s2 += a[i + 2] * b[offset + i + 2];
			s3 += a[i + 3] * b[offset + i + 3];
		}
		for (; i < a.length; i++) {
			s0 += a[i] * b[offset + i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	/** How close in meaning the clause is to one finding (its phrases and its question). */
	Similarity similarity(String clause, String finding) {
		return similarity(vector(clause), finding);
	}

	/** The clause's vector, to compare it with many findings without embedding it again. */
	float[] vector(String clause) {
		return vectors.get(clause, c -> unit(embeddings.embed(c)));
	}

	Similarity similarity(float[] v, String finding) {
		Similarity best = new Similarity(0, false);
		for (Phrase phrase : byFinding.getOrDefault(finding, List.of())) {
			double score = dot(v, phrase.vector(), 0);
			if (score > best.score()) {
				best = new Similarity(score, phrase.negative());
			}
		}
		return best;
	}

	/** Findings whose phrases are close in meaning to the clause, with the best similarity of each. */
	Map<String, Similarity> match(String clause) {
		return matches.get(clause, c -> {
			float[] v = vector(c);
			Map<String, Similarity> best = new HashMap<>();
			for (int row = 0; row < entryFinding.length; row++) {
				double score = dot(v, matrix, row * dimensions);
				if (score >= threshold) {
					best.merge(entryFinding[row], new Similarity(score, entryNegative[row]),
							(a, b) -> a.score() >= b.score() ? a : b);
				}
			}
			return Collections.unmodifiableMap(best);
		});
	}
}
