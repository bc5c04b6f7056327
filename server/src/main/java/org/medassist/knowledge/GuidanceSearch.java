package org.medassist.knowledge;

import java.util.List;

/** Hybrid retrieval over the guidance corpus and the clinics' documents. */
public interface GuidanceSearch {

	/** The best passages for the request, best first; never fails on odd query text (an empty query finds nothing). */
	List<Passage> search(SearchRequest request);

	/** Only the vector (HNSW) ranking; for evaluation. */
	List<Passage> searchByVector(SearchRequest request);

	/** Only the BM25 ranking; for evaluation. */
	List<Passage> searchByText(SearchRequest request);

	/**
	 * The cosine similarity from which a passage counts as answering a patient's question (see
	 * {@code medassist.knowledge.answer-threshold}).
	 */
	double answerThreshold();
}
