package org.medassist.triage.internal.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits what a patient wrote into sentences, clauses and word tokens, in a normal form for matching: lower
 * case, plain apostrophes, accents kept, punctuation removed from tokens.
 */
final class Text {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\d)[.!?;\\n]+|[.!?;\\n]+(?!\\d)");
	/** Words that end one clause and start another: negation does not cross them. */
	private static final Pattern CLAUSE_BREAK = Pattern.compile(
			"\\s*(?:,?\\s+\\bbut\\b|\\bhowever\\b|\\balthough\\b|\\bthough\\b|\\bexcept\\b|\\bapart from\\b|\\bwhereas\\b|\\byet\\b|\\bactually\\b"
			// "which" starts a new clause, but not in "muddled about which tablets to take" (a question of which one).
			+ "|(?<!\\babout )\\bwhich\\b"
			// "and" followed by a new subject starts a new statement: "it doesn't hurt him and he's feeding well",
			// "he isn't walking properly and his left arm is weak" (the arm is not negated).
			+ "|,?\\s+\\band\\s+(?=(?:he|she|i|they|we|you|he's|she's|i'm|i've|they're|we're|you're|his|her|my|their|our|your)\\b)"
			// So does a comma before one ("no numbness, i can't pee"): a negation before it does not reach past it.
			+ "|,\\s*(?=(?:he|she|i|they|we|you|he's|she's|i'm|i've|they're|we're|you're|his|her|my|their|our|your)\\s)"
			// A comma before "no" starts a list of denials ("cough for a month, no blood, no fever"): what it denies is
			// not read together with what came before it (not "coughing blood", denied, in place of the cough).
			+ "|,\\s*(?=no\\s))\\s*");
	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?|[°/]");

	private Text() {
	}

	static String normalize(String raw) {
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replaceAll("\\s+", " ").strip();
	}

	static List<String> sentences(String normalized) {
		List<String> out = new ArrayList<>();
		for (String s : SENTENCE_END.split(normalized)) {
			if (!s.isBlank()) {
				out.add(s.strip());
			}
		}
		return out;
	}

	static List<String> clauses(String sentence) {
		List<String> out = new ArrayList<>();
		for (String c : CLAUSE_BREAK.split(sentence)) {
			if (!c.isBlank()) {
				out.add(c.strip());
			}
		}
		return out;
	}

	static List<String> tokens(String text) {
		List<String> out = new ArrayList<>();
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			out.add(m.group());
		}
		return out;
	}

	/** Irregular forms patients use, mapped to the form the stemmer gives the regular ones. */
	private static final java.util.Map<String, String> IRREGULAR = java.util.Map.ofEntries(
			java.util.Map.entry("swollen", "swell"), java.util.Map.entry("swelling", "swell"), java.util.Map.entry("redder", "red"),
			java.util.Map.entry("bled", "bleed"), java.util.Map.entry("breathe", "breath"),
			java.util.Map.entry("breathing", "breath"), java.util.Map.entry("fell", "fall"),
			java.util.Map.entry("fallen", "fall"), java.util.Map.entry("threw", "throw"),
			java.util.Map.entry("thrown", "throw"), java.util.Map.entry("teeth", "tooth"),
			java.util.Map.entry("feet", "foot"), java.util.Map.entry("children", "child"),
			java.util.Map.entry("ate", "eat"), java.util.Map.entry("eaten", "eat"), java.util.Map.entry("took", "take"),
			java.util.Map.entry("taken", "take"), java.util.Map.entry("bitten", "bite"),
			java.util.Map.entry("stung", "sting"), java.util.Map.entry("burnt", "burn"), java.util.Map.entry("hurting", "hurt"),
			java.util.Map.entry("tummy", "stomach"), java.util.Map.entry("belly", "stomach"), java.util.Map.entry("poo", "stool"),
			java.util.Map.entry("poop", "stool"), java.util.Map.entry("pee", "urine"), java.util.Map.entry("wee", "urine"),
			java.util.Map.entry("peeing", "urine"), java.util.Map.entry("urinating", "urine"), java.util.Map.entry("puking", "vomit"),
			java.util.Map.entry("puke", "vomit"), java.util.Map.entry("vomited", "vomit"), java.util.Map.entry("vomiting", "vomit"),
			java.util.Map.entry("poos", "stool"), java.util.Map.entry("pooing", "stool"), java.util.Map.entry("pooed", "stool"),
			java.util.Map.entry("poops", "stool"), java.util.Map.entry("pooping", "stool"), java.util.Map.entry("pooped", "stool"),
			java.util.Map.entry("pees", "urine"), java.util.Map.entry("peed", "urine"), java.util.Map.entry("wees", "urine"),
			java.util.Map.entry("weeing", "urine"),
			java.util.Map.entry("diarrhea", "diarrhoea"), java.util.Map.entry("feces", "stool"), java.util.Map.entry("faeces", "stool"));

	/** Small words that carry no symptom: phrases match on their other words, in any order, close together. */
	static final java.util.Set<String> STOPWORDS = java.util.Set.of("a", "an", "the", "my", "his", "her", "their", "our",
			"your", "its", "in", "on", "of", "at", "to", "from", "into", "over", "around", "is", "are", "was", "were", "be",
			"been", "being", "am", "i", "im", "me", "it", "he", "she", "they", "we", "you", "and", "or", "with", "very",
			"really", "so", "too", "quite", "just", "that", "this", "there", "has", "have", "had", "got", "get", "getting",
			"some", "any", "all", "for", "when", "since", "like", "up", "out", "down", "by", "as");

	/** A crude stem so that "headaches", "vomited" and "vomiting" meet their phrase. */
	static String stem(String token) {
		String t = token.replace("'", "");
		String irregular = IRREGULAR.get(t);
		if (irregular != null) {
			return irregular;
		}
		if (t.length() > 5 && t.endsWith("ing")) {
			return t.substring(0, t.length() - 3);
		}
		if (t.length() > 4 && t.endsWith("ed")) {
			return t.substring(0, t.length() - 2);
		}
		if (t.length() > 4 && t.endsWith("es") && !t.endsWith("ses")) {
			return t.substring(0, t.length() - 2);
		}
		if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss")) {
			return t.substring(0, t.length() - 1);
		}
		return t;
	}

	/** One typo (edit, insertion, deletion, adjacent swap) is forgiven in words of six letters or more. */
	static boolean sameWord(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		if (Math.min(a.length(), b.length()) < 6 || Math.abs(a.length() - b.length()) > 1 || a.charAt(0) != b.charAt(0)) {
			return false;
		}
		return damerauWithinOne(a, b);
	}

	private static boolean damerauWithinOne(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()] <= 1;
	}
}
