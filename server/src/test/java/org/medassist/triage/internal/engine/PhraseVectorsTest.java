package org.medassist.triage.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medassist.triage.internal.KnowledgeBaseFiles;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseVectorsTest {

	/** A model of our own making that counts what it is asked to embed; {@code seed} makes another "model". */
	private static final class CountingModel implements Embeddings {

		private final int seed;
		private final int dimensions;
		final List<String> embedded = new ArrayList<>();

		CountingModel(int seed) {
			this(seed, 8);
		}

		CountingModel(int seed, int dimensions) {
			this.seed = seed;
			this.dimensions = dimensions;
		}

		@Override
		public float[] embed(String text) {
			embedded.add(text);
			float[] v = new float[dimensions];
			for (int i = 0; i < v.length; i++) {
				v[i] = (float) Math.sin((text.hashCode() + seed) * (i + 1));
			}
			return v;
		}

		@Override
		public List<float[]> embedAll(List<String> texts) {
			return texts.stream().map(this::embed).toList();
		}
	}

	private static PhraseVectors storedBy(Embeddings model, String... texts) {
		Map<String, float[]> byText = new LinkedHashMap<>();
		for (String t : texts) {
			byText.put(t, model.embed(t));
		}
		return new PhraseVectors(byText);
	}

	@Test
	void aFileReadsBackAsTheSameVectors() throws Exception {
		PhraseVectors stored = storedBy(new CountingModel(1), "chest pain", "can't catch my breath", "fiebre alta");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		stored.write(bytes);
		PhraseVectors read = PhraseVectors.read(new ByteArrayInputStream(bytes.toByteArray()));

		CountingModel model = new CountingModel(1);
		List<String> texts = List.of("fiebre alta", "chest pain", "can't catch my breath");
		assertThat(read.size()).isEqualTo(3);
		assertThat(read.embedAll(model, texts)).usingRecursiveFieldByFieldElementComparator()
			.containsExactlyElementsOf(stored.embedAll(model, texts));
	}

	@Test
	void theSameModelEmbedsOnlyOneStoredPhraseToCheckItAndThePhrasesNotStored() {
		PhraseVectors stored = storedBy(new CountingModel(1), "chest pain", "can't catch my breath");
		CountingModel model = new CountingModel(1);

		List<float[]> vectors = stored.embedAll(model, List.of("chest pain", "can't catch my breath", "a new phrase"));

		assertThat(model.embedded).containsExactly("chest pain", "a new phrase");
		assertThat(vectors).hasSize(3);
		assertThat(vectors.get(2)).containsExactly(new CountingModel(1).embed("a new phrase"));
	}

	@Test
	void anotherModelNeverGetsTheStoredVectors() {
		PhraseVectors stored = storedBy(new CountingModel(1), "chest pain", "can't catch my breath");
		CountingModel other = new CountingModel(2);

		List<float[]> vectors = stored.embedAll(other, List.of("chest pain", "can't catch my breath"));

		assertThat(other.embedded).contains("chest pain", "can't catch my breath");
		assertThat(vectors.get(0)).containsExactly(new CountingModel(2).embed("chest pain"));
		assertThat(vectors.get(1)).containsExactly(new CountingModel(2).embed("can't catch my breath"));
	}

	@Test
	void aModelWithVectorsOfAnotherSizeGetsItsOwn() {
		PhraseVectors stored = storedBy(new CountingModel(1), "chest pain");

		List<float[]> vectors = stored.embedAll(new CountingModel(1, 16), List.of("chest pain"));

		assertThat(vectors.get(0)).hasSize(16);
	}

	@Test
	void theBuildMadeAVectorForEveryPhraseOfTheBundledKnowledgeBaseWithTheBundledModel() throws Exception {
		List<String> texts = SemanticIndex
			.entries(new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled()).findings().values())
			.stream()
			.map(SemanticIndex.Entry::text)
			.distinct()
			.toList();
		PhraseVectors bundled = PhraseVectors.bundled();
		assertThat(bundled.covers(texts)).as("target/classes/" + PhraseVectors.RESOURCE + " is current").isTrue();

		// Stored vectors (embedded in batches at build time) against the model's own, one phrase at a time.
		Embeddings model = MiniLm.embeddings();
		List<String> sample = new ArrayList<>();
		for (int i = 0; i < texts.size(); i += texts.size() / 40) {
			sample.add(texts.get(i));
		}
		for (String text : sample) {
			assertThat(Embeddings.cosine(bundled.stored(text), model.embed(text))).as(text)
				.isGreaterThanOrEqualTo(PhraseVectors.SAME_MODEL);
		}
	}
}
