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
 * the protocol and the item at hand: a reason gets the best nurse-facing passage and the best passage of any
 * audience within the assessment's protocols, advice the best patient-facing passages of its protocol; the search
 * widens to the whole corpus only when the protocols have nothing. Citations are
 * added beside the knowledge base's own sources; the disposition, red flags and everything else are untouched.
 * Only the shared corpus is cited (its sources are named and reviewed); a clinic's own documents are not.
 */
@Service
public class AssessmentCitations {

	/** Citations per item, each from a different section. */
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
			reasons.add(r.withCitations(citations(r.text(), scope, Audience.CLINICIAN, true)));
		}
		List<Assessment.Advice> advice = new ArrayList<>();
		for (Assessment.Advice a : assessment.advice()) {
			List<String> scope = a.protocol() == null ? protocols : List.of(a.protocol());
			List<Assessment.CitedItem> cited = new ArrayList<>();
			for (String item : a.items()) {
				cited.add(new Assessment.CitedItem(item, citations(item, scope, Audience.PATIENT, false)));
			}
			advice.add(a.withCited(cited));
		}
		return assessment.withCitations(reasons, advice);
	}

	/**
	 * Reasons: the best nurse-facing passage of the protocols (the warning signs the nurse checks) and the best of
	 * any audience (usually the protocol's own "when to get help"). Advice: the best patient-facing passages of the
	 * protocol. When the protocols have nothing, the whole corpus is searched.
	 */
	private List<Assessment.GuidanceCitation> citations(String text, List<String> protocols, Audience preferred,
			boolean alsoAnyAudience) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Map<String, Assessment.GuidanceCitation> distinct = new LinkedHashMap<>();
		SearchRequest any = new SearchRequest(text, null, null, null, null, List.of(), PER_ITEM * 3);
		if (!protocols.isEmpty()) {
			add(distinct, search.search(any.withProtocols(protocols).withAudience(preferred)), alsoAnyAudience ? 1 : PER_ITEM);
			if (alsoAnyAudience || distinct.isEmpty()) {
				add(distinct, search.search(any.withProtocols(protocols)), PER_ITEM - distinct.size());
			}
		}
		if (distinct.isEmpty()) {
			add(distinct, search.search(any.withAudience(preferred)), PER_ITEM);
		}
		if (distinct.isEmpty()) {
			add(distinct, search.search(any), PER_ITEM);
		}
		return List.copyOf(distinct.values());
	}

	/** Adds up to {@code n} passages from sections not cited yet. */
	private static void add(Map<String, Assessment.GuidanceCitation> distinct, List<Passage> found, int n) {
		int added = 0;
		for (Passage p : found) {
			if (added >= n) {
				return;
			}
			if (distinct.putIfAbsent(p.documentId() + "#" + p.source().section(), new Assessment.GuidanceCitation(
					p.documentId(), p.source().title(), p.source().section(), p.source().url(),
					p.source().publisher())) == null) {
				added++;
			}
		}
	}
}
