package org.medassist.knowledge;

import java.util.List;

/**
 * The sentence-embedding model of this application (all-MiniLM-L6-v2, in-process). One instance is shared by
 * every module that needs it (retrieval here, finding recognition in triage): the model takes ~90 MB and a
 * second or so to load.
 */
public interface Embedder {

	/** Names the model; recorded with the index so that a different model forces a rebuild. */
	String modelId();

	/** A unit-length vector whose dot product with another measures similarity of meaning. */
	float[] embed(String text);

	List<float[]> embedAll(List<String> texts);
}
