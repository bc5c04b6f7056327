package org.medassist.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.store.FSDirectory;
import org.medassist.knowledge.Audience;
import org.medassist.knowledge.Embedder;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled corpus indexed outside the application, for measuring: recall and MRR on the labelled query set
 * (the recall test) and latency at corpus size and with synthetic filler (the benchmark).
 */
public final class RetrievalLab implements AutoCloseable {

	/** A labelled query: the {@code ##} sections (document id + heading) that answer it. */
	public record LabelledQuery(String id, String query, Audience audience, Set<String> relevant) {
	}

	/** Recall@k (share of the relevant sections found in the top k, averaged), hit@k and MRR over a query set. */
	public record Quality(String mode, int queries, double recall, double hit, double mrr) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%-7s recall@5 %.3f  hit@5 %.3f  MRR %.3f  (%d queries)", mode, recall,
					hit, mrr, queries);
		}
	}

	public enum Mode {
		HYBRID, VECTOR, TEXT
	}

	private final KnowledgeIndex index;
	private final Retriever retriever;
	private final Embedder embedder;
	private final BundledCorpus corpus;
	private int passages;

	private RetrievalLab(KnowledgeIndex index, Embedder embedder, BundledCorpus corpus, int passages) {
		this.index = index;
		this.embedder = embedder;
		this.corpus = corpus;
		this.passages = passages;
		this.retriever = new Retriever(index, embedder, 10);
	}

	/** Indexes the corpus under {@code corpusLocation} (classpath) in a new on-disk index in {@code directory}. */
	public static RetrievalLab open(Path directory, String corpusLocation, Embedder embedder) {
		try {
			BundledCorpus corpus = BundledCorpus.load(corpusLocation);
			KnowledgeIndex index = new KnowledgeIndex(FSDirectory.open(Files.createDirectories(directory)));
			index.clear();
			Chunker chunker = new Chunker();
			List<Chunk> chunks = new ArrayList<>();
			corpus.documents().forEach(d -> chunks.addAll(chunker.chunks(null, 1, d)));
			index.add(chunks, embedder.embedAll(chunks.stream().map(Chunk::indexedText).toList()));
			index.commit(Map.of("schema", Knowledge.SCHEMA, "model", embedder.modelId(), "corpus", corpus.hash()));
			return new RetrievalLab(index, embedder, corpus, chunks.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int documents() {
		return corpus.documents().size();
	}

	public int passages() {
		return passages;
	}

	public List<Passage> search(SearchRequest request, Mode mode) {
		return retriever.search(request, Retriever.Mode.valueOf(mode.name()));
	}

	public static List<LabelledQuery> queries(String jsonl) {
		JsonMapper json = JsonMapper.builder().build();
		List<LabelledQuery> out = new ArrayList<>();
		for (String line : jsonl.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode q = json.readTree(line);
			Set<String> relevant = new HashSet<>();
			q.get("relevant").forEach(r -> relevant.add(r.get("doc").asString() + "#" + r.get("section").asString()));
			out.add(new LabelledQuery(q.get("id").asString(), q.get("query").asString(),
					Audience.parse(q.path("audience").asString("")), relevant));
		}
		return out;
	}

	/**
	 * @param filterAudience search only the query's audience (what a patient gets); otherwise every document (what
	 *        staff get by default)
	 */
	public Quality quality(List<LabelledQuery> queries, Mode mode, boolean filterAudience, int k) {
		double recall = 0;
		double hit = 0;
		double mrr = 0;
		for (LabelledQuery q : queries) {
			List<Passage> found = search(new SearchRequest(q.query(), null, filterAudience ? q.audience() : null, null,
					null, List.of(), k), mode);
			Set<String> seen = new HashSet<>();
			int firstRank = 0;
			for (int i = 0; i < found.size(); i++) {
				String key = found.get(i).documentId() + "#" + found.get(i).source().section();
				if (q.relevant().contains(key)) {
					seen.add(key);
					if (firstRank == 0) {
						firstRank = i + 1;
					}
				}
			}
			recall += (double) seen.size() / q.relevant().size();
			hit += firstRank > 0 ? 1 : 0;
			mrr += firstRank > 0 ? 1.0 / firstRank : 0;
		}
		int n = queries.size();
		return new Quality(mode.name().toLowerCase(Locale.ROOT) + (filterAudience ? "+aud" : ""), n, recall / n, hit / n,
				mrr / n);
	}

	/**
	 * Adds synthetic passages until the index holds {@code total}: sentences of the corpus shuffled into new
	 * passages, embedded for real (so HNSW sees a realistic distribution) and filed as shared documents, so that
	 * every search ranks among them.
	 */
	public void fillTo(int total, long seed) {
		List<String> sentences = new ArrayList<>();
		for (GuidanceDocument d : corpus.documents()) {
			for (GuidanceDocument.Section s : d.sections()) {
				for (String sentence : s.body().split("(?<=[.!?])\\s+")) {
					if (sentence.length() > 20) {
						sentences.add(sentence.strip());
					}
				}
			}
		}
		Random random = new Random(seed);
		int batch = 256;
		int n = 0;
		while (passages < total) {
			List<Chunk> chunks = new ArrayList<>();
			for (int i = 0; i < batch && passages + chunks.size() < total; i++) {
				StringBuilder text = new StringBuilder();
				for (int j = 0; j < 4; j++) {
					text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
				}
				GuidanceDocument source = corpus.documents().get(random.nextInt(corpus.documents().size()));
				chunks.add(new Chunk(null, "filler-" + n, 1, 0, "Filler " + n, "Section " + (n % 7), text.toString().strip(),
						null, null, null, source.audience(), source.ageGroup(), "en", source.protocols()));
				n++;
			}
			index.add(chunks, embedder.embedAll(chunks.stream().map(Chunk::indexedText).toList()));
			passages += chunks.size();
		}
		index.commit(Map.of("schema", "filler"));
	}

	@Override
	public void close() throws IOException {
		index.close();
	}
}
