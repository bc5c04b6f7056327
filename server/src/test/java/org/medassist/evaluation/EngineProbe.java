package org.medassist.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medassist.consultation.QuestionView;
import org.medassist.triage.Assessment;
import org.medassist.triage.internal.KnowledgeBaseFiles;
import org.medassist.triage.internal.engine.Embeddings;
import org.medassist.triage.internal.engine.Interviewer;
import org.medassist.triage.internal.engine.KnowledgeBaseLoader;
import org.medassist.triage.internal.engine.MiniLm;

/**
 * A developer's tool, not a test: runs a vignette file straight through the engine (no database) and prints
 * every case it gets wrong with what it understood. Run with
 * {@code mvn -pl server test -Dtest=EngineProbe -Dprobe=../eval/vignettes/tuned.jsonl [-Dmode=interview]}.
 * Only ever on the tuned suite: the held-out suite is not for tuning.
 */
@EnabledIfSystemProperty(named = "probe", matches = ".*tuned.*")
class EngineProbe {

	@Test
	void probe() throws Exception {
		Embeddings embeddings = MiniLm.embeddings();
		Interviewer engine = new Interviewer(new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled()), embeddings,
				Double.parseDouble(System.getProperty("threshold", "0.8")));
		Map<String, float[]> cache = new ConcurrentHashMap<>();
		boolean interview = "interview".equals(System.getProperty("mode"));
		var harness = new EvaluationHarness(null, tools.jackson.databind.json.JsonMapper.builder().build());
		List<EvaluationReport.CaseResult> results = new ArrayList<>();
		for (Vignette v : harness.read(Path.of(System.getProperty("probe")))) {
			SimulatedPatient.Mode mode = interview ? SimulatedPatient.Mode.INTERVIEW : SimulatedPatient.Mode.FULL;
			SimulatedPatient patient = new SimulatedPatient(v, mode, t -> cache.computeIfAbsent(t, embeddings::embed));
			List<Interviewer.Turn> turns = new ArrayList<>();
			List<String> dialogue = new ArrayList<>();
			turns.add(new Interviewer.Turn(null, patient.opening(mode)));
			Interviewer.Decision d = engine.next(turns, "911");
			while (d instanceof Interviewer.Ask ask && turns.size() < 31) {
				String answer = patient.answer(new QuestionView(ask.questionId(), ask.text(), ask.options()));
				dialogue.add(ask.questionId() + " -> " + answer);
				turns.add(new Interviewer.Turn(ask.questionId(), answer));
				d = engine.next(turns, "911");
			}
			Assessment a = ((Interviewer.Conclude) d).assessment();
			boolean correct = EvaluationHarness.correct(v.expected(), a.disposition());
			results.add(new EvaluationReport.CaseResult(v.id(), v.expected(), a.disposition().name(), correct,
					turns.size() - 1, a.redFlags().stream().map(Assessment.RedFlagHit::id).toList(), null));
			if (!correct) {
				System.out.printf("%n%s expected %s got %s (%s)%n  %s%n  present %s%n  absent %s%n  unsure %s%n  measures %s%n  protocols %s%n  reasons %s%n  asked %s%n",
						v.id(), v.expected(), a.disposition(), EvaluationHarness.shortfall(v.expected(), a.disposition()) > 0 ? "UNDER" : "over",
						v.text(), ids(a.present()), ids(a.absent()), ids(a.unknown()), a.measurements(), a.protocols(),
						a.reasons().stream().map(r -> r.rule() + "=" + r.disposition()).toList(), dialogue);
			}
		}
		System.out.println(EvaluationHarness.score(results).summaryLine());
	}

	private static List<String> ids(List<Assessment.FindingNote> notes) {
		return notes.stream().map(Assessment.FindingNote::id).toList();
	}

}
