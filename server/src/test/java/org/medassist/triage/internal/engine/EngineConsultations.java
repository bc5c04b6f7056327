package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.internal.KnowledgeBaseFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consultations with the engine, for tests: the opening message, then every question answered by its id from the
 * given pairs, or else with a default reply. The real engine (bundled knowledge base and embedding model) is loaded
 * once for all the tests that use it; {@link #consult}, {@link #assess} and the like consult it without naming it,
 * and {@link #redFlagIds} and the like list the ids an assessment holds.
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

	/** A consultation with the bundled engine; every question not in {@code answers} is answered "I'm not sure". */
	static Run consult(String opening, String... answers) {
		return run(bundledEngine(), opening, answers);
	}

	/** A consultation with the bundled engine; every question not in {@code answers} is answered {@code otherwise}. */
	static Run consultOtherwise(String opening, String otherwise, String... answers) {
		return run(bundledEngine(), opening, otherwise, answers);
	}

	/**
	 * A consultation with the bundled engine; the listed questions get the given answers and every other one "no",
	 * as a patient without the other problems would answer.
	 */
	static Run consultAnsweringNo(String opening, String... answers) {
		return consultOtherwise(opening, "no", answers);
	}

	/** The bundled engine's assessment; every question not in {@code answers} is answered "I'm not sure". */
	static Assessment assess(String opening, String... answers) {
		return consult(opening, answers).assessment();
	}

	/** The bundled engine's assessment; every question not in {@code answers} is answered {@code otherwise}. */
	static Assessment assessOtherwise(String opening, String otherwise, String... answers) {
		return consultOtherwise(opening, otherwise, answers).assessment();
	}

	/** The bundled engine's assessment; the listed questions get the given answers and every other one "no". */
	static Assessment assessAnsweringNo(String opening, String... answers) {
		return consultAnsweringNo(opening, answers).assessment();
	}

	/** The bundled engine's disposition; every question not in {@code answers} is answered "I'm not sure". */
	static Disposition disposition(String opening, String... answers) {
		return assess(opening, answers).disposition();
	}

	/** The bundled engine's assessment of the opening message alone: it must conclude without a question. */
	static Assessment openingAlone(String opening) {
		Interviewer.Decision d = bundledEngine().next(List.of(new Interviewer.Turn(Interviewer.OPENING, opening)), "911");
		assertThat(d).as(opening).isInstanceOf(Interviewer.Conclude.class);
		return ((Interviewer.Conclude) d).assessment();
	}

	/** The ids of the red flags that fired. */
	static List<String> redFlagIds(Assessment a) {
		return a.redFlags().stream().map(Assessment.RedFlagHit::id).toList();
	}

	/** The ids of the findings present. */
	static List<String> presentIds(Assessment a) {
		return a.present().stream().map(Assessment.FindingNote::id).toList();
	}

	/** The ids of the findings absent. */
	static List<String> absentIds(Assessment a) {
		return a.absent().stream().map(Assessment.FindingNote::id).toList();
	}

	/** The rule of each reason, in order. */
	static List<String> ruleIds(Assessment a) {
		return a.reasons().stream().map(Assessment.Reason::rule).toList();
	}
}
