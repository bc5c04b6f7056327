package org.medassist.consultation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.medassist.identity.ClinicId;
import org.medassist.knowledge.Audience;
import org.medassist.knowledge.GuidanceSearch;
import org.medassist.knowledge.Passage;
import org.medassist.knowledge.SearchRequest;
import org.medassist.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Answers a patient's own question during the interview ("can I take ibuprofen?", "is this contagious?") with
 * patient-facing guideline passages of the shared corpus and the clinic's documents, quoted as written with their
 * source, or says that the nurse will see the question when no passage is similar enough. Nothing is composed.
 * The message still goes to the triage engine as usual; these answers come in addition.
 *
 * <p>Only questions are answered, not replies to the engine's own questions: a message is a question when it ends
 * with "?" or opens like one ("can I...", "is this...", "what should..."), and is not one of the offered answers or
 * a yes/no/unsure reply.
 */
@Component
class GuidanceAnswers {

	private static final Logger log = LoggerFactory.getLogger(GuidanceAnswers.class);

	/** At most this many passages per question: enough to answer, few enough to read in a chat. */
	static final int MAX_PASSAGES = 2;

	private static final Pattern REPLY = Pattern.compile(
			"^(yes|yeah|yep|yup|no|nope|nah|not really|not sure|i'?m not sure|i am not sure|maybe|i don'?t know|dunno|ok|okay)\\b.*");

	private static final Pattern QUESTION_OPENING = Pattern.compile(
			"^((can|could|should|shall|may|might|must|is|are|am|do|does|did|will|would)\\s+(i|you|it|this|that|these|those|my|he|she|we|they|the|a|an|there)\\b"
					+ "|(what|how|when|why|where|which|who)\\s+(can|could|should|shall|is|are|am|do|does|did|will|would|much|many|long|often|soon)\\b).*");

	private final GuidanceSearch search;

	private final MessageSource texts;

	GuidanceAnswers(GuidanceSearch search, MessageSource texts) {
		this.search = search;
		this.texts = texts;
	}

	/**
	 * @param options the quick replies of the engine's question this message answers (none: empty)
	 */
	static boolean isQuestion(String message, List<String> options) {
		String text = message.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
		if (text.isEmpty()) {
			return false;
		}
		for (String option : options) {
			if (text.equalsIgnoreCase(option.strip())) {
				return false;
			}
		}
		if (REPLY.matcher(text).matches()) {
			return false;
		}
		return text.endsWith("?") || QUESTION_OPENING.matcher(text).matches();
	}

	/** The messages answering the question (quoted passages, or that the nurse will see it). */
	List<String> answer(String question, ClinicId clinic, String language) {
		Locale locale = Locale.forLanguageTag(language);
		List<Passage> found;
		try {
			found = search.search(new SearchRequest(question, clinic, Audience.PATIENT, null, language, List.of(),
					MAX_PASSAGES * 3));
		}
		catch (RuntimeException e) {
			// No guidance at the moment: the nurse sees the question; the interview goes on.
			log.warn("Guideline search failed for a patient's question: {}", Problems.describeWithoutMessages(e));
			found = List.of();
		}
		List<String> out = new ArrayList<>();
		Set<String> sections = new HashSet<>();
		for (Passage p : found) {
			if (p.similarity() < search.answerThreshold() || out.size() == MAX_PASSAGES
					|| !sections.add(p.documentId() + "#" + p.source().section())) {
				continue;
			}
			out.add(texts.getMessage("guidance.quote", new Object[] { p.text(), p.source().title(), p.source().section(),
					p.source().url() == null ? p.source().title() : p.source().url() }, locale));
		}
		if (out.isEmpty()) {
			out.add(texts.getMessage("guidance.none", null, locale));
		}
		return out;
	}
}
