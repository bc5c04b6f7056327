package org.medassist.knowledge.internal;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.medassist.knowledge.Embedder;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 run in-process by ONNX Runtime (the model ships inside its jar: no download). Loaded at first
 * use, once for the whole application: triage's finding recognition and retrieval share it.
 */
@Component
public final class MiniLmEmbedder implements Embedder {

	static final String MODEL_ID = "all-MiniLM-L6-v2/langchain4j-1.19.0-beta29";

	private volatile AllMiniLmL6V2EmbeddingModel model;

	/** For command-line tools and benchmarks that run without Spring. */
	public static Embedder standalone() {
		return new MiniLmEmbedder();
	}

	private AllMiniLmL6V2EmbeddingModel model() {
		AllMiniLmL6V2EmbeddingModel m = model;
		if (m == null) {
			synchronized (this) {
				if (model == null) {
					model = new AllMiniLmL6V2EmbeddingModel();
				}
				m = model;
			}
		}
		return m;
	}

	@Override
	public String modelId() {
		return MODEL_ID;
	}

	@Override
	public float[] embed(String text) {
		return model().embed(text).content().vector();
	}

	@Override
	public List<float[]> embedAll(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		return model().embedAll(texts.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map(e -> e.vector())
			.toList();
	}
}
