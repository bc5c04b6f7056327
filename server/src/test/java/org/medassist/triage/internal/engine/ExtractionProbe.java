package org.medassist.triage.internal.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medassist.triage.internal.KnowledgeBaseFiles;

/**
 * A developer's tool, not a test: prints, clause by clause, which findings the phrase lexicon and the semantic
 * index read in each line of a text file. Run with
 * {@code mvn -pl server test -Dtest=ExtractionProbe -Dextract=/tmp/lines.txt}.
 */
@EnabledIfSystemProperty(named = "extract", matches = ".+")
class ExtractionProbe {

	@Test
	void probe() throws Exception {
		KnowledgeBase kb = new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		Embeddings embeddings = MiniLm.embeddings();
		double threshold = Double.parseDouble(System.getProperty("threshold", "0.8"));
		SemanticIndex semantic = new SemanticIndex(embeddings, kb.findings().values(), threshold);
		Lexicon lexicon = new Lexicon(kb.findings().values());
		for (String line : Files.readAllLines(Path.of(System.getProperty("extract")))) {
			if (line.isBlank()) {
				continue;
			}
			System.out.println("\n# " + line);
			String normalized = Text.normalize(line);
			for (Attribution.ScopedClause scoped : Attribution.clauses(normalized)) {
				String clause = scoped.text();
				List<String> tokens = Text.tokens(clause);
				StringBuilder sb = new StringBuilder("  [" + clause + "] " + Negation.ofClause(tokens) + " " + scoped.scope());
				for (var m : lexicon.find(tokens)) {
					sb.append("\n     lex ").append(m.finding()).append(' ')
						.append(Negation.hasCue(String.join(" ", m.gaps())) ? "NEGATED(gap)" : Negation.of(tokens, m.start()));
				}
				for (String asked : System.getProperty("asked", "").split(",")) {
					if (!asked.isBlank()) {
						sb.append("\n     ctx ").append(asked).append(' ')
							.append(String.format("%.3f", semantic.similarity(clause, asked).score()));
						for (var m : lexicon.find(tokens)) {
							sb.append(" vs ").append(m.finding()).append(' ')
								.append(String.format("%.3f", semantic.similarity(clause, m.finding()).score()));
						}
					}
				}
				if (tokens.size() >= 2) {
					semantic.match(clause).forEach((id, s) -> sb.append("\n     sem ").append(id).append(' ')
						.append(String.format("%.3f", s.score())).append(s.negativePhrase() ? " (neg phrase)" : ""));
				}
				System.out.println(sb);
			}
		}
	}
}
