package org.medassist.triage.internal.engine;

import java.util.List;
import java.util.Map;

import org.medassist.triage.Disposition;

/**
 * The clinical knowledge base: findings and how patients say them, the global red-flag screen, the complaint
 * protocols, the questions for measurements. Loaded from versioned YAML, validated, immutable.
 *
 * @param version semantic version of the content, with its SHA-256 ({@code 0.1.0+sha256.ab12cd34})
 */
public record KnowledgeBase(String version, String contentHash, Map<String, Finding> findings,
		Map<String, MeasureQuestion> measureQuestions, List<RedFlag> redFlags, List<Protocol> protocols,
		Map<String, String> texts, List<Derived> derived) {

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
	public record MeasureQuestion(String measure, String question, List<String> options) {
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
