package org.medassist.triage.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a mention is negated ("no fever", "denies chest pain", "I haven't been sick") or uncertain
 * ("not sure if I have a temperature"), in the style of NegEx. A hedge ("I think I might have chest pain")
 * is not uncertainty: a symptom the patient suggests counts as reported (when unsure, escalate). A cue counts
 * before the mention, in the same clause,
 * at most a few words away. Phrases that look negative but are not ("can't stop vomiting", "not getting
 * better") are not cues.
 */
final class Negation {

	enum Polarity {
		AFFIRMED, NEGATED, UNCERTAIN
	}

	private static final List<String> PSEUDO = List.of("can't stop", "cannot stop", "won't stop", "wont stop",
			"doesn't stop", "does not stop", "not stopping", "not getting better", "not improving", "not better",
			"no better", "not going away", "won't go away", "doesn't go away", "not go away", "no relief",
			"not only", "no longer able", "not able", "unable", "can't keep", "cannot keep", "not keeping",
			"not helping", "nothing helps", "not eating", "not drinking", "not passing", "not feeding",
			"no wet nappies", "no wet diapers", "not responding", "not waking", "not breathing", "not moving",
			"no idea why", "not normal", "not right", "not herself", "not himself", "not myself");

	private static final List<List<String>> PSEUDO_TOKENS = PSEUDO.stream().map(Text::tokens).toList();

	private static final Set<String> CUES = Set.of("no", "not", "never", "without", "denies", "deny", "denied",
			"denying", "none", "nor", "neither", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "haven't",
			"havent", "hasn't", "hasnt", "hadn't", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't",
			"negative", "free", "nil", "absent");

	/**
	 * Clinicians' one-word negatives and the finding each denies: "afebrile" and "apyrexial" mean no fever. Unlike
	 * "no", they deny only their own finding, not the words after them ("afebrile, vomiting x3" still vomits).
	 */
	static final Map<String, String> NEGATIVE_TERMS = Map.of("afebrile", "fever", "apyrexial", "fever",
			"apyrexic", "fever", "afebrille", "fever");

	/** The words just before a one-word negative that undo it ("not afebrile"). */
	static final Set<String> NEGATES_TERM = Set.of("not", "isn't", "isnt", "wasn't", "wasnt", "never", "no", "longer");

	private static final List<String> UNCERTAIN = List.of("not sure", "unsure", "don't know", "dont know",
			"do not know", "no idea", "can't tell", "cannot tell", "not certain");

	private static final int SCOPE = 7;

	/** Words that may stand between a finding and a following "negative" in a test result. */
	private static final Set<String> RESULT_WORDS = Set.of("test", "tests", "result", "results", "was", "is", "were",
			"are", "came", "come", "back", "has", "have", "been", "both", "all", "kit", "check", "checks");

	private static final int RESULT_SCOPE = 4;

	private Negation() {
	}

	/**
	 * The polarity of a mention that starts at token {@code start} of the clause's tokens. Cues inside the
	 * mention itself do not count (a phrase may be "unable to bear weight").
	 */
	static Polarity of(List<String> tokens, int start) {
		String joined = String.join(" ", tokens.subList(Math.max(0, start - SCOPE), start));
		for (String u : UNCERTAIN) {
			if ((" " + joined + " ").contains(" " + u + " ")) {
				return Polarity.UNCERTAIN;
			}
		}
		for (int i = start - 1; i >= Math.max(0, start - SCOPE); i--) {
			if (CUES.contains(tokens.get(i)) && !startsPseudoNegation(tokens, i)) {
				return Polarity.NEGATED;
			}
		}
		return Polarity.AFFIRMED;
	}

	/**
	 * Whether a mention ending before token {@code end} is followed by a negative test result: "my pregnancy test
	 * was negative", "pregnancy test came back negative", "urine dip negative". Only result words may stand between.
	 */
	static boolean negativeResultAfter(List<String> tokens, int end) {
		for (int i = end; i < Math.min(tokens.size(), end + RESULT_SCOPE); i++) {
			String t = tokens.get(i);
			if (t.equals("negative")) {
				return true;
			}
			if (!RESULT_WORDS.contains(t)) {
				return false;
			}
		}
		return false;
	}

	/** Whether a phrase contains a negation word itself ("baby not moving", "can't pass urine"). */
	static boolean hasCue(String phrase) {
		List<String> tokens = Text.tokens(Text.normalize(phrase));
		return tokens.stream().anyMatch(t -> CUES.contains(t) || t.equals("can't") || t.equals("cannot")
				|| t.equals("unable") || t.equals("reduced") || t.equals("less") || t.equals("fewer"));
	}

	private static boolean startsPseudoNegation(List<String> tokens, int at) {
		for (List<String> pseudo : PSEUDO_TOKENS) {
			if (at + pseudo.size() <= tokens.size() && tokens.subList(at, at + pseudo.size()).equals(pseudo)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the clause as a whole is negated (used for semantic matches, which have no position). */
	static Polarity ofClause(List<String> tokens) {
		return of(tokens, Math.min(tokens.size(), SCOPE));
	}
}
