package org.medassist.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.search.Query;
import org.medassist.knowledge.Embedder;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;

/**
 * Hybrid retrieval: the HNSW (cosine) ranking and the BM25 ranking, each over more candidates than asked for,
 * fused by reciprocal rank fusion (Cormack, Clarke & Büttcher 2009: score = Σ 1 / (60 + rank)). RRF needs no
 * score calibration between the two rankings, which have nothing in common.
 */
final class Retriever {

	/** The constant of reciprocal rank fusion; 60 as in the paper (results are insensitive to it). */
	static final int RRF_K = 60;

	private final KnowledgeIndex index;
	private final Embedder embedder;
	private final int candidatesPerPassage;

	Retriever(KnowledgeIndex index, Embedder embedder, int candidatesPerPassage) {
		this.index = index;
		this.embedder = embedder;
		this.candidatesPerPassage = Math.max(1, candidatesPerPassage);
	}

	enum Mode {
		HYBRID, VECTOR, TEXT
	}

	/**
	 * Query vectors recently computed. Assessments cite the same advice and reason texts again and again (and search
	 * each twice, with and without an audience), so most of their queries were embedded before: a few MB saves most
	 * of the model's time there. Bounded (Caffeine evicts the least useful first).
	 */
	private final Cache<String, float[]> recentVectors = Caffeine.newBuilder().maximumSize(4096).build();

	private float[] vectorOf(String text) {
		return recentVectors.get(text, embedder::embed);
	}

	List<Passage> search(SearchRequest request, Mode mode) {
		// Control characters carry no meaning for either ranking (and the model refuses text that is only those).
		String query = request.query().replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").strip();
		if (query.isEmpty()) {
			return List.of();
		}
		int candidates = Math.max(50, request.limit() * candidatesPerPassage);
		Query filter = KnowledgeIndex.filter(request);
		float[] vector = vectorOf(query.length() > 2000 ? query.substring(0, 2000) : query);
		KnowledgeIndex.Rankings r = index.search(vector, mode == Mode.VECTOR ? null : query, filter, candidates);
		Map<Integer, Double> fused = new LinkedHashMap<>();
		Map<Integer, KnowledgeIndex.StoredPassage> passages = new HashMap<>();
		if (mode != Mode.TEXT) {
			rank(r.byVector(), fused, passages);
		}
		if (mode != Mode.VECTOR) {
			rank(r.byText(), fused, passages);
		}
		List<Passage> out = new ArrayList<>();
		fused.entrySet()
			.stream()
			.sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(request.limit())
			.forEach(e -> {
				KnowledgeIndex.StoredPassage p = passages.get(e.getKey());
				out.add(new Passage(p.documentId(), !KnowledgeIndex.SHARED.equals(p.scope()), p.text(),
						new Passage.Source(p.title(), p.section(), p.url().isEmpty() ? null : p.url(),
								p.publisher().isEmpty() ? null : p.publisher()),
						e.getValue(), r.similarity().getOrDefault(e.getKey(), 0.0)));
			});
		return out;
	}

	private static void rank(List<KnowledgeIndex.Hit> hits, Map<Integer, Double> fused,
			Map<Integer, KnowledgeIndex.StoredPassage> passages) {
		for (int i = 0; i < hits.size(); i++) {
			KnowledgeIndex.Hit hit = hits.get(i);
			fused.merge(hit.doc(), 1.0 / (RRF_K + i + 1), Double::sum);
			passages.put(hit.doc(), hit.passage());
		}
	}
}
