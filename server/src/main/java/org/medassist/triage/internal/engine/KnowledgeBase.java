package org.medassist.triage.internal.engine;

import java.util.List;
import java.util.Map;

import org.medassist.triage.Disposition;

/**
 * The clinical knowledge base: findings and how patients say them, the global red-flag screen, the complaint
 * protocols, the questions for measurements. Loaded from versioned YAML, validated, immutable.
 *
 * @param version semantic version of the content, with its SHA-256 ({@code 0.1.0+sha256.ab12cd34}); the hash covers
 *        the translations too
 * @param translations the patient-facing texts in other languages ({@code i18n/<language>/})
 * @param globalScreen findings asked, in this order, when no protocol recognises the complaint: the questions that
 *        find an emergency whatever it is (kb.yaml {@code global_screen})
 * @param deliberateCollisions phrases of two findings read as the same words on purpose (kb.yaml
 *        {@code deliberate_collisions}); see {@link #phraseCollisions()}
 */
public record KnowledgeBase(String version, String contentHash, Map<String, Finding> findings,
		Map<String, MeasureQuestion> measureQuestions, List<RedFlag> redFlags, List<Protocol> protocols,
		Map<String, String> texts, List<Derived> derived, Translations translations, List<String> globalScreen,
		List<DeliberateCollision> deliberateCollisions) {

	/** The knowledge base without deliberate collisions (none is the norm). */
	public KnowledgeBase(String version, String contentHash, Map<String, Finding> findings,
			Map<String, MeasureQuestion> measureQuestions, List<RedFlag> redFlags, List<Protocol> protocols,
			Map<String, String> texts, List<Derived> derived, Translations translations, List<String> globalScreen) {
		this(version, contentHash, findings, measureQuestions, redFlags, protocols, texts, derived, translations,
				globalScreen, List.of());
	}

	/**
	 * Two findings whose phrases are read as the same words on purpose, with the reason (kb.yaml
	 * {@code deliberate_collisions}; prefer none: make the phrase specific or remove it from the wrong finding).
	 *
	 * @param language {@code en} for the findings' own phrases, or the language of {@code i18n/<language>/phrases/}
	 * @param words the words as {@code kb check} prints them, in that order
	 */
	public record DeliberateCollision(String language, List<String> findings, List<String> words, String reason) {
	}

	/**
	 * Phrases of two different findings that the engine reads as the same words (stemmed, small words dropped, in any
	 * order; see {@link Lexicon}), in English and in every language with phrases: a clause saying either is always
	 * read as one of the two findings, silently ("blow to the head" read as the worst headache, not a head injury).
	 * {@code kb check} fails on each one not listed in {@link #deliberateCollisions()}, and on a listed one that no
	 * longer collides.
	 */
	public List<String> phraseCollisions() {
		List<Lexicon.Collision> found = new java.util.ArrayList<>();
		Map<String, List<String>> english = new java.util.TreeMap<>();
		findings.values().forEach(f -> english.put(f.id(), f.phrases()));
		found.addAll(Lexicon.collisions(SOURCE_LANGUAGE, english, Wording.ENGLISH));
		translations.phrases().forEach((language, phrases) -> Wording.of(language)
			.ifPresent(wording -> found.addAll(Lexicon.collisions(language, phrases, wording))));
		List<String> problems = new java.util.ArrayList<>();
		java.util.Set<DeliberateCollision> used = new java.util.HashSet<>();
		for (Lexicon.Collision c : found) {
			var deliberate = deliberateCollisions.stream()
				.filter(d -> d.language().equals(c.language()) && d.words().equals(c.words())
						&& java.util.Set.copyOf(d.findings()).equals(java.util.Set.of(c.finding(), c.otherFinding())))
				.findFirst();
			if (deliberate.isPresent()) {
				used.add(deliberate.get());
			}
			else {
				problems.add(c.toString());
			}
		}
		deliberateCollisions.stream().filter(d -> !used.contains(d)).forEach(d -> problems.add(
				"kb.yaml: deliberate_collisions lists " + d.findings() + " " + d.words() + " (" + d.language()
						+ "), which no longer collide: remove the entry"));
		return problems;
	}

	/** The language the knowledge base is written in; translations map its patient-facing texts by key. */
	public static final String SOURCE_LANGUAGE = "en";

	/**
	 * The patient-facing texts in other languages, keyed as {@link #patientTexts()} keys them.
	 *
	 * @param byLanguage language (BCP 47) to translation key to text
	 * @param phrases language to finding id to how patients say it in that language ({@code i18n/<language>/phrases/});
	 *        the engine reads them in a consultation in that language only
	 * @param problems what is missing, stale or broken in them (reported by {@code kb check}); the engine
	 *        still runs, falling back to English for a missing text
	 */
	public record Translations(Map<String, Map<String, String>> byLanguage, Map<String, Map<String, List<String>>> phrases,
			List<String> problems) {

		public static final Translations NONE = new Translations(Map.of(), Map.of(), List.of());

		/** The phrases of a language by finding id (none for English, whose phrases are the findings' own). */
		public Map<String, List<String>> phrases(String language) {
			return phrases.getOrDefault(language, Map.of());
		}
	}

	/**
	 * The findings an emergency may hang on: those any red flag or any EMERGENCY rule of a protocol names. A reading
	 * by meaning is never set aside for them.
	 */
	public java.util.Set<String> emergencyFindings() {
		java.util.Set<String> out = new java.util.TreeSet<>(redFlagFindings());
		protocols().forEach(p -> p.rules().stream()
			.filter(r -> r.disposition() == Disposition.EMERGENCY)
			.forEach(r -> r.when().collectFindings(out)));
		return out;
	}

	/**
	 * Findings that a measurement alone decides, by measure key: those {@code derived_findings} records as present
	 * from readings and nothing else (a temperature of 38 °C or more is a fever). A message that states the reading
	 * is not also read as the finding by resemblance ("my temperature is 36.7" is not a fever).
	 */
	public Map<String, java.util.Set<String>> findingsDecidedByMeasures() {
		Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
		derived.stream().filter(Derived::present).forEach(d -> {
			java.util.Set<String> named = new java.util.TreeSet<>();
			d.when().collectFindings(named);
			if (!named.isEmpty()) {
				return;
			}
			java.util.Set<String> measures = new java.util.TreeSet<>();
			d.when().collectMeasures(measures);
			measures.forEach(m -> out.computeIfAbsent(m, k -> new java.util.TreeSet<>()).add(d.finding()));
		});
		return out;
	}

	/** The findings any red flag's condition names: the ones a language must recognise first. */
	public java.util.Set<String> redFlagFindings() {
		java.util.Set<String> out = new java.util.TreeSet<>();
		redFlags.forEach(f -> f.when().collectFindings(out));
		return out;
	}

	/**
	 * Every text the engine may show a patient, in English, by its translation key: {@code texts.<key>},
	 * {@code measures.<measure>.question}, {@code measures.<measure>.options.<i>}, {@code findings.<id>.question},
	 * {@code protocols.<id>.title}, {@code protocols.<id>.advice.<i>}, {@code protocols.<id>.seek_care_if.<i>},
	 * {@code red_flags.<id>.instruction}, and {@code rules.<id>.reason} for EMERGENCY rules (their reason is what an
	 * emergency found without a red flag tells the patient). Rule reasons otherwise, labels and red flag names are
	 * for the nurse and stay in English.
	 */
	public Map<String, String> patientTexts() {
		Map<String, String> out = new java.util.LinkedHashMap<>();
		new java.util.TreeMap<>(texts).forEach((k, v) -> out.put("texts." + k, v));
		measureQuestions.values().stream().sorted(java.util.Comparator.comparing(MeasureQuestion::measure)).forEach(m -> {
			out.put("measures." + m.measure() + ".question", m.question());
			for (int i = 0; i < m.options().size(); i++) {
				out.put("measures." + m.measure() + ".options." + i, m.options().get(i));
			}
		});
		findings.values().stream().filter(f -> f.question() != null && !f.question().isBlank())
			.sorted(java.util.Comparator.comparing(Finding::id))
			.forEach(f -> out.put("findings." + f.id() + ".question", f.question()));
		for (Protocol p : protocols) {
			out.put("protocols." + p.id() + ".title", p.title());
			for (int i = 0; i < p.advice().size(); i++) {
				out.put("protocols." + p.id() + ".advice." + i, p.advice().get(i));
			}
			for (int i = 0; i < p.seekCareIf().size(); i++) {
				out.put("protocols." + p.id() + ".seek_care_if." + i, p.seekCareIf().get(i));
			}
			p.rules().stream().filter(r -> r.disposition() == Disposition.EMERGENCY)
				.forEach(r -> out.put("rules." + r.id() + ".reason", r.reason()));
		}
		redFlags.forEach(f -> out.put("red_flags." + f.id() + ".instruction", f.instruction()));
		return out;
	}

	/**
	 * A patient-facing text in the patient's language: its translation, or the English text when the language
	 * has none (a language the knowledge base is not translated into, or a gap {@code kb check} reports).
	 *
	 * @param key the text's key, as in {@link #patientTexts()}
	 * @param english the English text, returned unchanged for English
	 */
	public String say(String language, String key, String english) {
		if (language == null || language.equals(SOURCE_LANGUAGE)) {
			return english;
		}
		Map<String, String> translated = translations.byLanguage().get(language);
		String text = translated == null ? null : translated.get(key);
		return text == null ? english : text;
	}

	/** The languages besides English that the patient-facing texts are translated into. */
	public java.util.Set<String> translatedLanguages() {
		return new java.util.TreeSet<>(translations.byLanguage().keySet());
	}

	/**
	 * A finding that follows from others or from a measurement ("a temperature of 38 °C or more is a fever"),
	 * recorded as present (or, with {@code present = false}, as absent: "a man is not pregnant") when its
	 * condition holds and nothing is known of the finding yet.
	 */
	public record Derived(String finding, boolean present, Condition when, Source source) {
	}

	/** The patient-facing texts the engine itself says (outcomes, prompts), by key. */
	public String text(String key) {
		String text = texts.get(key);
		if (text == null) {
			throw new IllegalStateException("kb.yaml has no text '" + key + "'");
		}
		return text;
	}

	/** Where a fact comes from. */
	public record Source(String title, String url) {
	}

	/**
	 * Something a patient can have or not have.
	 *
	 * @param label short name for the nurse's summary
	 * @param question a yes/no question in the patient's language, or {@code null} if never asked directly
	 * @param phrases how patients and clinicians say it (lay words, clinical words, abbreviations)
	 * @param snomed SNOMED CT concept id, only where certain
	 */
	public record Finding(String id, String label, String question, List<String> phrases, String snomed) {
	}

	/** How to ask for a measurement (age, temperature...), with suggested answers. */
	/**
	 * How to ask for a measurement.
	 *
	 * @param askWhen findings that make the question worth asking unprompted (the readings question: breathlessness,
	 * where a pulse oximeter helps); empty for measures asked only when a rule needs them
	 */
	public record MeasureQuestion(String measure, String question, List<String> options, List<String> askWhen) {
	}

	/**
	 * A rule that escalates whatever the complaint.
	 *
	 * @param instruction what to tell the patient ({@code {emergency_number}} is replaced)
	 * @param reason why, for the nurse
	 * @param ask findings worth asking about when a protocol screens for this flag
	 */
	public record RedFlag(String id, String name, Disposition disposition, Condition when, String instruction,
			String reason, Source source, List<String> ask) {
	}

	/** A rule of a complaint protocol. */
	public record Rule(String id, Disposition disposition, Condition when, String reason, Source source) {
	}

	/**
	 * How to assess one presenting complaint.
	 *
	 * @param appliesWhen who the protocol is for ({@code age: {lt: 1}} for infants); always, when absent
	 * @param complaint findings any of which means the patient has this complaint
	 * @param questions findings to ask about, most important first
	 * @param screen red flags whose findings are asked about for this complaint
	 * @param fallback the disposition when no rule fires
	 * @param advice self-care advice, for when the outcome allows it
	 * @param seekCareIf the signs that mean the patient should seek care
	 */
	public record Protocol(String id, String title, Condition appliesWhen, List<String> complaint, List<String> questions,
			List<String> screen, List<Rule> rules, Disposition fallback, List<String> advice, List<String> seekCareIf,
			Source source) {
	}

	public Protocol protocol(String id) {
		return protocols.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
	}

	public RedFlag redFlag(String id) {
		return redFlags.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
	}
}
