package org.medassist.triage.internal;

import java.util.List;

import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.Question;
import org.medassist.triage.TriageEngine;
import org.medassist.triage.internal.engine.Interviewer;

/** The clinical triage engine behind the module's API: the {@link Interviewer} over the knowledge base. */
final class ClinicalTriageEngine implements TriageEngine {

	private final Interviewer interviewer;

	ClinicalTriageEngine(Interviewer interviewer) {
		this.interviewer = interviewer;
	}

	@Override
	public String version() {
		return Interviewer.VERSION + " kb/" + interviewer.knowledgeBase().version();
	}

	@Override
	public InterviewStep next(Interview interview) {
		if (interview.exchanges().isEmpty()) {
			return ask(interviewer.opening(interview.language()));
		}
		List<Interviewer.Turn> turns = interview.exchanges()
			.stream()
			.map(e -> new Interviewer.Turn(e.question() == null ? null : e.question().id(), e.answer()))
			.toList();
		Interviewer.Decision decision = interviewer.next(turns, interview.emergencyNumber(), interview.language());
		if (decision instanceof Interviewer.Ask ask) {
			return ask(ask);
		}
		Interviewer.Conclude conclude = (Interviewer.Conclude) decision;
		return new InterviewStep.Conclude(conclude.escalated(), conclude.assessment().disposition(),
				conclude.messages(), conclude.assessment());
	}

	private static InterviewStep.Ask ask(Interviewer.Ask ask) {
		return new InterviewStep.Ask(List.of(), new Question(ask.questionId(), ask.text(), ask.options()));
	}
}
