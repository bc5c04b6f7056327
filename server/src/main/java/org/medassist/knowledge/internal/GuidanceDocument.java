package org.medassist.knowledge.internal;

import java.time.LocalDate;
import java.util.List;

import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;

/**
 * A parsed guidance document: front matter and its {@code ##} sections.
 *
 * @param url the document's main source; {@code null} for a clinic's document that names none
 */
record GuidanceDocument(String id, String title, String publisher, String url, LocalDate reviewed, Audience audience,
		AgeGroup ageGroup, String language, List<String> protocols, List<Section> sections) {

	GuidanceDocument {
		protocols = List.copyOf(protocols);
		sections = List.copyOf(sections);
	}

	/**
	 * One {@code ##} section.
	 *
	 * @param body the section's Markdown without its heading and its {@code Source:} line ({@code ###} subsections
	 *        included)
	 * @param sourceTitle the title named on the section's {@code Source:} line (the document's title when none)
	 * @param sourceUrl the URL named on the section's {@code Source:} line (the document's URL when none)
	 */
	record Section(String heading, String body, String sourceTitle, String sourceUrl) {
	}
}
