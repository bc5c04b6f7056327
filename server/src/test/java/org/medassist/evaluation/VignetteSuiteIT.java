package org.medassist.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medassist.MedAssistApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vignette suites through the real engine and the real consultation service, in both modes. Reports are
 * written to {@code target/eval/}; the held-out part (never tuned against) is reported, not asserted.
 *
 * <p>On the tuned part this asserts what the engine has reached, as a ratchet that only moves up: every
 * emergency found and no more than {@link #MAX_UNSAFE} unsafe results in either mode, and accuracy of at least
 * {@link #MIN_ACCURACY}. With knowledge base 0.10.0 and the engine of 2026-11-25 (round 9) this test's engine
 * measured, on the 1,114 tuned cases, 90.4% (full) and 89.4% (interview) by {@code EngineProbe}, every emergency found
 * and no unsafe result; the constants sit under that. (The 840 cases added since 0.5.0 were written, 40 at a time, to
 * probe areas or styles the engine had not met, and measured before each was worked on. The style batches of rounds
 * 8 and 9 are run told whole only: see {@link #theStyleBatchesToldWholeFindEveryEmergency}.)
 */
class VignetteSuiteIT {

	private static final Path SUITES = Path.of("../eval/vignettes");

	static final int MAX_UNSAFE = 0;
	static final double MIN_ACCURACY = 0.89;
	/** Under the lowest of the style batches told whole (tuned-carers, 85.0 %, by EngineProbe in round 9). */
	static final double MIN_BATCH_ACCURACY = 0.84;

	private static ConfigurableApplicationContext context;
	private static EvaluationHarness harness;

	@BeforeAll
	static void start() throws IOException {
		Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "eval-");
		context = new SpringApplicationBuilder(MedAssistApplication.class).web(WebApplicationType.NONE)
			.properties("medassist.data=" + data, "medassist.demo=true", "logging.level.org.medassist=WARN")
			.run();
		harness = context.getBean(EvaluationHarness.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@ParameterizedTest(name = "tuned suite, {0} mode")
	@ValueSource(strings = { "full", "interview" })
	void theTunedSuiteFindsEveryEmergencyAndHoldsItsAccuracy(String mode) throws IOException {
		EvaluationReport report = run("tuned", mode);

		assertThat(report.summary().cases()).isGreaterThanOrEqualTo(150);
		assertThat(report.cases()).allSatisfy(c -> assertThat(c.error()).as(c.id()).isNull());
		assertThat(report.summary().emergencySensitivity()).as("emergency sensitivity").isEqualTo(1.0);
		assertThat(report.summary().unsafe()).as("unsafe (two or more levels under)").isLessThanOrEqualTo(MAX_UNSAFE);
		assertThat(report.summary().accuracy()).as("accuracy").isGreaterThanOrEqualTo(MIN_ACCURACY);
	}

	/**
	 * The batches written in rounds 8 and 9 in a style rather than an area (long stories, the English of learners,
	 * carers' stories, whose symptom and when), tuned against but not yet in the tuned suite: in interview mode some
	 * of their emergencies are still missed, because the simulated patient never gives the sentence that tells them
	 * (reported here). Told whole, they must find every emergency, with no unsafe result and at least
	 * {@link #MIN_BATCH_ACCURACY} right.
	 */
	@ParameterizedTest(name = "{0}, told whole")
	@ValueSource(strings = { "tuned-stories", "tuned-learners", "tuned-carers", "tuned-attribution" })
	void theStyleBatchesToldWholeFindEveryEmergency(String batch) throws IOException {
		EvaluationReport full = run(batch, "full");
		EvaluationReport interview = run(batch, "interview");

		assertThat(full.summary().cases()).isGreaterThanOrEqualTo(14);
		assertThat(full.cases()).allSatisfy(c -> assertThat(c.error()).as(c.id()).isNull());
		assertThat(interview.cases()).allSatisfy(c -> assertThat(c.error()).as(c.id()).isNull());
		assertThat(full.summary().emergencySensitivity()).as("emergency sensitivity").isEqualTo(1.0);
		assertThat(full.summary().unsafe()).as("unsafe").isZero();
		assertThat(full.summary().accuracy()).as("accuracy").isGreaterThanOrEqualTo(MIN_BATCH_ACCURACY);
	}

	@ParameterizedTest(name = "held-out suite, {0} mode")
	@ValueSource(strings = { "full", "interview" })
	void theHeldOutSuiteIsReported(String mode) throws IOException {
		EvaluationReport report = run("heldout", mode);

		assertThat(report.summary().cases()).isGreaterThanOrEqualTo(50);
		assertThat(report.cases()).allSatisfy(c -> assertThat(c.error()).as(c.id()).isNull());
	}

	private static EvaluationReport run(String suite, String mode) throws IOException {
		List<Vignette> vignettes = harness.read(SUITES.resolve(suite + ".jsonl"));
		long started = System.nanoTime();
		EvaluationReport report = harness.run(vignettes, mode.equals("interview"));
		Path out = Files.createDirectories(Path.of("target", "eval")).resolve(suite + "-" + mode + ".json");
		Files.writeString(out, harness.toJson(report));
		System.out.printf("%s [%s, %s mode, %d s]%n", report.summaryLine(), suite, mode,
				(System.nanoTime() - started) / 1_000_000_000);
		return report;
	}
}
