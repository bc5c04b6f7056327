package org.medassist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.medassist.audit.AuditTrail;
import org.medassist.audit.ChainReport;
import org.medassist.platform.MedAssistException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medassist audit verify [--clinic SLUG]}: walks the audit chains of the configured database (the
 * embedded one under {@code MEDASSIST_DATA}, which the server must not be using at the same time, or an external
 * one) against their checkpoints. Prints one line per chain; exit status 0 when every chain is intact, 1 when
 * one is broken (the line names the first broken record, or a checkpoint whose signature is missing or forged),
 * 2 on bad arguments, an unknown clinic, or a checkpoint-signing key that this master key does not open.
 * {@code medassist audit public-key [--out FILE]} prints (or writes) the checkpoints' verification key. {@code medassist audit public-key} prints the key that verifies the
 * checkpoints' signatures (PEM), for an auditor to keep.
 */
public final class AuditCommand {

	private AuditCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		boolean publicKey = args.length > 0 && "public-key".equals(args[0]);
		if (publicKey && !(args.length == 1 || (args.length == 3 && "--out".equals(args[1]) && !args[2].isBlank()))) {
			usage(err, "unexpected arguments");
			return 2;
		}
		Optional<Optional<String>> clinic = publicKey ? Optional.of(Optional.empty()) : parse(args, err);
		if (clinic.isEmpty()) {
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedAssistApplication.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "logging.level.org.medassist=WARN", "spring.main.banner-mode=off")
			.run()) {
			if (publicKey && args.length == 3) {
				// The console carries log lines too: a file holds the key alone.
				ByteArrayOutputStream pem = new ByteArrayOutputStream();
				int status = publicKey(context, new PrintStream(pem, true, StandardCharsets.US_ASCII));
				if (status == 0) {
					try {
						Files.write(Path.of(args[2]), pem.toByteArray());
					}
					catch (IOException e) {
						err.println("audit: cannot write " + args[2]);
						return 2;
					}
					out.println("audit: checkpoint verification key written to " + args[2]);
				}
				return status;
			}
			return publicKey ? publicKey(context, out) : verify(context, clinic.get(), out, err);
		}
	}

	/** Prints the checkpoint verification key (tests call it on their application). */
	public static int publicKey(ApplicationContext context, PrintStream out) {
		try {
			out.print(context.getBean(AuditTrail.class).checkpointPublicKey());
			return 0;
		}
		catch (MedAssistException e) {
			System.err.println("audit: " + e.getMessage());
			return 2;
		}
	}

	/** The verification itself, on a running application (tests call it on theirs). */
	public static int verify(ApplicationContext context, Optional<String> clinic, PrintStream out, PrintStream err) {
		try {
			List<ChainReport> reports = context.getBean(AuditTrail.class).verify(clinic);
			reports.forEach(report -> out.println(report.summary()));
			return reports.stream().allMatch(ChainReport::intact) ? 0 : 1;
		}
		catch (MedAssistException e) {
			err.println("audit: " + e.getMessage());
			return 2;
		}
	}

	/** The clinic option (empty inside: every chain), or empty on bad arguments. */
	static Optional<Optional<String>> parse(String[] args, PrintStream err) {
		if (args.length == 0 || !"verify".equals(args[0])) {
			return usage(err, args.length == 0 ? "a subcommand is required" : "unknown subcommand '" + args[0] + "'");
		}
		if (args.length == 1) {
			return Optional.of(Optional.empty());
		}
		if (args.length == 3 && "--clinic".equals(args[1]) && !args[2].isBlank()) {
			return Optional.of(Optional.of(args[2]));
		}
		return usage(err, "unexpected arguments");
	}

	private static Optional<Optional<String>> usage(PrintStream err, String problem) {
		err.println("audit: " + problem);
		err.println("usage: medassist audit verify [--clinic SLUG] | medassist audit public-key [--out FILE]");
		return Optional.empty();
	}
}
