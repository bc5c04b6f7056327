package org.medassist.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ScriptedTriageEngine;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness through the real consultation service, with the scripted engine (each vignette's text names its
 * outcome): cases run several at a time, and the report still pairs each case with its own outcome, in the file's
 * order, and scores them.
 */
class EvaluationHarnessTest extends ApplicationTest {

	private static final List<String> LEVELS = List.of("EMERGENCY", "URGENT", "ROUTINE", "SELF_CARE");

	@Autowired
	EvaluationHarness harness;

	@Test
	void casesRunTogetherAreReportedInTheFilesOrderEachWithItsOwnOutcome() {
		List<Vignette> vignettes = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String outcome = LEVELS.get((i * 7) % 4);
			// Every fifth case is expected one level higher than its outcome: under-triaged.
			String expected = i % 5 == 0 && !outcome.equals("EMERGENCY") ? LEVELS.get(LEVELS.indexOf(outcome) - 1) : outcome;
			vignettes.add(new Vignette("h" + i, ScriptedTriageEngine.ASSESSMENT_PREFIX + outcome, expected, 40.0, "female"));
		}

		EvaluationReport report = harness.run(vignettes, false);

		assertThat(report.cases()).extracting(EvaluationReport.CaseResult::id)
			.containsExactlyElementsOf(vignettes.stream().map(Vignette::id).toList());
		for (int i = 0; i < vignettes.size(); i++) {
			EvaluationReport.CaseResult result = report.cases().get(i);
			assertThat(result.error()).as(result.id()).isNull();
			assertThat(result.actual()).as(result.id()).isEqualTo(vignettes.get(i).text().substring(ScriptedTriageEngine.ASSESSMENT_PREFIX.length()));
		}
		long under = vignettes.stream().filter(v -> !v.text().endsWith(v.expected())).count();
		assertThat(under).isPositive();
		assertThat(report.summary().underTriage()).isEqualTo((int) under);
		assertThat(report.summary().correct()).isEqualTo(vignettes.size() - (int) under);
	}
}
