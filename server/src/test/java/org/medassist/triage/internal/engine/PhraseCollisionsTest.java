package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Phrases of two findings that the lexicon reads as the same words: found with the lexicon's own reading (stems, small
 * words dropped, any order; all the words of a phrase with one content word), in English and in Spanish.
 */
class PhraseCollisionsTest {

	private static List<String> words(List<Lexicon.Collision> collisions) {
		return collisions.stream().map(c -> c.finding() + "/" + c.otherFinding() + " " + c.words()).toList();
	}

	@Test
	void phrasesWithTheSameWordsInAnyOrderCollide() {
		var found = Lexicon.collisions("en", Map.of(
				"head_injury", List.of("hit my head", "blow to the head"),
				"worst_headache", List.of("thunderclap headache", "head blow"),
				"heavy_bleeding", List.of("heavy bleeding"),
				"heavy_vaginal_bleeding", List.of("very heavy bleeding", "very heavy vaginal bleeding")),
				Wording.ENGLISH);

		assertThat(words(found)).containsExactlyInAnyOrder(
				"head_injury/worst_headache [blow, head]",
				// "very" is a small word: "very heavy bleeding" is read as "heavy bleeding".
				"heavy_bleeding/heavy_vaginal_bleeding [bleed, heavy]");
		var heavy = found.stream().filter(c -> c.finding().equals("heavy_bleeding")).findFirst().orElseThrow();
		assertThat(heavy.phrase()).isEqualTo("heavy bleeding");
		assertThat(heavy.otherPhrase()).isEqualTo("very heavy bleeding");
		// The lexicon tries the phrase with more words in all first: the heavy bleeding from a cut was read as vaginal.
		assertThat(heavy.reads()).isEqualTo("heavy_vaginal_bleeding");
	}

	@Test
	void aPhraseWithOneContentWordKeepsItsSmallWords() {
		// "had a temperature" is read as its three words, "temperature" as one: they do not collide.
		assertThat(Lexicon.collisions("en", Map.of("fever", List.of("had a temperature"),
				"measured_temperature", List.of("temperature")), Wording.ENGLISH)).isEmpty();
		// Phrases of one finding never collide with each other.
		assertThat(Lexicon.collisions("en", Map.of("knee", List.of("knee pain", "pain in my knee")), Wording.ENGLISH))
			.isEmpty();
	}

	@Test
	void spanishPhrasesAreReadWithTheSpanishStemmerAndSmallWords() {
		var found = Lexicon.collisions("es", Map.of(
				"head_injury", List.of("golpe en la cabeza"),
				"worst_headache", List.of("como un golpe en la cabeza", "dolor de cabeza explosivo")),
				Spanish.WORDING);

		assertThat(words(found)).containsExactly("head_injury/worst_headache [cabez, golp]");
		assertThat(found.get(0).language()).isEqualTo("es");
		assertThat(found.get(0).toString()).contains("'golpe en la cabeza' (head_injury)")
			.contains("'como un golpe en la cabeza' (worst_headache)");
	}
}
