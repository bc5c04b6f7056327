package org.medassist.knowledge;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.medassist.knowledge.internal.MiniLmEmbedder;
import org.medassist.knowledge.internal.RetrievalLab;

/**
 * {@code medassist bench retrieval [--queries FILE.jsonl] [--rounds N] [--filler N]}: times hybrid retrieval
 * (embedding the question, HNSW + BM25 with more candidates than asked, fusion; top 5) for every query of the
 * labelled set, over the bundled corpus in an on-disk index, then again with synthetic filler passages up to
 * {@code --filler} (default 10,000), and prints p50, p95 and the maximum. A benchmark to run on purpose, not a
 * timed test.
 */
public final class RetrievalBenchmark {

	private RetrievalBenchmark() {
	}

	public static int run(String[] args, PrintStream out) throws IOException {
		Path queriesFile = Files.exists(Path.of("server/src/test/resources/knowledge/queries.jsonl"))
				? Path.of("server/src/test/resources/knowledge/queries.jsonl")
				: Path.of("src/test/resources/knowledge/queries.jsonl");
		int rounds = 5;
		int filler = 10_000;
		for (int i = 0; i + 1 < args.length; i++) {
			switch (args[i]) {
				case "--queries" -> queriesFile = Path.of(args[++i]);
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--filler" -> filler = Integer.parseInt(args[++i]);
				default -> {
				}
			}
		}
		List<String> queries = RetrievalLab.queries(Files.readString(queriesFile)).stream()
			.map(RetrievalLab.LabelledQuery::query)
			.toList();
		Path dir = Files.createTempDirectory("medassist-bench-retrieval-");
		try {
			long started = System.nanoTime();
			try (RetrievalLab lab = RetrievalLab.open(dir, "knowledge/guidance", MiniLmEmbedder.standalone())) {
				out.printf(Locale.ROOT, "bench retrieval: corpus of %d documents, %d passages indexed in %d ms%n",
						lab.documents(), lab.passages(), (System.nanoTime() - started) / 1_000_000);
				report(out, lab, queries, rounds);
				started = System.nanoTime();
				lab.fillTo(filler, 42);
				out.printf(Locale.ROOT, "bench retrieval: filled to %d passages in %d ms%n", lab.passages(),
						(System.nanoTime() - started) / 1_000_000);
				report(out, lab, queries, rounds);
			}
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		return 0;
	}

	private static void report(PrintStream out, RetrievalLab lab, List<String> queries, int rounds) {
		for (String q : queries) { // warm-up
			lab.search(SearchRequest.of(q, 5), RetrievalLab.Mode.HYBRID);
		}
		long[] times = new long[queries.size() * rounds];
		long[] searchOnly = new long[queries.size() * rounds];
		int n = 0;
		for (int r = 0; r < rounds; r++) {
			for (String q : queries) {
				long t = System.nanoTime();
				lab.search(SearchRequest.of(q, 5), RetrievalLab.Mode.HYBRID);
				times[n] = System.nanoTime() - t;
				t = System.nanoTime();
				lab.search(SearchRequest.of(q, 5), RetrievalLab.Mode.TEXT);
				searchOnly[n++] = System.nanoTime() - t;
			}
		}
		Arrays.sort(times);
		Arrays.sort(searchOnly);
		out.printf(Locale.ROOT,
				"bench retrieval: %d passages, %d searches: hybrid p50 %.1f ms, p95 %.1f ms, max %.1f ms"
						+ " (BM25 alone, with the query embedding: p50 %.1f ms, p95 %.1f ms)%n",
				lab.passages(), n, times[n / 2] / 1e6, times[(int) (n * 0.95)] / 1e6, times[n - 1] / 1e6,
				searchOnly[n / 2] / 1e6, searchOnly[(int) (n * 0.95)] / 1e6);
	}
}
