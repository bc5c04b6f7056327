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

	/** Off-topic questions a patient might type in the chat: none may be "answered" from the guidance. */
	static final List<String> UNRELATED = List.of("what is the capital of france", "how do I reset my password",
			"can I bring my dog to the appointment", "what time does the football start", "who won the election",
			"how much does parking cost", "is the clinic open on christmas day", "can you recommend a good restaurant",
			"what's the weather like tomorrow", "how do I cancel my subscription", "what is 2 plus 2",
			"can I pay by credit card", "do you have wifi in the waiting room", "tell me a joke",
			"how do I change my address", "where is the nearest train station", "is my data safe with you",
			"how long will I have to wait", "can I speak to a human", "what is your name");

	/**
	 * The calibration of {@code medassist.knowledge.answer-threshold} (cosine similarity of the question and the best
	 * patient-facing passage): every unrelated question stays below it, and nearly every patient question whose best
	 * passage is a right one is above it.
	 */
	@Test
	void theAnswerThresholdSeparatesGuidanceQuestionsFromUnrelatedOnes() {
		// The configured default, as the application binds it.
		double threshold = new org.springframework.boot.context.properties.bind.Binder(List.of())
			.bindOrCreate("medassist.knowledge", KnowledgeProperties.class)
			.answerThreshold();
		double highestUnrelated = -1;
		for (String q : UNRELATED) {
			List<Passage> top = lab.search(new SearchRequest(q, null, Audience.PATIENT, null, null, List.of(), 1),
					Mode.HYBRID);
			highestUnrelated = Math.max(highestUnrelated, top.isEmpty() ? -1 : top.get(0).similarity());
		}
		int rightTop = 0;
		int answered = 0;
		double lowestRight = 1;
		for (LabelledQuery q : queries) {
			if (q.audience() != Audience.PATIENT) {
				continue;
			}
			List<Passage> top = lab.search(new SearchRequest(q.query(), null, Audience.PATIENT, null, null, List.of(), 1),
					Mode.HYBRID);
			if (!top.isEmpty() && q.relevant().contains(top.get(0).documentId() + "#" + top.get(0).source().section())) {
				rightTop++;
				lowestRight = Math.min(lowestRight, top.get(0).similarity());
				answered += top.get(0).similarity() >= threshold ? 1 : 0;
			}
		}
		System.out.printf(Locale.ROOT,
				"answer threshold %.2f: highest unrelated %.3f; right best passages answered %d/%d (lowest %.3f)%n",
				threshold, highestUnrelated, answered, rightTop, lowestRight);
		assertThat(highestUnrelated).as("unrelated questions are not answered").isLessThan(threshold);
		assertThat((double) answered / rightTop).as("questions with a right passage are answered").isGreaterThan(0.95);
	}
}
