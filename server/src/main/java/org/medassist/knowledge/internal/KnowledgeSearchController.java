package org.medassist.knowledge.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.ClinicScoped;
import org.medassist.identity.StaffMember;
import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;
import org.medassist.knowledge.GuidanceSearch;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/knowledge/search}. Staff (nurses, physicians, clinic admins) search the shared corpus and
 * their own clinic's documents, for any audience. A patient, with their consultation token, searches the same
 * for their consultation's clinic but only patient-facing documents. Nothing is generated: passages are quoted.
 */
@RestController
@Tag(name = "Guideline knowledge")
class KnowledgeSearchController {

	static final int MAX_QUERY = 1000;

	private final GuidanceSearch search;

	KnowledgeSearchController(GuidanceSearch search) {
		this.search = search;
	}

	/**
	 * The answer: passages quoted from guidance, labelled as such. The note is our fixed label text; the query is
	 * what the caller typed (a patient may type anything), so it is treated as PHI.
	 */
	record SearchResponse(@Classification(Level.RESTRICTED) String query, @Classification(Level.PUBLIC) String note,
			List<Result> results) {
	}

	record Result(String documentId, String text, Passage.Source source, boolean clinicDocument, double score,
			double similarity) {
	}

	@GetMapping("/api/v1/knowledge/search")
	@Operation(summary = "Guideline passages for a question, with their sources",
			security = @SecurityRequirement(name = "bearer"))
	SearchResponse search(@AuthenticationPrincipal ClinicScoped caller, @RequestParam(required = false) String q,
			@RequestParam(required = false) String audience, @RequestParam(required = false) String ageGroup,
			@RequestParam(required = false) String language, @RequestParam(required = false) List<String> protocol,
			@RequestParam(required = false, defaultValue = "5") String limit) {
		if (q == null || q.isBlank()) {
			throw new InvalidGuidanceDocument("invalid-search", "'q' is required: the question to search for.");
		}
		if (q.length() > MAX_QUERY) {
			throw new InvalidGuidanceDocument("invalid-search", "'q' may have at most " + MAX_QUERY + " characters.");
		}
		Audience a = null;
		if (audience != null && !audience.isBlank()) {
			a = Audience.parse(audience);
			if (a == null) {
				throw new InvalidGuidanceDocument("invalid-search", "'audience' must be patient or clinician.");
			}
		}
		if (!(caller instanceof StaffMember)) {
			a = Audience.PATIENT; // a patient reads patient-facing guidance only
		}
		AgeGroup age = null;
		if (ageGroup != null && !ageGroup.isBlank()) {
			age = AgeGroup.parse(ageGroup);
			if (age == null) {
				throw new InvalidGuidanceDocument("invalid-search",
						"'ageGroup' must be all, adult, child, infant or older-adult.");
			}
		}
		int n;
		try {
			n = Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException e) {
			n = -1;
		}
		if (n < 1 || n > 50) {
			throw new InvalidGuidanceDocument("invalid-search", "'limit' must be a number from 1 to 50.");
		}
		List<String> protocols = protocol == null ? List.of()
				: protocol.stream().flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip)
					.filter(p -> !p.isEmpty()).toList();
		List<Passage> passages = search.search(new SearchRequest(q, caller.clinicId(), a, age,
				language == null || language.isBlank() ? null : language, protocols, n));
		return new SearchResponse(q,
				"Passages quoted from guidance documents, selected automatically; not written by MedAssist.",
				passages.stream().map(p -> new Result(p.documentId(), p.text(), p.source(), p.clinicDocument(),
						p.score(), p.similarity())).toList());
	}
}
