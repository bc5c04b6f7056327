package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medassist.triage.internal.engine.KnowledgeBase.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading findings from words and, with a toy bag-of-words embedding, by meaning. */
class FindingExtractorTest {

	private static final List<Finding> FINDINGS = List.of(
			new Finding("headache", "headache", "Do you have a headache?", List.of("headache", "head hurts"), null),
			new Finding("worst_headache", "sudden very severe headache", "Did a severe headache come on suddenly?",
					List.of("worst headache ever", "sudden severe headache"), null),
			new Finding("not_drinking", "not drinking", "Is the person not drinking?", List.of("not drinking", "refusing drinks"), null),
			new Finding("short_of_breath", "short of breath", "Are you short of breath?", List.of("short of breath"), null),
			new Finding("bleeding", "bleeding", "Are you bleeding?", List.of("bleeding a lot"), null),
			new Finding("mole", "mole", "Is it about a mole?", List.of("my mole"), null),
			new Finding("mole_changed", "new or changing mole", "Is the mole new or changing?", List.of("new mole"), null));

	/** Words hashed into a vector: similarity is shared words, enough to test how meaning is used. */
	private static final Embeddings BAG_OF_WORDS = new Embeddings() {
		@Override
		public float[] embed(String text) {
			float[] v = new float[256];
			for (String token : Text.tokens(Text.normalize(text))) {
				v[Math.floorMod(Text.stem(token).hashCode(), v.length)] += 1;
			}
			return v;
		}

		@Override
		public List<float[]> embedAll(List<String> texts) {
			List<float[]> out = new ArrayList<>();
			texts.forEach(t -> out.add(embed(t)));
			return out;
		}
	};

	private final FindingExtractor extractor = new FindingExtractor(FINDINGS,
			new SemanticIndex(BAG_OF_WORDS, FINDINGS, 0.99));

	@Test
	void anAnswerThatNamesAnotherFindingIsAboutThatOne() {
		assertThat(extractor.inContext("I've had a dull headache since this afternoon", "worst_headache", 0.2)).isEmpty();
		assertThat(extractor.inContext("it came on suddenly, the worst ever", "worst_headache", 0.2))
			.contains(Facts.State.PRESENT);
	}

	@Test
	void aClauseSayingSomethingHasStoppedNamesNoComplaint() {
		assertThat(extractor.closestComplaint("The bleeding has stopped", List.of("bleeding"), 0.2)).isEmpty();
		assertThat(extractor.closestComplaint("The cut is bleeding a lot", List.of("bleeding"), 0.2)).contains("bleeding");
	}

	@Test
	void thePhraseWithMoreContentWordsWins() {
		assertThat(extractor.read("There's a new dark mole on my calf", Optional.empty()).findings())
			.containsKey("mole_changed").doesNotContainKey("mole");
	}

	@Test
	void aPhraseSaidNegativelyMatchesOnlyInItsOwnOrder() {
		assertThat(extractor.read("I can drink fluids and I'm not short of breath", Optional.empty()).findings())
			.doesNotContainKey("not_drinking")
			.containsEntry("short_of_breath", Facts.State.ABSENT);
		assertThat(extractor.read("He's not drinking much", Optional.empty()).findings())
			.containsEntry("not_drinking", Facts.State.PRESENT);
	}

	@Test
	void tenOrMoreTabletsTakenIsAnOverdoseAndAFewAreNot() {
		List<Finding> findings = List.of(new Finding("overdose", "overdose", "Have you taken too much of a medicine?",
				List.of("overdose"), null));
		FindingExtractor reader = new FindingExtractor(findings, null);

		assertThat(reader.read("I took 20 paracetamol last night", java.util.Optional.empty()).findings())
			.containsEntry("overdose", Facts.State.PRESENT);
		assertThat(reader.read("It was about 16 of my mum's sleeping pills.", java.util.Optional.empty()).findings())
			.containsEntry("overdose", Facts.State.PRESENT);
		assertThat(reader.read("I take 2 paracetamol four times a day", java.util.Optional.empty()).findings())
			.doesNotContainKey("overdose");
		assertThat(reader.read("I had 2 tablets at lunch", java.util.Optional.empty()).findings()).doesNotContainKey("overdose");
	}

	@Test
	void aMessageReadAgainIsReadTheSame() {
		Reading first = extractor.read("my head hurts and I'm short of breath", java.util.Optional.empty());
		Reading again = extractor.read("my head hurts and I'm short of breath", java.util.Optional.empty());

		assertThat(again).isEqualTo(first);
		assertThat(first.findings()).containsKeys("headache", "short_of_breath");
	}

	/** Findings worded as an inability or a problem, as the knowledge base words bladder and breathing red flags. */
	private static final List<Finding> FUNCTIONS = List.of(
			new Finding("cannot_speak", "too breathless to speak", "Gasping?", List.of("can't speak in full sentences"), null),
			new Finding("pee_trouble", "trouble peeing", "Wee?", List.of("trouble when i pee"), null),
			new Finding("walking_trouble", "trouble walking", "Legs?", List.of("walking is hard"), null),
			new Finding("poor_feeding", "not feeding", "Milk?", List.of("not feeding"), null),
			new Finding("numbness", "numbness", "Numb?", List.of("numbness"), null),
			new Finding("wet_myself", "lost bladder control", "Bladder?", List.of("wet myself"), null));

	private final FindingExtractor functions = new FindingExtractor(FUNCTIONS, new SemanticIndex(BAG_OF_WORDS, FUNCTIONS, 0.99));

	@Test
	void sayingWhatThePatientCanStillDoIsTheInabilityAbsent() {
		// Close in meaning to "can't speak in full sentences", but it says the opposite.
		assertThat(functions.inContext("I can still speak in full sentences", "cannot_speak", 0.5))
			.contains(Facts.State.ABSENT);
		assertThat(functions.inContext("she is able to speak in full sentences", "cannot_speak", 0.5))
			.contains(Facts.State.ABSENT);
		// What the patient can barely do is still the inability.
		assertThat(functions.inContext("I can barely speak in full sentences", "cannot_speak", 0.5))
			.contains(Facts.State.PRESENT);
	}

	@Test
	void normalFunctionSaidInOtherWordsIsTheProblemAbsent() {
		assertThat(functions.inContext("I pee normally", "pee_trouble", 0.5)).contains(Facts.State.ABSENT);
		assertThat(functions.inContext("walking ok", "walking_trouble", 0.3)).contains(Facts.State.ABSENT);
		assertThat(functions.inContext("she's feeding well", "poor_feeding", 0.3)).contains(Facts.State.ABSENT);
		// Without such a word it is the problem.
		assertThat(functions.inContext("I have trouble when I pee", "pee_trouble", 0.5)).contains(Facts.State.PRESENT);
	}

	@Test
	void aNegationDoesNotReachPastACommaAndANewSubject() {
		assertThat(functions.read("no numbness, I wet myself this morning", Optional.empty()).findings())
			.containsEntry("numbness", Facts.State.ABSENT)
			.containsEntry("wet_myself", Facts.State.PRESENT);
		// A list after one negation stays negated.
		assertThat(functions.read("no headache, numbness or fever", Optional.empty()).findings())
			.containsEntry("numbness", Facts.State.ABSENT);
	}
}
