package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.medassist.triage.internal.engine.KnowledgeBase.Finding;

/**
 * Finds the knowledge base's phrases in a clause, word by word (stemmed, one typo allowed in long words, at
 * most one extra word between the words of a phrase), longest phrases first so that "chest pain" wins over
 * "pain".
 */
final class Lexicon {

	record Entry(String finding, List<String> words) {
	}

	record Mention(String finding, int start, int end) {
	}

	private final List<Entry> entries = new ArrayList<>();

	Lexicon(Iterable<Finding> findings) {
		for (Finding f : findings) {
			for (String phrase : f.phrases()) {
				List<String> words = Text.tokens(Text.normalize(phrase)).stream().map(Text::stem).toList();
				if (!words.isEmpty()) {
					entries.add(new Entry(f.id(), words));
				}
			}
		}
		entries.sort(Comparator.comparingInt((Entry e) -> e.words().size()).reversed());
	}

	/** Every finding mentioned in the clause, with where (token positions) it was mentioned. */
	List<Mention> find(List<String> tokens) {
		List<String> stems = tokens.stream().map(Text::stem).toList();
		boolean[] used = new boolean[stems.size()];
		List<Mention> mentions = new ArrayList<>();
		for (Entry entry : entries) {
			for (int start = 0; start < stems.size(); start++) {
				int end = match(stems, used, start, entry.words());
				if (end > 0) {
					for (int i = start; i < end; i++) {
						used[i] = true;
					}
					mentions.add(new Mention(entry.finding(), start, end));
				}
			}
		}
		return mentions;
	}

	private static int match(List<String> stems, boolean[] used, int start, List<String> words) {
		int position = start;
		for (int w = 0; w < words.size(); w++) {
			if (position >= stems.size()) {
				return -1;
			}
			if (!used[position] && Text.sameWord(stems.get(position), words.get(w))) {
				position++;
				continue;
			}
			// Allow one extra word between two words of the phrase ("chest really hurts").
			if (w > 0 && position + 1 < stems.size() && !used[position + 1]
					&& Text.sameWord(stems.get(position + 1), words.get(w))) {
				position += 2;
				continue;
			}
			return -1;
		}
		return position;
	}
}
