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
				Entry entry = entry(f.id(), phrase, wording);
				if (!entry.words().isEmpty()) {
					entries.add(entry);
				}
			}
		}
		// The most specific phrase first: most content words ("new mole" before "my mole"), then most words, then
		// most words in all ("since my baby was born" before "my baby"); then by finding and phrase, so that the
		// result never depends on the order the knowledge base's files were read in.
		entries.sort(ORDER);
	}

	private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::content).reversed()
		.thenComparing(Comparator.comparingInt((Entry e) -> e.words().size()).reversed())
		.thenComparing(Comparator.comparingInt(Entry::length).reversed())
		.thenComparing(Entry::finding)
		.thenComparing(e -> String.join(" ", e.words()));

	/** How the lexicon reads one phrase of a finding: its words as they are matched, and how it is ranked. */
	static Entry entry(String finding, String phrase, Wording wording) {
		List<String> all = Text.tokens(wording.prepare(Text.normalize(phrase)));
		List<String> content = all.stream().filter(w -> !wording.stopword(w)).map(wording::stem).toList();
		// "had a temperature" is not "temperature": a phrase with one content word keeps its small words.
		List<String> words = content.size() <= 1 ? all.stream().map(wording::stem).toList() : content;
		// "i can drink fluids and i'm not short of breath" does not say "not drinking".
		return new Entry(finding, words, wording.negative(phrase), all.size(), content.size());
	}

	/**
	 * Two phrases of different findings that the lexicon reads as the same words ("blow to the head" in
	 * {@code head_injury} and in {@code worst_headache}): a clause that says one says the other, and is always read
	 * as {@code reads} alone, silently.
	 *
	 * @param words the words both phrases are matched by, sorted
	 * @param reads the finding such a clause is read as (the lexicon's order: more words in all, then the finding id)
	 */
	record Collision(String language, List<String> words, String finding, String phrase, String otherFinding,
			String otherPhrase, String reads) {

		@Override
		public String toString() {
			return "phrases of two findings are read as the same words " + words + " (" + language + "): '" + phrase
					+ "' (" + finding + ") and '" + otherPhrase + "' (" + otherFinding + "); the lexicon reads a clause saying either as "
					+ reads;
		}
	}

	/**
	 * Every pair of phrases of different findings whose words, as this lexicon reads them, are the same (in any
	 * order): one pair per two findings and word list, with the first phrase of each finding that gives those words.
	 *
	 * @param phrases finding id to its phrases in the language {@code wording} reads
	 */
	static List<Collision> collisions(String language, java.util.Map<String, List<String>> phrases, Wording wording) {
		// Sorted word list -> finding -> the entry of its first phrase with those words.
		java.util.Map<List<String>, java.util.Map<String, Entry>> byWords = new java.util.TreeMap<>(
				Comparator.comparing((List<String> w) -> String.join(" ", w)));
		java.util.Map<Entry, String> phraseOf = new java.util.IdentityHashMap<>();
		new java.util.TreeMap<>(phrases).forEach((finding, list) -> {
			for (String phrase : list) {
				Entry entry = entry(finding, phrase, wording);
				if (entry.words().isEmpty()) {
					continue;
				}
				List<String> key = entry.words().stream().sorted().toList();
				if (byWords.computeIfAbsent(key, k -> new java.util.TreeMap<>()).putIfAbsent(finding, entry) == null) {
					phraseOf.put(entry, phrase);
				}
			}
		});
		List<Collision> out = new ArrayList<>();
		byWords.forEach((words, byFinding) -> {
			List<Entry> found = List.copyOf(byFinding.values());
			for (int i = 0; i < found.size(); i++) {
				for (int j = i + 1; j < found.size(); j++) {
					Entry a = found.get(i);
					Entry b = found.get(j);
					// The lexicon's order (see the constructor): the same words, so more words in all, then the id.
					Entry first = ORDER.compare(a, b) <= 0 ? a : b;
					out.add(new Collision(language, words, a.finding(), phraseOf.get(a), b.finding(), phraseOf.get(b),
							first.finding()));
				}
			}
		});
		return out;
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
