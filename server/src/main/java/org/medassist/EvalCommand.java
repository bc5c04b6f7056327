package org.medassist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.medassist.evaluation.EvaluationHarness;
import org.medassist.evaluation.EvaluationReport;
import org.medassist.evaluation.Vignette;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medassist eval --vignettes FILE.jsonl [--mode full|interview] [--out REPORT.json]}: runs the cases
 * through the consultation service (on a throw-away embedded database unless one is configured) and prints
 * the summary line. Exit status 0 when every case ran, 1 when some failed to run, 2 on bad arguments.
 */
final class EvalCommand {

	private EvalCommand() {
	}

	static int run(String[] args) {
		Path vignettes = null;
		Path out = null;
		String mode = "full";
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--vignettes" -> { vignettes = value == null ? null : Path.of(value); i++; }
				case "--mode" -> { mode = value; i++; }
				case "--out" -> { out = value == null ? null : Path.of(value); i++; }
				default -> { return usage("unknown argument '" + args[i] + "'"); }
			}
		}
		if (vignettes == null) {
			return usage("--vignettes FILE.jsonl is required");
		}
		if (!"full".equals(mode) && !"interview".equals(mode)) {
			return usage("--mode must be 'full' or 'interview'");
		}
		if (!Files.isReadable(vignettes)) {
			return usage("cannot read " + vignettes);
		}
		Path data;
		try {
			data = Files.createTempDirectory("medassist-eval-");
		}
		catch (IOException e) {
			System.err.println("eval: " + e.getMessage());
			return 2;
		}
		try (ConfigurableApplicationContext context = start(data)) {
			EvaluationHarness harness = context.getBean(EvaluationHarness.class);
			List<Vignette> cases = harness.read(vignettes);
			EvaluationReport report = harness.run(cases, mode.equals("interview"));
			System.out.println(report.summaryLine());
			if (out != null) {
				Files.writeString(out, harness.toJson(report));
			}
			return report.cases().stream().anyMatch(c -> c.error() != null) ? 1 : 0;
		}
		catch (IOException | IllegalArgumentException e) {
			System.err.println("eval: " + e.getMessage());
			return 2;
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(data.toFile());
		}
	}

	/** MedAssist without its web server; the embedded database lives in a temporary directory. */
	static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(MedAssistApplication.class).web(WebApplicationType.NONE)
			.properties("medassist.data=" + data, "medassist.demo=true", "logging.level.root=WARN",
					"logging.level.org.medassist=WARN", "spring.main.banner-mode=off")
			.run();
	}

	private static int usage(String problem) {
		System.err.println("eval: " + problem);
		System.err.println("usage: medassist eval --vignettes FILE.jsonl [--mode full|interview] [--out REPORT.json]");
		return 2;
	}
}
