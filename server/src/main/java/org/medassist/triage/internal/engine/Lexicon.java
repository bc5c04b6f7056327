package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.medassist.triage.internal.engine.KnowledgeBase.Finding;

/**
 * Finds the knowledge base's phrases in a clause: the phrase's words (stemmed, small words dropped, one typo
 * allowed in long words) all within a short window of the clause, in any order ("pain in his left testicle"
 * meets "testicle pain"); longest phrases first so that "chest pain" wins over "pain".
 */
final class Lexicon {

	/** {@code ordered}: a phrase said negatively ("not drinking") matches only in its own word order. */
	record Entry(String finding, List<String> words, boolean ordered, int length, int content) {
	}

	/**
	 * A finding mentioned at {@code start}; {@code gaps} are the clause's words between the phrase's own words, which
	 * are at {@code positions}.
	 */
	record Mention(String finding, int start, int end, List<String> gaps, List<Integer> positions) {
	}

	private final List<Entry> entries = new ArrayList<>();
	private final Wording wording;

	Lexicon(Iterable<Finding> findings) {
		this(findings, Wording.ENGLISH);
	}

	/** The findings' phrases in the language {@code wording} reads (English: the knowledge base's own phrases). */
	Lexicon(Iterable<Finding> findings, Wording wording) {
		this.wording = wording;
		for (Finding f : findings) {
			for (String phrase : f.phrases()) {
				List<String> all = Text.tokens(wording.prepare(Text.normalize(phrase)));
				List<String> content = all.stream().filter(w -> !wording.stopword(w)).map(wording::stem).toList();
				// "had a temperature" is not "temperature": a phrase with one content word keeps its small words.
				List<String> words = content.size() <= 1 ? all.stream().map(wording::stem).toList() : content;
				if (!words.isEmpty()) {
					// "i can drink fluids and i'm not short of breath" does not say "not drinking".
					entries.add(new Entry(f.id(), words, wording.negative(phrase), all.size(), content.size()));
				}
			}
		}
		// The most specific phrase first: most content words ("new mole" before "my mole"), then most words, then
		// most words in all ("since my baby was born" before "my baby"); then by finding and phrase, so that the
		// result never depends on the order the knowledge base's files were read in.
		entries.sort(Comparator.comparingInt(Entry::content).reversed()
			.thenComparing(Comparator.comparingInt((Entry e) -> e.words().size()).reversed())
			.thenComparing(Comparator.comparingInt(Entry::length).reversed())
			.thenComparing(Entry::finding)
			.thenComparing(e -> String.join(" ", e.words())));
	}

	/** Every finding mentioned in the clause, with where (token positions) it was mentioned. */
	List<Mention> find(List<String> tokens) {
		List<String> stems = tokens.stream().map(wording::stem).toList();
		boolean[] used = new boolean[stems.size()];
		List<Mention> mentions = new ArrayList<>();
		for (Entry entry : entries) {
			for (int start = 0; start < stems.size(); start++) {
				int[] positions = match(stems, used, start, entry.words(), entry.ordered(), wording);
				if (positions != null) {
					// Only the phrase's own words are taken: the words between them may belong to other findings
					// ("feel really breathless and sick" holds both "feel sick" and "breathless").
					int end = start;
					for (int p : positions) {
						used[p] = true;
						end = Math.max(end, p + 1);
					}
					List<String> gaps = new ArrayList<>();
					for (int i = start; i < end; i++) {
						final int at = i;
						if (java.util.Arrays.stream(positions).noneMatch(p -> p == at)) {
							gaps.add(tokens.get(i));
						}
					}
					mentions.add(new Mention(entry.finding(), start, end, gaps,
							java.util.Arrays.stream(positions).boxed().toList()));
				}
			}
		}
		return mentions;
	}

	/**
	 * Where the phrase's words all occur, unused, within a window of the clause starting at {@code start} (which
	 * must hold one of them): their positions, or {@code null}.
	 */
	private static int[] match(List<String> stems, boolean[] used, int start, List<String> words, boolean ordered,
			Wording wording) {
		if (used[start] || words.stream().noneMatch(w -> wording.sameWord(stems.get(start), w))) {
			return null;
		}
		if (ordered && !wording.sameWord(stems.get(start), words.get(0))) {
			return null;
		}
		if (words.size() == 1) {
			return new int[] { start };
		}
		int window = Math.min(stems.size(), start + words.size() + 4);
		boolean[] taken = new boolean[stems.size()];
		int[] positions = new int[words.size()];
		int n = 0;
		int from = start;
		for (String word : words) {
			int found = -1;
			for (int i = ordered ? from : start; i < window; i++) {
				if (!used[i] && !taken[i] && wording.sameWord(stems.get(i), word)) {
					found = i;
					break;
				}
			}
			if (found < 0) {
				return null;
			}
			taken[found] = true;
			positions[n++] = found;
			from = found + 1;
		}
		return positions;
	}
}
