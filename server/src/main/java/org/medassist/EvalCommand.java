package org.medassist;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code medassist eval --vignettes FILE.jsonl [--mode full|interview] [--out REPORT.json]}.
 *
 * <p>The argument contract is fixed in the shared design notes; the harness itself (simulated patient
 * answering through the consultation service) arrives with the triage engine. Until then the command
 * checks its arguments and says plainly that it cannot evaluate, with a non-zero exit status, so that no
 * script mistakes it for a result.
 */
final class EvalCommand {

	static final int NOT_AVAILABLE = 3;

	private EvalCommand() {
	}

	static int run(String[] args) {
		Path vignettes = null;
		String mode = "full";
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (arg) {
				case "--vignettes" -> { vignettes = value == null ? null : Path.of(value); i++; }
				case "--mode" -> { mode = value; i++; }
				case "--out" -> i++;
				default -> { return usage("unknown argument '" + arg + "'"); }
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
		System.err.println("eval: the evaluation harness is not available in this build: it arrives with the"
				+ " triage engine. No case was run.");
		return NOT_AVAILABLE;
	}

	private static int usage(String problem) {
		System.err.println("eval: " + problem);
		System.err.println("usage: medassist eval --vignettes FILE.jsonl [--mode full|interview] [--out REPORT.json]");
		return 2;
	}
}
