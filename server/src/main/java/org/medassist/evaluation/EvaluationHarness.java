package org.medassist.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.Consultations;
import org.medassist.consultation.PatientMessage;
import org.medassist.consultation.StartedConsultation;
import org.medassist.consultation.TurnListener;
import org.medassist.consultation.TurnView;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs vignettes through {@link Consultations}, exactly as a patient's chat would (start, consent, messages),
 * with a {@link SimulatedPatient}, and scores the outcome.
 */
@Service
public class EvaluationHarness {

	static final int MAX_QUESTIONS = 30;

	private final Consultations consultations;
	private final JsonMapper json;
	/** The simulated patient's model, loaded on first use: most contexts never evaluate anything. */
	private AllMiniLmL6V2EmbeddingModel model;
	private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

	EvaluationHarness(Consultations consultations, JsonMapper json) {
		this.consultations = consultations;
		this.json = json;
	}

	public List<Vignette> read(Path file) throws IOException {
		List<Vignette> vignettes = new ArrayList<>();
		int line = 0;
		for (String row : Files.readAllLines(file)) {
			line++;
			if (row.isBlank()) {
				continue;
			}
			Vignette v = json.readValue(row, Vignette.class);
			if (v.id() == null || v.text() == null || v.text().isBlank() || v.expected() == null
					|| !List.of("EMERGENCY", "URGENT", "ROUTINE", "SELF_CARE", "NON_EMERGENCY").contains(v.expected())) {
				throw new IllegalArgumentException(file + " line " + line + ": needs id, text and a valid expected");
			}
			vignettes.add(v);
		}
		return vignettes;
	}

	/**
	 * Runs the vignettes, as many at once as there are processors: each is its own consultation (as concurrent
	 * patients' chats are), the engine is single-threaded per turn, so on two cores the suite takes about half the
	 * time. The report lists the cases in the file's order whatever order they finish in.
	 */
	public EvaluationReport run(List<Vignette> vignettes, boolean interviewMode) {
		SimulatedPatient.Mode mode = interviewMode ? SimulatedPatient.Mode.INTERVIEW : SimulatedPatient.Mode.FULL;
		int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), vignettes.size()));
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<EvaluationReport.CaseResult>> running = new ArrayList<>();
			for (Vignette v : vignettes) {
				running.add(pool.submit(() -> runOne(v, mode)));
			}
			List<EvaluationReport.CaseResult> results = new ArrayList<>();
			for (Future<EvaluationReport.CaseResult> r : running) {
				results.add(r.get());
			}
			return score(results);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("evaluation interrupted", e);
		}
		catch (ExecutionException e) {
			// runOne records a case's own failure as its error; anything escaping it is a fault of the harness.
			throw new IllegalStateException("evaluation failed", e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private EvaluationReport.CaseResult runOne(Vignette vignette, SimulatedPatient.Mode mode) {
		int questions = 0;
		try {
			SimulatedPatient patient = new SimulatedPatient(vignette, mode, this::embed);
			StartedConsultation started = consultations.start("demo", "en");
			ConsultationAccess caller = started.access();
			var id = caller.consultationId();
			consultations.consent(caller, id, true);
			TurnView turn = consultations.receive(caller, id,
					new PatientMessage(patient.opening(mode), java.util.UUID.randomUUID()), TurnListener.NONE);
			while (turn.status() == ConsultationStatus.IN_PROGRESS && turn.question() != null
					&& questions < MAX_QUESTIONS) {
				questions++;
				turn = consultations.receive(caller, id,
						new PatientMessage(patient.answer(turn.question()), java.util.UUID.randomUUID()),
						TurnListener.NONE);
			}
			ConsultationView view = consultations.view(caller, id);
			Disposition actual = view.disposition();
			List<String> flags = view.assessment() == null ? List.of()
					: view.assessment().redFlags().stream().map(Assessment.RedFlagHit::id).toList();
			String actualName = actual == null ? null : actual.name();
			return new EvaluationReport.CaseResult(vignette.id(), vignette.expected(), actualName,
					actual != null && correct(vignette.expected(), actual), questions, flags,
					actual == null ? "no disposition (status " + view.status() + ")" : null);
		}
		catch (RuntimeException e) {
			return new EvaluationReport.CaseResult(vignette.id(), vignette.expected(), null, false, questions, List.of(),
					e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	private float[] embed(String text) {
		return vectors.computeIfAbsent(text, t -> model().embed(t).content().vector());
	}

	private synchronized AllMiniLmL6V2EmbeddingModel model() {
		if (model == null) {
			model = new AllMiniLmL6V2EmbeddingModel();
		}
		return model;
	}

	static boolean correct(String expected, Disposition actual) {
		if (expected.equals("NON_EMERGENCY")) {
			return actual == Disposition.URGENT || actual == Disposition.ROUTINE;
		}
		return actual.name().equals(expected);
	}

	/** Levels below expected (positive = under-triage); NON_EMERGENCY counts as ROUTINE for safety figures. */
	static int shortfall(String expected, Disposition actual) {
		Disposition wanted = expected.equals("NON_EMERGENCY") ? Disposition.ROUTINE : Disposition.valueOf(expected);
		if (expected.equals("NON_EMERGENCY") && actual == Disposition.URGENT) {
			return 0;
		}
		return actual.ordinal() - wanted.ordinal();
	}

	static EvaluationReport score(List<EvaluationReport.CaseResult> results) {
		int correct = 0;
		int emergencies = 0;
		int detected = 0;
		int under = 0;
		int over = 0;
		int unsafe = 0;
		int questions = 0;
		for (var r : results) {
			questions += r.questions();
			correct += r.correct() ? 1 : 0;
			boolean emergency = r.expected().equals("EMERGENCY");
			emergencies += emergency ? 1 : 0;
			if (r.actual() == null) {
				continue;
			}
			Disposition actual = Disposition.valueOf(r.actual());
			detected += emergency && actual == Disposition.EMERGENCY ? 1 : 0;
			int shortfall = shortfall(r.expected(), actual);
			under += shortfall > 0 ? 1 : 0;
			unsafe += shortfall >= 2 ? 1 : 0;
			over += shortfall < 0 ? 1 : 0;
		}
		int n = results.size();
		var summary = new EvaluationReport.Summary(n, correct, n == 0 ? 0 : round((double) correct / n), emergencies,
				detected, emergencies == 0 ? 1.0 : round((double) detected / emergencies), under, over, unsafe,
				n == 0 ? 0 : Math.round(10.0 * questions / n) / 10.0);
		return new EvaluationReport(summary, results);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	public String toJson(EvaluationReport report) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
	}
}
