package org.medassist.identity.internal;

import java.io.PrintStream;

import org.medassist.platform.Installation;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the person who ran {@code bin/medassist serve} where MedAssist is and how to try it. Printed on
 * standard output, apart from the JSON log, so that a human can read it.
 */
@Component
class StartupBanner {

	private final Installation installation;
	private final Environment environment;

	StartupBanner(Installation installation, Environment environment) {
		this.installation = installation;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void print() {
		print(System.out);
	}

	void print(PrintStream out) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			return; // not serving HTTP (the evaluation harness, a command)
		}
		String base = "http://localhost:" + port;
		StringBuilder text = new StringBuilder()
			.append("\n=== MedAssist is ready ===\n")
			.append("  Patient chat:   ").append(base).append("/?clinic=demo\n")
			.append("  Nurse:          ").append(base).append("/nurse\n")
			.append("  Clinic admin:   ").append(base).append("/admin\n")
			.append("  API:            ").append(base).append("/api/v1\n")
			.append("  API docs:       ").append(base).append("/swagger-ui.html\n")
			.append("  Health:         ").append(base).append("/actuator/health\n")
			.append("  Database:       ")
			.append(installation.embeddedDatabase()
					? "embedded PostgreSQL in " + installation.dataDirectory().resolve("postgres")
					: "external PostgreSQL")
			.append('\n');
		if (installation.demo()) {
			text.append("  Demo clinics:   'demo' and 'other' (patient chat of 'other': ").append(base)
				.append("/?clinic=other)\n")
				.append("  Try it:         curl -s -X POST ").append(base)
				.append("/api/v1/consultations -H 'Content-Type: application/json' -d '{\"clinic\":\"demo\"}'\n")
				.append("  Staff logins:   POST ").append(base).append("/api/v1/auth/login with clinic, username, password, totp\n");
			for (DemoClinics.DemoLogin login : DemoClinics.LOGINS) {
				text.append(String.format("                  %-6s %-10s %-24s (%s)%n", login.clinicSlug(), login.username(),
						login.password(), login.chargeNurse() ? login.role() + ", in charge" : login.role()));
			}
			text.append("  Demo TOTP:      secret ").append(DemoClinics.DEMO_TOTP_SECRET)
				.append(" (add it to an authenticator app; demo mode only)\n");
		}
		out.println(text);
		out.flush();
	}
}
