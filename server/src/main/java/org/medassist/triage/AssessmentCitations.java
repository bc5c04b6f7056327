package org.medassist.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medassist.knowledge.Audience;
import org.medassist.knowledge.GuidanceSearch;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;
import org.springframework.stereotype.Service;

/**
 * Gives every reason and every piece of advice of an assessment its guideline citations, chosen by retrieval for
 * the protocol and the item at hand: reasons from the nurse-facing documents first, advice from the patient-facing
 * ones, each within the assessment's protocols, widening the search only when nothing is found. Citations are
 * added beside the knowledge base's own sources; the disposition, red flags and everything else are untouched.
 * Only the shared corpus is cited (its sources are named and reviewed); a clinic's own documents are not.
 */
@Service
public class AssessmentCitations {

	/** Citations per item: the two best passages from different sections. */
	static final int PER_ITEM = 2;

	private final GuidanceSearch search;

	public AssessmentCitations(GuidanceSearch search) {
		this.search = search;
	}

	public Assessment cite(Assessment assessment) {
		List<String> protocols = assessment.protocols() == null ? List.of() : assessment.protocols();
		List<Assessment.Reason> reasons = new ArrayList<>();
		for (Assessment.Reason r : assessment.reasons()) {
			List<String> scope = protocols.contains(r.rule()) ? List.of(r.rule()) : protocols;
			reasons.add(r.withCitations(citations(r.text(), scope, Audience.CLINICIAN)));
		}
		List<Assessment.Advice> advice = new ArrayList<>();
		for (Assessment.Advice a : assessment.advice()) {
			List<String> scope = a.protocol() == null ? protocols : List.of(a.protocol());
			List<Assessment.CitedItem> cited = new ArrayList<>();
			for (String item : a.items()) {
				cited.add(new Assessment.CitedItem(item, citations(item, scope, Audience.PATIENT)));
			}
			advice.add(a.withCited(cited));
		}
		return assessment.withCitations(reasons, advice);
	}

	/** The preferred audience within the protocols, then any audience, then the whole corpus. */
	private List<Assessment.GuidanceCitation> citations(String text, List<String> protocols, Audience preferred) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<SearchRequest> attempts = new ArrayList<>();
		SearchRequest any = new SearchRequest(text, null, null, null, null, List.of(), PER_ITEM * 3);
		if (!protocols.isEmpty()) {
			attempts.add(any.withProtocols(protocols).withAudience(preferred));
			attempts.add(any.withProtocols(protocols));
		}
		attempts.add(any.withAudience(preferred));
		attempts.add(any);
		for (SearchRequest request : attempts) {
			List<Passage> found = search.search(request);
			if (!found.isEmpty()) {
				Map<String, Assessment.GuidanceCitation> distinct = new LinkedHashMap<>();
				for (Passage p : found) {
					distinct.putIfAbsent(p.documentId() + "#" + p.source().section(),
							new Assessment.GuidanceCitation(p.documentId(), p.source().title(), p.source().section(),
									p.source().url(), p.source().publisher()));
				}
				return distinct.values().stream().limit(PER_ITEM).toList();
			}
		}
		return List.of();
	}
}
