package org.medassist.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medassist.knowledge.internal.MiniLmEmbedder;
import org.medassist.knowledge.internal.RetrievalLab;
import org.medassist.knowledge.internal.RetrievalLab.LabelledQuery;
import org.medassist.knowledge.internal.RetrievalLab.Mode;

/**
 * Retrieval quality on the labelled query set ({@code knowledge/queries.jsonl}: patient and nurse questions → the
 * {@code ##} sections that answer them) over the bundled corpus. Prints recall@5, hit@5 and MRR for vector-only,
 * BM25-only and hybrid; asserts recall@5 ≥ 0.9 for hybrid.
 */
class RetrievalQualityTest {

	static RetrievalLab lab;

	static List<LabelledQuery> queries;

	@BeforeAll
	static void indexCorpus() throws IOException {
		Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
				"quality-");
		lab = RetrievalLab.open(dir, "knowledge/guidance", MiniLmEmbedder.standalone());
		try (InputStream in = RetrievalQualityTest.class.getResourceAsStream("/knowledge/queries.jsonl")) {
			queries = RetrievalLab.queries(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	@AfterAll
	static void close() throws IOException {
		lab.close();
	}

	@Test
	void hybridRetrievalFindsTheAnsweringSectionsInTheTopFive() {
		assertThat(queries).hasSizeGreaterThanOrEqualTo(100);
		System.out.printf(Locale.ROOT, "retrieval quality: %d documents, %d passages, %d queries%n", lab.documents(),
				lab.passages(), queries.size());
		RetrievalLab.Quality hybrid = null;
		for (boolean audience : new boolean[] { false, true }) {
			for (Mode mode : List.of(Mode.VECTOR, Mode.TEXT, Mode.HYBRID)) {
				RetrievalLab.Quality q = lab.quality(queries, mode, audience, 5);
				System.out.println("retrieval quality: " + q);
				if (mode == Mode.HYBRID && !audience) {
					hybrid = q;
				}
			}
		}
		assertThat(hybrid.recall()).as("hybrid recall@5 (no audience filter)").isGreaterThanOrEqualTo(0.9);
	}
}
