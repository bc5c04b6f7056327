package org.medassist.knowledge.internal;

import java.util.List;

import org.medassist.identity.ClinicId;
import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;

/**
 * One indexed passage: part of a {@code ##} section, with everything a search filters on and a citation needs.
 *
 * @param clinic the clinic owning the document; {@code null} for the shared corpus
 * @param ordinal position of the chunk in its document (0, 1, ...)
 * @param text the passage as shown to the reader
 */
record Chunk(ClinicId clinic, String documentId, int version, int ordinal, String title, String section, String text,
		String sourceTitle, String sourceUrl, String publisher, Audience audience, AgeGroup ageGroup, String language,
		List<String> protocols) {

	/** What the embedding model and BM25 see: the title and section give each passage its context. */
	String indexedText() {
		return title + ". " + section + ". " + text;
	}
}
