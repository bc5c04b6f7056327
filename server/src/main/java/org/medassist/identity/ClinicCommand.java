package org.medassist.identity;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.medassist.identity.internal.ClinicRegistry;
import org.medassist.platform.MedAssistException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medassist clinic create --slug S --name N --emergency-number E --admin USER}: the platform
 * administrator adds a clinic and its first clinic admin (one-time password printed once; MFA enrolment at
 * first login). Runs against the configured database, like the server.
 */
public final class ClinicCommand {

	private ClinicCommand() {
	}

	public static int run(String[] args, Supplier<ConfigurableApplicationContext> application, PrintStream out,
			PrintStream err) {
		if (args.length == 0 || !"create".equals(args[0])) {
			return usage(err, "unknown or missing subcommand");
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				return usage(err, "expected --option value, got '" + args[i] + "'");
			}
			options.put(args[i].substring(2), args[++i]);
		}
		for (String required : new String[] { "slug", "name", "emergency-number", "admin" }) {
			if (!options.containsKey(required)) {
				return usage(err, "--" + required + " is required");
			}
		}
		try (ConfigurableApplicationContext context = application.get()) {
			ClinicRegistry.NewClinic clinic = context.getBean(ClinicRegistry.class)
				.create(options.get("slug"), options.get("name"), options.get("emergency-number"), options.get("admin"));
			out.printf("Clinic '%s' created (%s).%n", clinic.slug(), clinic.id());
			out.printf("Clinic admin: %s, one-time password: %s%n", clinic.adminUsername(), clinic.oneTimePassword());
			out.println("Hand the password over securely; at first login the admin enrols an authenticator app.");
			return 0;
		}
		catch (MedAssistException e) {
			err.println("clinic: " + e.getMessage());
			return 1;
		}
	}

	private static int usage(PrintStream err, String problem) {
		err.println("clinic: " + problem);
		err.println("usage: medassist clinic create --slug S --name NAME --emergency-number N --admin USERNAME");
		return 2;
	}
}
