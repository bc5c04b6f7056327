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
 * @param reasons why: each rule that fired (or the protocol's usual level), with its source
 * @param uncertainties what the engine could not find out, in words for the nurse
 * @param advice self-care advice with its source, when the disposition allows self-care
 * @param seekCareIf the signs that mean the patient should seek care
 * @param protocols the complaint protocols that were applied
 * @param measurements what was measured (age, temperature...), as text
 */
public record Assessment(Disposition disposition, List<RedFlagHit> redFlags, List<FindingNote> present,
		List<FindingNote> absent, List<FindingNote> unknown, List<Reason> reasons, List<String> uncertainties,
		List<Advice> advice, List<String> seekCareIf, List<String> protocols, List<String> measurements,
		String engineVersion, String knowledgeBaseVersion) {

	public record Citation(String title, String url) {
	}

	public record RedFlagHit(String id, String name, Disposition disposition, String instruction, Citation source) {
	}

	public record FindingNote(String id, String label) {
	}

	/** @param rule the id of the rule or red flag */
	public record Reason(String rule, Disposition disposition, String text, Citation source) {
	}

	public record Advice(String protocol, List<String> items, Citation source) {
	}
}
