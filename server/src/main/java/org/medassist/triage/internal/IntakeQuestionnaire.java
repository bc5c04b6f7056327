package org.medassist.triage.internal;

import java.util.List;

import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.Question;
import org.medassist.triage.TriageEngine;

/**
 * The placeholder engine: a fixed intake of three questions whose answers go to the nurse. It makes no
 * clinical judgement and shows none: its conclusion carries no disposition and says so, and every step
 * reminds the patient of the emergency number.
 */
class IntakeQuestionnaire implements TriageEngine {

	static final String VERSION = "intake-questionnaire/0.1.0";

	private static final List<Question> QUESTIONS = List.of(
			new Question("main-concern", "In your own words, what is the main problem that brings you here today?",
					List.of()),
			new Question("onset", "When did it start?",
					List.of("Today", "1 to 3 days ago", "4 to 14 days ago", "More than 2 weeks ago", "I'm not sure")),
			new Question("anything-else",
					"Is there anything else the nurse should know, such as medicines you take or conditions you have?",
					List.of("No, that's all")));

	@Override
	public String version() {
		return VERSION;
	}

	@Override
	public InterviewStep next(Interview interview) {
		int answered = interview.exchanges().size();
		if (answered < QUESTIONS.size()) {
			List<String> preface = answered == 0 ? List.of() : List.of("Thank you.");
			return new InterviewStep.Ask(preface, QUESTIONS.get(answered));
		}
		return new InterviewStep.Conclude(false, null, List.of(
				"Thank you. I have passed your answers to the clinic's nurse, who will review them and contact you.",
				"This version of the assistant has not assessed your symptoms and gives no advice about them: the"
						+ " nurse decides what happens next.",
				"If you feel worse while you wait, or you think this may be an emergency, call "
						+ interview.emergencyNumber() + " now."));
	}
}
