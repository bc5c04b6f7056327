package org.medassist.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;
import org.medassist.platform.PlatformProperties;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index is derived data: a document another instance stored is picked up from PostgreSQL within seconds, and
 * an index that is missing or stale (another corpus, model or schema) is rebuilt.
 */
class IndexUpkeepTest extends ApplicationTest {

	@Autowired
	Knowledge knowledge;

	@Autowired
	PlatformProperties platform;

	private List<String> ids(String q) {
		return knowledge.search(new SearchRequest(q, demoClinic(), null, null, null, List.of(), 10))
			.stream()
			.map(Passage::documentId)
			.toList();
	}

	private org.medassist.identity.ClinicId demoClinic() {
		return new org.medassist.identity.ClinicId(database.sql("SELECT id FROM clinic WHERE slug = 'demo'")
			.query(java.util.UUID.class).single());
	}

	@Test
	void aDocumentStoredByAnotherInstanceIsSearchableWithinSeconds() {
		assertThat(ids("allotment gardening leaflet")).doesNotContain("allotment-leaflet");
		// What another instance's upload leaves in PostgreSQL (this instance's index knows nothing of it).
		database.sql("""
				INSERT INTO knowledge_document (clinic_id, id, version, title, media_type, content, content_sha256,
				    metadata, current, created_by, created_at)
				SELECT c.id, 'allotment-leaflet', 1, 'Allotment gardening leaflet', 'text/plain',
				    'Our allotment gardening group meets on Wednesdays; gardening is good for mood and fitness.', 'x',
				    '{"audience":"patient","ageGroup":"all","language":"en","protocols":[]}', true, gen_random_uuid(), now()
				FROM clinic c WHERE c.slug = 'demo'""").update();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(ids("allotment gardening leaflet")).contains("allotment-leaflet"));
		database.sql("UPDATE knowledge_document SET current = false, retired_at = now(), retired_by = gen_random_uuid(),"
				+ " change_seq = nextval('knowledge_change_seq') WHERE id = 'allotment-leaflet'").update();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(ids("allotment gardening leaflet")).doesNotContain("allotment-leaflet"));
	}

	@Test
	void aStaleOrMissingIndexIsRebuilt() throws Exception {
		assertThat(ids("can I take ibuprofen for a sore throat")).contains("sore-throat");
		Path index = platform.data().resolve("knowledge").resolve("index");

		// Stale: the marker names another corpus, and the passages are gone.
		knowledge.close();
		try (KnowledgeIndex stale = new KnowledgeIndex(FSDirectory.open(index))) {
			stale.clear();
			stale.commit(Map.of("schema", Knowledge.SCHEMA, "model", "all-MiniLM-L6-v2/old", "corpus", "old"));
		}
		assertThat(ids("can I take ibuprofen for a sore throat")).as("rebuilt at the next search").contains("sore-throat");

		// Missing: the directory is deleted.
		knowledge.close();
		try (var files = Files.walk(index)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		assertThat(ids("can I take ibuprofen for a sore throat")).contains("sore-throat");
	}
}
