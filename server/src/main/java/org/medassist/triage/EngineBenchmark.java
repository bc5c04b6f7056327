package org.medassist.triage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medassist.triage.internal.KnowledgeBaseFiles;
import org.medassist.triage.internal.engine.Interviewer;
import org.medassist.triage.internal.engine.KnowledgeBaseLoader;
import org.medassist.triage.internal.engine.MiniLm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code medassist bench engine [--vignettes FILE.jsonl] [--rounds N]}: times one engine turn (finding extraction
 * and decision, with the embedding model) on the opening messages of a vignette file, after a warm-up, and
 * prints p50, p95 and the maximum. A benchmark to run on purpose, not a timed test.
 */
public final class EngineBenchmark {

	private EngineBenchmark() {
	}

	public static int run(String[] args, PrintStream out) throws IOException {
		Path file = Path.of("eval/vignettes/tuned.jsonl");
		int rounds = 3;
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals("--vignettes")) {
				file = Path.of(args[++i]);
			}
			else if (args[i].equals("--rounds")) {
				rounds = Integer.parseInt(args[++i]);
			}
		}
		long loadStart = System.nanoTime();
		var kb = new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		var embeddings = MiniLm.embeddings();
		Interviewer engine = new Interviewer(kb, embeddings, 0.8 /* the default medassist.triage.semantic-threshold */);
		long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
		JsonMapper json = JsonMapper.builder().build();
		List<String> openings = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				JsonNode node = json.readTree(line);
				openings.add(node.get("text").asString());
			}
		}
		for (String text : openings) { // warm-up
			engine.next(List.of(new Interviewer.Turn(null, text)), "911");
		}
		long[] times = new long[openings.size() * rounds];
		int n = 0;
		for (int r = 0; r < rounds; r++) {
			// A fresh engine each round: it remembers recent readings, and a patient's new message is never one of them.
			engine = new Interviewer(kb, embeddings, 0.8);
			for (String text : openings) {
				long t = System.nanoTime();
				engine.next(List.of(new Interviewer.Turn(null, text)), "911");
				times[n++] = System.nanoTime() - t;
			}
		}
		Arrays.sort(times);
		out.printf(java.util.Locale.ROOT,
				"bench engine: %d turns (%d openings x %d rounds), p50 %.1f ms, p95 %.1f ms, max %.1f ms; engine load %d ms%n",
				n, openings.size(), rounds, times[n / 2] / 1e6, times[(int) (n * 0.95)] / 1e6, times[n - 1] / 1e6, loadMs);
		return 0;
	}
}
