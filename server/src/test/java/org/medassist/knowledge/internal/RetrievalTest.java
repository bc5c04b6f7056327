package org.medassist.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.UUID;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medassist.identity.ClinicId;
import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;
import org.medassist.knowledge.Embedder;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;

/** Hybrid retrieval over the small fixture corpus, in memory, with the real embedding model. */
class RetrievalTest {

	static final Embedder EMBEDDER = MiniLmEmbedder.standalone();

	static KnowledgeIndex index;

	static Retriever retriever;

	static final ClinicId CLINIC_A = new ClinicId(UUID.randomUUID());

	static final ClinicId CLINIC_B = new ClinicId(UUID.randomUUID());

	@BeforeAll
	static void indexFixture() {
		index = new KnowledgeIndex(new ByteBuffersDirectory());
		Chunker chunker = new Chunker();
		for (GuidanceDocument doc : BundledCorpus.load("knowledge/fixture").documents()) {
			List<Chunk> chunks = chunker.chunks(null, 1, doc);
			index.add(chunks, EMBEDDER.embedAll(chunks.stream().map(Chunk::indexedText).toList()));
		}
		index.commit(java.util.Map.of("schema", "test"));
		retriever = new Retriever(index, EMBEDDER, 10);
	}

	@AfterAll
	static void close() throws Exception {
		index.close();
	}

	private static List<Passage> search(SearchRequest request) {
		return retriever.search(request, Retriever.Mode.HYBRID);
	}

	@Test
	void aPatientsQuestionFindsTheSectionThatAnswersIt() {
		List<Passage> found = search(SearchRequest.of("can I take ibuprofen for my sore throat?", 3));
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).documentId()).isEqualTo("fixture-sore-throat");
		assertThat(found.get(0).source().section()).isEqualTo("Looking after yourself");
		assertThat(found.get(0).source().url()).isEqualTo("https://www.nhs.uk/symptoms/sore-throat/");
		assertThat(found.get(0).source().publisher()).isEqualTo("NHS");
		assertThat(found.get(0).similarity()).isGreaterThan(0.3);

		Passage contagious = search(SearchRequest.of("is a sore throat contagious", 1)).get(0);
		assertThat(contagious.source().section()).isEqualTo("Is it contagious");
		assertThat(contagious.source().url()).as("the section's own source")
			.isEqualTo("https://www.nhs.uk/conditions/tonsillitis/");
	}

	@Test
	void filtersOnAudienceAgeGroupLanguageAndProtocol() {
		String q = "paracetamol or ibuprofen";
		assertThat(search(SearchRequest.of(q, 10).withAudience(Audience.CLINICIAN)))
			.isNotEmpty()
			.allMatch(p -> p.documentId().equals("fixture-fever-child"));
		assertThat(search(new SearchRequest(q, null, null, AgeGroup.CHILD, null, List.of(), 10)))
			.extracting(Passage::documentId)
			.as("adult-only documents are left out for a child; 'all' documents stay")
			.contains("fixture-sore-throat", "fixture-fever-child")
			.doesNotContain("fixture-back-pain");
		assertThat(search(new SearchRequest(q, null, null, null, "fr", List.of(), 10))).isEmpty();
		assertThat(search(SearchRequest.of("pain", 10).withProtocols(List.of("back-pain"))))
			.isNotEmpty()
			.allMatch(p -> p.documentId().equals("fixture-back-pain"));
	}

	@Test
	void aClinicsDocumentIsFoundOnlyByThatClinic() {
		GuidanceDocument doc = new GuidanceParser().plainText("opening-hours-flu-jabs", "Flu vaccination clinic",
				Audience.PATIENT, AgeGroup.ALL, "en", List.of(), null,
				"Our flu vaccination clinic runs on Saturday mornings from 9 to 12. No appointment is needed.");
		List<Chunk> chunks = new Chunker().chunks(CLINIC_A, 1, doc);
		index.replace(CLINIC_A, doc.id(), chunks, EMBEDDER.embedAll(chunks.stream().map(Chunk::indexedText).toList()),
				java.util.Map.of("schema", "test"));
		try {
			String q = "when is the flu vaccination clinic";
			assertThat(search(new SearchRequest(q, CLINIC_A, null, null, null, List.of(), 5)).get(0))
				.satisfies(p -> {
					assertThat(p.documentId()).isEqualTo("opening-hours-flu-jabs");
					assertThat(p.clinicDocument()).isTrue();
				});
			assertThat(search(new SearchRequest(q, CLINIC_B, null, null, null, List.of(), 50)))
				.noneMatch(p -> p.documentId().equals("opening-hours-flu-jabs"));
			assertThat(search(SearchRequest.of(q, 50))).as("the shared corpus alone")
				.noneMatch(Passage::clinicDocument);
		}
		finally {
			index.delete(CLINIC_A, doc.id(), java.util.Map.of("schema", "test"));
		}
		assertThat(search(new SearchRequest("flu vaccination clinic", CLINIC_A, null, null, null, List.of(), 50)))
			.as("deleted").noneMatch(Passage::clinicDocument);
	}

	@Test
	void oddQueriesNeverFail() {
		List<String> odd = List.of("", "   ", "\"", "\"unbalanced", "ibuprofen AND", "NOT", "OR OR", "*", "?", "a:b",
				"field:value~2", "title:(sore", "[1 TO 5]", "{}", "\\", "/regex/", "+-&&||!(){}[]^\"~*?:\\/", "🤒🤧",
				"ça fait mal à la gorge", "喉咙痛", "the the the", "a".repeat(5000), "\u0000\u0001", "%00",
				"'; DROP TABLE knowledge_document; --");
		for (String q : odd) {
			assertThatCode(() -> {
				for (Retriever.Mode mode : Retriever.Mode.values()) {
					retriever.search(SearchRequest.of(q, 5), mode);
				}
			}).as("query %s", q.length() > 40 ? q.substring(0, 40) : q).doesNotThrowAnyException();
		}
		assertThat(search(SearchRequest.of("", 5))).isEmpty();
		assertThat(search(SearchRequest.of("ibuprofen AND (sore", 5))).isNotEmpty();
	}
}
