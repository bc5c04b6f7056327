package org.medassist.knowledge;

/**
 * A retrieved passage of a guidance document, quoted as written, with where it comes from.
 *
 * @param documentId the document's id ({@code sore-throat}); a clinic's documents are only ever shown to it
 * @param clinicDocument whether the document is the clinic's own (not the shared corpus)
 * @param text the passage
 * @param source the document and section, and the source named for the section's facts
 * @param score the hybrid (reciprocal rank fusion) score: orders results, not comparable across queries
 * @param similarity cosine similarity of the query and the passage (-1..1): comparable across queries, used for
 *        "is anything relevant at all"
 */
public record Passage(String documentId, boolean clinicDocument, String text, Source source, double score,
		double similarity) {

	/**
	 * @param title the document's title
	 * @param section the section heading ({@code ##}, with a {@code ###} subsection after " › ")
	 * @param url the source of the section's facts (the document's URL when the section names none)
	 * @param publisher who published the source (NHS, CDC...)
	 */
	public record Source(String title, String section, String url, String publisher) {
	}
}
