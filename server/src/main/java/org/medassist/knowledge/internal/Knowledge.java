package org.medassist.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.medassist.knowledge.Embedder;
import org.medassist.knowledge.GuidanceSearch;
import org.medassist.knowledge.KnowledgeProperties;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;
import org.medassist.platform.PlatformProperties;
import org.medassist.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index and its upkeep. Opened (or rebuilt, when missing or stale) right after start-up off the main thread,
 * or at the first search. Stale means another schema version, embedding model or bundled corpus than the marker
 * stored with the index says. The clinics' documents are then brought in line with PostgreSQL, and again whenever
 * the change sequence moves (another instance's upload) and every {@link #FULL_SYNC_EVERY} polls (a change whose
 * transaction committed after the sequence was read).
 */
@Service
class Knowledge implements GuidanceSearch {

	private static final Logger log = LoggerFactory.getLogger(Knowledge.class);

	/** Bump when the index's fields or the chunking change: the index is then rebuilt. */
	static final String SCHEMA = "1";

	private static final int FULL_SYNC_EVERY = 15;

	private final Embedder embedder;
	private final KnowledgeProperties properties;
	private final Path directory;
	private final Clinics clinics;
	private final ClinicDocuments documents;
	private final TransactionTemplate tx;
	private final Chunker chunker = new Chunker();

	private volatile KnowledgeIndex index;
	private volatile Retriever retriever;
	private Map<String, String> marker;
	private long lastChange = -1;
	private int polls;

	Knowledge(Embedder embedder, KnowledgeProperties properties, PlatformProperties platform, Clinics clinics,
			ClinicDocuments documents, TransactionTemplate tx) {
		this.embedder = embedder;
		this.properties = properties;
		this.directory = platform.data().resolve("knowledge").resolve("index");
		this.clinics = clinics;
		this.documents = documents;
		this.tx = tx;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!properties.warmUp()) {
			return;
		}
		Thread loader = new Thread(() -> {
			try {
				ready();
			}
			catch (RuntimeException e) {
				// Searches retry the load; meanwhile they fail with 503.
				log.error("The guidance index could not be loaded: {}", Problems.describeWithoutMessages(e));
			}
		}, "knowledge-warm-up");
		loader.setDaemon(true);
		loader.start();
	}

	/** Opens the index, rebuilding it if needed, and syncs the clinics' documents. */
	synchronized KnowledgeIndex ready() {
		if (index != null) {
			return index;
		}
		long started = System.nanoTime();
		BundledCorpus corpus = BundledCorpus.load(properties.corpus());
		KnowledgeIndex opened = open();
		Map<String, String> expected = Map.of("schema", SCHEMA, "model", embedder.modelId(), "corpus", corpus.hash());
		if (!expected.equals(opened.marker())) {
			opened.clear();
			List<Chunk> chunks = new ArrayList<>();
			for (GuidanceDocument doc : corpus.documents()) {
				chunks.addAll(chunker.chunks(null, 1, doc));
			}
			opened.add(chunks, embedder.embedAll(chunks.stream().map(Chunk::indexedText).toList()));
			opened.commit(expected);
			log.info("Guidance index rebuilt: {} documents, {} passages", corpus.documents().size(), chunks.size());
		}
		this.marker = expected;
		this.retriever = new Retriever(opened, embedder, properties.candidates());
		this.index = opened;
		syncClinics();
		log.info("Guidance index ready: {} passages in {} ms", opened.size(), (System.nanoTime() - started) / 1_000_000);
		return opened;
	}

	private KnowledgeIndex open() {
		try {
			Files.createDirectories(directory);
			try {
				return new KnowledgeIndex(FSDirectory.open(directory));
			}
			catch (UncheckedIOException e) {
				if (!(e.getCause() instanceof LockObtainFailedException)) {
					throw e;
				}
				// Another process on this data directory holds the index: keep a private one (rebuilt as needed).
				Path own = directory.resolveSibling("index-" + ProcessHandle.current().pid());
				log.warn("The guidance index is in use by another process; using {}", own.getFileName());
				Files.createDirectories(own);
				return new KnowledgeIndex(FSDirectory.open(own));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public List<Passage> search(SearchRequest request) {
		return retriever().search(request, Retriever.Mode.HYBRID);
	}

	@Override
	public List<Passage> searchByVector(SearchRequest request) {
		return retriever().search(request, Retriever.Mode.VECTOR);
	}

	@Override
	public List<Passage> searchByText(SearchRequest request) {
		return retriever().search(request, Retriever.Mode.TEXT);
	}

	private Retriever retriever() {
		Retriever r = retriever;
		if (r != null && index != null) {
			return r;
		}
		try {
			ready();
		}
		catch (RuntimeException e) {
			log.error("The guidance index could not be loaded: {}", Problems.describeWithoutMessages(e));
			throw new GuidanceUnavailable();
		}
		return retriever;
	}

	static final class GuidanceUnavailable extends org.medassist.platform.MedAssistException {

		GuidanceUnavailable() {
			super(Kind.UNAVAILABLE, "guidance-unavailable", "Guideline search is not available at the moment; try again shortly.");
		}
	}

	@Override
	public double answerThreshold() {
		return properties.answerThreshold();
	}

	/** A document's passages and their vectors, computed before anything is written. */
	record Prepared(ClinicId clinic, String documentId, int version, List<Chunk> chunks, List<float[]> vectors) {
	}

	Prepared prepare(ClinicId clinic, int version, GuidanceDocument doc) {
		List<Chunk> chunks = chunker.chunks(clinic, version, doc);
		return new Prepared(clinic, doc.id(), version, chunks,
				embedder.embedAll(chunks.stream().map(Chunk::indexedText).toList()));
	}

	/** Puts a committed upload into this instance's index at once (other instances poll). */
	synchronized void indexed(Prepared prepared) {
		if (index == null) {
			ready(); // the sync in ready() reads it from PostgreSQL
			return;
		}
		index.replace(prepared.clinic(), prepared.documentId(), prepared.chunks(), prepared.vectors(), marker);
	}

	synchronized void removed(ClinicId clinic, String documentId) {
		if (index == null) {
			ready();
			return;
		}
		index.delete(clinic, documentId, marker);
	}

	@Scheduled(fixedDelayString = "${medassist.knowledge.poll:2s}", initialDelayString = "${medassist.knowledge.poll:2s}")
	void poll() {
		if (index == null) {
			return; // not loaded yet: the load syncs
		}
		try {
			long change = documents.lastChange();
			if (change != lastChange || ++polls % FULL_SYNC_EVERY == 0) {
				syncClinics();
				lastChange = change;
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not sync the clinics' guidance documents: {}", Problems.describeWithoutMessages(e));
		}
	}

	/** Brings the index's clinic documents in line with the versions in force in PostgreSQL. */
	synchronized void syncClinics() {
		if (index == null) {
			return; // closed meanwhile
		}
		Map<String, Map<String, Integer>> indexed = new HashMap<>(index.documents());
		indexed.remove(KnowledgeIndex.SHARED);
		int changed = 0;
		for (ClinicId clinic : clinics.all()) {
			Map<String, Integer> inIndex = indexed.getOrDefault(KnowledgeIndex.scope(clinic), Map.of());
			indexed.remove(KnowledgeIndex.scope(clinic));
			Map<String, Integer> inForce = Tenancy.callAs(clinic, () -> tx.execute(s -> documents.currentVersions(clinic)));
			for (Map.Entry<String, Integer> e : inForce.entrySet()) {
				if (!e.getValue().equals(inIndex.get(e.getKey()))) {
					ClinicDocuments.Stored stored = Tenancy.callAs(clinic,
							() -> tx.execute(s -> documents.current(clinic, e.getKey()).orElse(null)));
					if (stored == null) {
						continue; // deleted meanwhile: the next sync removes it
					}
					try {
						Prepared p = prepare(clinic, stored.version(), ClinicDocumentFormat.parse(stored));
						index.replace(clinic, p.documentId(), p.chunks(), p.vectors(), marker);
						changed++;
					}
					catch (RuntimeException bad) {
						log.error("A stored guidance document of clinic {} cannot be indexed: {}", clinic,
								Problems.describeWithoutMessages(bad));
					}
				}
			}
			for (String gone : inIndex.keySet()) {
				if (!inForce.containsKey(gone)) {
					index.delete(clinic, gone, marker);
					changed++;
				}
			}
		}
		for (String scope : indexed.keySet()) { // a clinic that no longer exists
			indexed.get(scope).keySet().forEach(id -> index.delete(new ClinicId(java.util.UUID.fromString(scope)), id, marker));
		}
		if (changed > 0) {
			log.info("Guidance index: {} clinic documents updated from PostgreSQL", changed);
		}
	}

	@PreDestroy
	synchronized void close() throws IOException {
		if (index != null) {
			index.close();
			index = null;
		}
	}
}
