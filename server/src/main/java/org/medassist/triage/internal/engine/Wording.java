package org.medassist.triage.internal.engine;

import java.util.List;
import java.util.Optional;

/**
 * How the words of one language are matched against the knowledge base's phrases: the form text is matched in,
 * clauses, stems, small words, and negation. English is the knowledge base's own language; {@link Spanish} reads
 * the Spanish phrases of {@code i18n/es/phrases/}.
 */
interface Wording {

	/** The text as it is matched, from {@link Text#normalize}d text (Spanish folds accents). */
	String prepare(String normalized);

	List<String> clauses(String sentence);

	String stem(String token);

	/** A small word that carries no symptom (phrases match on their other words). */
	boolean stopword(String token);

	/** Whether two stems are the same word, forgiving a typo where that is safe. */
	default boolean sameWord(String a, String b) {
		return Text.sameWord(a, b);
	}

	/** Whether a phrase says something negatively itself ("not drinking", "no puedo respirar"). */
	boolean negative(String phrase);

	/** Whether a mention starting at {@code start} is negated or uncertain. */
	Negation.Polarity polarity(List<String> tokens, int start);

	/** The wording for a language, if the engine can read that language's phrases. */
	static Optional<Wording> of(String language) {
		return switch (language) {
			case KnowledgeBase.SOURCE_LANGUAGE -> Optional.of(ENGLISH);
			case "es" -> Optional.of(Spanish.WORDING);
			default -> Optional.empty();
		};
	}

	/** English, exactly as the engine has always read it (the static helpers of {@link Text} and {@link Negation}). */
	Wording ENGLISH = new Wording() {

		@Override
		public String prepare(String normalized) {
			return normalized;
		}

		@Override
		public List<String> clauses(String sentence) {
			return Text.clauses(sentence);
		}

		@Override
		public String stem(String token) {
			return Text.stem(token);
		}

		@Override
		public boolean stopword(String token) {
			return Text.STOPWORDS.contains(token);
		}

		@Override
		public boolean negative(String phrase) {
			return Negation.hasCue(phrase);
		}

		@Override
		public Negation.Polarity polarity(List<String> tokens, int start) {
			return Negation.of(tokens, start);
		}
	};
}
