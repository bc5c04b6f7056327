package org.medassist.knowledge;

import java.util.List;

import org.medassist.identity.ClinicId;

/**
 * A retrieval request. Every filter is optional ({@code null}: no filter).
 *
 * @param query the question, as typed; any characters (it is never parsed as Lucene syntax)
 * @param clinic the caller's clinic: its own documents are searched with the shared corpus; {@code null} searches
 *        the shared corpus only
 * @param audience only documents for this audience
 * @param ageGroup only documents for this age group or for all ages
 * @param language only documents in this language (BCP 47, e.g. {@code en})
 * @param protocols only documents related to one of these triage protocol ids
 * @param limit how many passages (1-50)
 */
public record SearchRequest(String query, ClinicId clinic, Audience audience, AgeGroup ageGroup, String language,
		List<String> protocols, int limit) {

	public SearchRequest {
		query = query == null ? "" : query;
		protocols = protocols == null ? List.of() : List.copyOf(protocols);
		limit = Math.max(1, Math.min(limit, 50));
	}

	public static SearchRequest of(String query, int limit) {
		return new SearchRequest(query, null, null, null, null, List.of(), limit);
	}

	public SearchRequest withProtocols(List<String> ids) {
		return new SearchRequest(query, clinic, audience, ageGroup, language, ids, limit);
	}

	public SearchRequest withAudience(Audience a) {
		return new SearchRequest(query, clinic, a, ageGroup, language, protocols, limit);
	}
}
