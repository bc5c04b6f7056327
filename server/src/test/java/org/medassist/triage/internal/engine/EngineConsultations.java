package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.medassist.triage.Assessment;
import org.medassist.triage.internal.KnowledgeBaseFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consultations with the engine, for tests: the opening message, then every question answered by its id from the
 * given pairs, or else with a default reply. The real engine (bundled knowledge base and embedding model) is loaded
 * once for all the tests that use it.
 */
final class EngineConsultations {

	static final String NOT_SURE = "I'm not sure";

	private static Interviewer bundled;

	private EngineConsultations() {
	}

	/** The engine as in production: the bundled knowledge base and the bundled embedding model, loaded once. */
	static synchronized Interviewer bundledEngine() {
		if (bundled == null) {
			try {
				bundled = new Interviewer(new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled()), MiniLm.embeddings(), 0.8);
			}
			catch (Exception e) {
				throw new IllegalStateException("the bundled engine did not load", e);
			}
		}
		return bundled;
	}

	/** How a consultation ended, and the question ids asked on the way. */
	record Run(String opening, Interviewer.Decision end, List<String> asked) {

		Interviewer.Conclude conclusion() {
			assertThat(end).as(opening + " asked " + asked).isInstanceOf(Interviewer.Conclude.class);
			return (Interviewer.Conclude) end;
		}

		Assessment assessment() {
			return conclusion().assessment();
		}
	}

	/** {@code answers}: question id, reply, question id, reply... Any other question gets {@code otherwise}. */
	static Run run(Interviewer engine, String opening, String otherwise, String... answers) {
		List<Interviewer.Turn> turns = new ArrayList<>();
		List<String> asked = new ArrayList<>();
		turns.add(new Interviewer.Turn(Interviewer.OPENING, opening));
		Interviewer.Decision d = engine.next(turns, "911");
		for (int i = 0; i < 40 && d instanceof Interviewer.Ask ask; i++) {
			String reply = otherwise;
			for (int a = 0; a + 1 < answers.length; a += 2) {
				if (ask.questionId().equals(answers[a])) {
					reply = answers[a + 1];
				}
			}
			asked.add(ask.questionId());
			turns.add(new Interviewer.Turn(ask.questionId(), reply));
			d = engine.next(turns, "911");
		}
		return new Run(opening, d, asked);
	}

	/** Every question not in {@code answers} is answered "I'm not sure". */
	static Run run(Interviewer engine, String opening, String... answers) {
		return run(engine, opening, NOT_SURE, answers);
	}
}
