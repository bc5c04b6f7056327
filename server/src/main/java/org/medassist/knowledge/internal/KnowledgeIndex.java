package org.medassist.knowledge.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.medassist.identity.ClinicId;
import org.medassist.knowledge.SearchRequest;

/**
 * The Lucene index of every passage: an HNSW vector field (cosine) and a BM25 text field, plus keyword fields to
 * filter on. One Lucene document per passage; all passages of a guidance document share a key, so a document is
 * replaced or deleted in one step. A marker (schema version, model, corpus hash) is kept in the commit data so a
 * stale index is recognised and rebuilt.
 */
final class KnowledgeIndex implements Closeable {

	static final String SHARED = "shared";

	private static final String KEY = "key";
	private static final String SCOPE = "scope";
	private static final String DOC_ID = "doc";
	private static final String VERSION = "version";
	private static final String ORDINAL = "ordinal";
	private static final String TITLE = "title";
	private static final String SECTION = "section";
	private static final String TEXT = "text";
	private static final String BODY = "body";
	private static final String SOURCE_TITLE = "source_title";
	private static final String URL = "url";
	private static final String PUBLISHER = "publisher";
	private static final String AUDIENCE = "audience";
	private static final String AGE = "age";
	private static final String LANGUAGE = "language";
	private static final String PROTOCOL = "protocol";
	private static final String VECTOR = "vector";

	/** Enough query words for any question; more would only make a slow query (and hit Lucene's clause limit). */
	private static final int MAX_QUERY_TERMS = 64;

	private final Directory directory;
	private final Analyzer analyzer = new EnglishAnalyzer();
	private final IndexWriter writer;
	private final SearcherManager searchers;

	KnowledgeIndex(Directory directory) {
		this.directory = directory;
		try {
			IndexWriterConfig config = new IndexWriterConfig(analyzer);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The marker of the last commit; empty for a new index. */
	Map<String, String> marker() {
		try {
			if (!DirectoryReader.indexExists(directory)) {
				return Map.of();
			}
			return SegmentInfos.readLatestCommit(directory).getUserData();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String scope(ClinicId clinic) {
		return clinic == null ? SHARED : clinic.value().toString();
	}

	private static String key(ClinicId clinic, String documentId) {
		return scope(clinic) + "/" + documentId;
	}

	/** Replaces every passage of the document with these (no passages: deletes it). Visible on return. */
	void replace(ClinicId clinic, String documentId, List<Chunk> chunks, List<float[]> vectors,
			Map<String, String> marker) {
		try {
			List<Document> docs = new ArrayList<>();
			for (int i = 0; i < chunks.size(); i++) {
				docs.add(document(chunks.get(i), vectors.get(i)));
			}
			writer.updateDocuments(new Term(KEY, key(clinic, documentId)), docs);
			commit(marker);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void delete(ClinicId clinic, String documentId, Map<String, String> marker) {
		try {
			writer.deleteDocuments(new Term(KEY, key(clinic, documentId)));
			commit(marker);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Empties the index (before a rebuild); not committed until the next change. */
	void clear() {
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds passages without committing (a rebuild adds many, then {@link #commit}s once). */
	void add(List<Chunk> chunks, List<float[]> vectors) {
		try {
			for (int i = 0; i < chunks.size(); i++) {
				writer.addDocument(document(chunks.get(i), vectors.get(i)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void commit(Map<String, String> marker) {
		try {
			writer.setLiveCommitData(marker.entrySet());
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Scope ("shared" or a clinic id) → document id → indexed version. */
	Map<String, Map<String, Integer>> documents() {
		Map<String, Map<String, Integer>> out = new HashMap<>();
		IndexSearcher searcher = acquire();
		try {
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				StoredFields stored = leaf.reader().storedFields();
				var live = leaf.reader().getLiveDocs();
				for (int d = 0; d < leaf.reader().maxDoc(); d++) {
					if (live != null && !live.get(d)) {
						continue;
					}
					Document doc = stored.document(d, java.util.Set.of(SCOPE, DOC_ID, VERSION));
					out.computeIfAbsent(doc.get(SCOPE), s -> new HashMap<>())
						.put(doc.get(DOC_ID), doc.getField(VERSION).numericValue().intValue());
				}
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			release(searcher);
		}
	}

	int size() {
		IndexSearcher searcher = acquire();
		try {
			return searcher.getIndexReader().numDocs();
		}
		finally {
			release(searcher);
		}
	}

	private static Document document(Chunk c, float[] vector) {
		Document d = new Document();
		d.add(new StringField(KEY, key(c.clinic(), c.documentId()), Field.Store.NO));
		d.add(new StringField(SCOPE, scope(c.clinic()), Field.Store.YES));
		d.add(new StringField(DOC_ID, c.documentId(), Field.Store.YES));
		d.add(new StoredField(VERSION, c.version()));
		d.add(new IntField(ORDINAL, c.ordinal(), Field.Store.YES));
		d.add(new StoredField(TITLE, c.title()));
		d.add(new StoredField(SECTION, c.section()));
		d.add(new StoredField(TEXT, c.text()));
		d.add(new TextField(BODY, c.indexedText(), Field.Store.NO));
		d.add(new StoredField(SOURCE_TITLE, nullToEmpty(c.sourceTitle())));
		d.add(new StoredField(URL, nullToEmpty(c.sourceUrl())));
		d.add(new StoredField(PUBLISHER, nullToEmpty(c.publisher())));
		d.add(new StringField(AUDIENCE, c.audience().code(), Field.Store.YES));
		d.add(new StringField(AGE, c.ageGroup().code(), Field.Store.YES));
		d.add(new StringField(LANGUAGE, c.language(), Field.Store.YES));
		for (String p : c.protocols()) {
			d.add(new StringField(PROTOCOL, p, Field.Store.NO));
		}
		d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
		return d;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	/** The request's filters as one Lucene query (built from terms: nothing in it is parsed). */
	static Query filter(SearchRequest request) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		BooleanQuery.Builder scope = new BooleanQuery.Builder();
		scope.add(new TermQuery(new Term(SCOPE, SHARED)), Occur.SHOULD);
		if (request.clinic() != null) {
			scope.add(new TermQuery(new Term(SCOPE, scope(request.clinic()))), Occur.SHOULD);
		}
		b.add(scope.build(), Occur.FILTER);
		if (request.audience() != null) {
			b.add(new TermQuery(new Term(AUDIENCE, request.audience().code())), Occur.FILTER);
		}
		if (request.ageGroup() != null && request.ageGroup() != org.medassist.knowledge.AgeGroup.ALL) {
			b.add(new BooleanQuery.Builder()
				.add(new TermQuery(new Term(AGE, request.ageGroup().code())), Occur.SHOULD)
				.add(new TermQuery(new Term(AGE, org.medassist.knowledge.AgeGroup.ALL.code())), Occur.SHOULD)
				.build(), Occur.FILTER);
		}
		if (request.language() != null && !request.language().isBlank()) {
			b.add(new TermQuery(new Term(LANGUAGE, request.language().strip().toLowerCase(java.util.Locale.ROOT))),
					Occur.FILTER);
		}
		if (!request.protocols().isEmpty()) {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			request.protocols().stream().distinct().limit(32)
				.forEach(p -> any.add(new TermQuery(new Term(PROTOCOL, p)), Occur.SHOULD));
			b.add(any.build(), Occur.FILTER);
		}
		return b.build();
	}

	/** A hit of one ranking: the Lucene doc id and the passage. */
	record Hit(int doc, StoredPassage passage) {
	}

	record StoredPassage(String scope, String documentId, int ordinal, String title, String section, String text,
			String sourceTitle, String url, String publisher) {
	}

	/**
	 * The rankings of one search, read from one searcher (so Lucene doc ids agree between them).
	 *
	 * @param similarity cosine similarity of the query and each passage found by either ranking
	 */
	record Rankings(List<Hit> byVector, List<Hit> byText, Map<Integer, Double> similarity) {
	}

	/**
	 * @param vector the query's embedding ({@code null}: no vector ranking)
	 * @param text the query text for BM25 ({@code null}: no text ranking); analysed into terms, never parsed
	 */
	Rankings search(float[] vector, String text, Query filter, int k) {
		IndexSearcher searcher = acquire();
		try {
			List<Hit> byVector = vector == null ? List.of()
					: run(searcher, new KnnFloatVectorQuery(VECTOR, vector, k, filter), k);
			List<Hit> byText = List.of();
			List<String> terms = text == null ? List.of() : terms(text);
			if (!terms.isEmpty()) {
				BooleanQuery.Builder words = new BooleanQuery.Builder();
				terms.stream().distinct().forEach(t -> words.add(new TermQuery(new Term(BODY, t)), Occur.SHOULD));
				byText = run(searcher,
						new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build(), k);
			}
			Map<Integer, Double> similarity = new HashMap<>();
			if (vector != null) {
				List<Integer> docs = new ArrayList<>();
				byVector.forEach(h -> docs.add(h.doc()));
				byText.forEach(h -> docs.add(h.doc()));
				similarity = similarities(searcher, vector, docs);
			}
			return new Rankings(byVector, byText, similarity);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			release(searcher);
		}
	}

	private List<String> terms(String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream tokens = analyzer.tokenStream(BODY, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken() && out.size() < MAX_QUERY_TERMS) {
				out.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	private static List<Hit> run(IndexSearcher searcher, Query query, int k) throws IOException {
		List<Hit> hits = new ArrayList<>();
		StoredFields stored = searcher.storedFields();
		for (ScoreDoc sd : searcher.search(query, k).scoreDocs) {
			Document d = stored.document(sd.doc);
			hits.add(new Hit(sd.doc, new StoredPassage(d.get(SCOPE), d.get(DOC_ID),
					d.getField(ORDINAL).numericValue().intValue(), d.get(TITLE), d.get(SECTION), d.get(TEXT),
					d.get(SOURCE_TITLE), d.get(URL), d.get(PUBLISHER))));
		}
		return hits;
	}

	/** Cosine similarity of the query and each passage, from the vectors in the index. */
	private static Map<Integer, Double> similarities(IndexSearcher searcher, float[] query, List<Integer> docs)
			throws IOException {
		Map<Integer, Double> out = new HashMap<>();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		FloatVectorValues values = null;
		int leafIndex = -1;
		for (int doc : docs.stream().distinct().sorted().toList()) {
			int li = ReaderUtil.subIndex(doc, leaves);
			LeafReaderContext leaf = leaves.get(li);
			if (li != leafIndex) {
				values = leaf.reader().getFloatVectorValues(VECTOR);
				leafIndex = li;
			}
			if (values == null) {
				continue;
			}
			int target = doc - leaf.docBase;
			int at = values.docID() >= target ? values.docID() : values.advance(target);
			if (at == target) {
				out.put(doc, cosine(query, values.vectorValue()));
			}
		}
		return out;
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}

	private IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
