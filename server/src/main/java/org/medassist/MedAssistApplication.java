package org.medassist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * MedAssist: clinic pre-screening and triage assistant.
 *
 * <p>The command line is {@code medassist [serve|eval ...]}; see {@code bin/medassist} and README.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MedAssistApplication {

	public static void main(String[] args) throws java.io.IOException {
		String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
		String[] rest = args.length == 0 || args[0].startsWith("-") ? args
				: java.util.Arrays.copyOfRange(args, 1, args.length);
		switch (command) {
			case "serve" -> SpringApplication.run(MedAssistApplication.class, rest);
			case "eval" -> System.exit(EvalCommand.run(rest));
			case "bench" -> System.exit(rest.length > 0 && rest[0].equals("retrieval")
					? org.medassist.knowledge.RetrievalBenchmark.run(rest, System.out)
					: org.medassist.triage.EngineBenchmark.run(rest, System.out));
			case "kb" -> System.exit(org.medassist.triage.KnowledgeBaseCheck.run(rest, System.out, System.err));
			case "clinic" -> System.exit(org.medassist.identity.ClinicCommand.run(rest, MedAssistApplication::withoutWebServer,
					System.out, System.err));
			case "audit" -> System.exit(AuditCommand.run(rest, System.out, System.err));
			case "keys" -> System.exit(KeysCommand.run(rest, System.out, System.err));
			default -> {
				System.err.println("medassist: unknown command '" + command + "'. Commands: serve, eval, kb check, bench engine, bench retrieval,"
						+ " clinic create, audit verify, keys rotate|reencrypt|status|retire|rewrap");
				System.exit(2);
			}
		}
	}

	/** The application on the configured database, without its web server or the demo data: for commands. */
	static org.springframework.context.ConfigurableApplicationContext withoutWebServer() {
		return new org.springframework.boot.builder.SpringApplicationBuilder(MedAssistApplication.class)
			.web(org.springframework.boot.WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "logging.level.org.medassist=WARN", "spring.main.banner-mode=off")
			.run();
	}
}
