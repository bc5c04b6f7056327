package org.medassist.triage;

import java.util.List;

/**
 * The engine's preliminary assessment, for the nurse to accept or override. All of it is AI-made content.
 *
 * @param disposition the highest disposition of every rule that fired (never lowered by anything)
 * @param redFlags the red flags that fired
 * @param present findings the patient reported
 * @param absent findings the patient denied
 * @param unknown findings asked about that the patient could not answer, or that mattered but were not asked
 * @param reasons why: each rule that fired (or the protocol's usual level), with its source and the guideline
 *        passages retrieved for it ({@link Reason#citations()})
 * @param uncertainties what the engine could not find out, in words for the nurse
 * @param advice self-care advice with its source, when the disposition allows self-care; each item with the
 *        guideline passages retrieved for it ({@link Advice#cited()})
 * @param seekCareIf the signs that mean the patient should seek care
 * @param protocols the complaint protocols that were applied
 * @param measurements what was measured (age, temperature...), as text
 * @param fromRecord the findings the patient's EHR record gave (not the patient), each with the record entry it
 *        comes from; they are among {@code present} unless the record would have lowered the assessment (then the
 *        assessment from the patient's answers stands); empty when the case is not linked to a record
 */
public record Assessment(Disposition disposition, List<RedFlagHit> redFlags, List<FindingNote> present,
		List<FindingNote> absent, List<FindingNote> unknown, List<Reason> reasons, List<String> uncertainties,
		List<Advice> advice, List<String> seekCareIf, List<String> protocols, List<String> measurements,
		String engineVersion, String knowledgeBaseVersion, List<PatientRecord.RecordFact> fromRecord) {

	public Assessment {
		// Assessments stored before record facts existed have none.
		fromRecord = fromRecord == null ? List.of() : List.copyOf(fromRecord);
	}

	public Assessment(Disposition disposition, List<RedFlagHit> redFlags, List<FindingNote> present,
			List<FindingNote> absent, List<FindingNote> unknown, List<Reason> reasons, List<String> uncertainties,
			List<Advice> advice, List<String> seekCareIf, List<String> protocols, List<String> measurements,
			String engineVersion, String knowledgeBaseVersion) {
		this(disposition, redFlags, present, absent, unknown, reasons, uncertainties, advice, seekCareIf, protocols,
				measurements, engineVersion, knowledgeBaseVersion, List.of());
	}

	public record Citation(String title, String url) {
	}

	/**
	 * A guideline passage that supports an item, chosen by retrieval (knowledge module) for the protocol and the
	 * item's text. Retrieval only cites: it never changes a disposition.
	 *
	 * @param documentId the guidance document ({@code sore-throat})
	 * @param section its {@code ##} section
	 * @param url the source named for that section's facts
	 */
	public record GuidanceCitation(String documentId, String title, String section, String url, String publisher) {
	}

	public record RedFlagHit(String id, String name, Disposition disposition, String instruction, Citation source) {
	}

	public record FindingNote(String id, String label) {
	}

	/**
	 * @param rule the id of the rule or red flag
	 * @param source the source the rule names (knowledge base)
	 * @param citations guideline passages retrieved for this reason (empty until cited)
	 */
	public record Reason(String rule, Disposition disposition, String text, Citation source,
			List<GuidanceCitation> citations) {

		public Reason {
			citations = citations == null ? List.of() : List.copyOf(citations);
		}

		public Reason(String rule, Disposition disposition, String text, Citation source) {
			this(rule, disposition, text, source, List.of());
		}

		public Reason withCitations(List<GuidanceCitation> cited) {
			return new Reason(rule, disposition, text, source, cited);
		}
	}

	/**
	 * @param items the advice, in words for the patient
	 * @param source the source the protocol names (knowledge base)
	 * @param cited each item with the guideline passages retrieved for it, in the order of {@code items} (empty
	 *        until cited)
	 */
	public record Advice(String protocol, List<String> items, Citation source, List<CitedItem> cited) {

		public Advice {
			items = items == null ? List.of() : List.copyOf(items);
			cited = cited == null ? List.of() : List.copyOf(cited);
		}

		public Advice(String protocol, List<String> items, Citation source) {
			this(protocol, items, source, List.of());
		}

		public Advice withCited(List<CitedItem> citedItems) {
			return new Advice(protocol, items, source, citedItems);
		}
	}

	/** One piece of advice and the guideline passages that support it. */
	public record CitedItem(String text, List<GuidanceCitation> citations) {

		public CitedItem {
			citations = citations == null ? List.of() : List.copyOf(citations);
		}
	}

	/** The same assessment with these reasons and advice (citations added); everything else, disposition first, unchanged. */
	public Assessment withCitations(List<Reason> citedReasons, List<Advice> citedAdvice) {
		return new Assessment(disposition, redFlags, present, absent, unknown, citedReasons, uncertainties, citedAdvice,
				seekCareIf, protocols, measurements, engineVersion, knowledgeBaseVersion, fromRecord);
	}

	/** The same assessment with these reasons, uncertainties and record facts (what the EHR record added). */
	public Assessment withRecord(List<Reason> allReasons, List<String> allUncertainties,
			List<PatientRecord.RecordFact> facts) {
		return new Assessment(disposition, redFlags, present, absent, unknown, allReasons, allUncertainties, advice,
				seekCareIf, protocols, measurements, engineVersion, knowledgeBaseVersion, facts);
	}
}
