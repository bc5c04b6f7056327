package org.medassist.triage.internal.engine;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** all-MiniLM-L6-v2, run in-process by ONNX Runtime; the model ships inside its jar (no download). */
public final class MiniLm implements Embeddings {

	private MiniLm() {
	}

	public static Embeddings embeddings() {
		return new MiniLm();
	}

	private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

	@Override
	public float[] embed(String text) {
		return model.embed(text).content().vector();
	}

	@Override
	public List<float[]> embedAll(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		return model.embedAll(texts.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map(e -> e.vector())
			.toList();
	}
}
