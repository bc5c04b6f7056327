package org.medassist;

import java.io.PrintStream;
import java.util.List;

import org.medassist.identity.ClinicId;
import org.medassist.identity.ClinicNotFound;
import org.medassist.identity.Clinics;
import org.medassist.keys.KeyRotation;
import org.medassist.keys.KeysetChanged;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medassist keys rotate [--clinic SLUG]}: gives each clinic's keyset (or one clinic's) a new primary key.
 * New PHI is encrypted with it; older keys stay in the keyset and keep decrypting what they encrypted
 * (re-encrypting old values is not built yet). Each rotation is an audit record. Exit status 0, or 2 on bad
 * arguments or an unknown clinic.
 */
public final class KeysCommand {

	private KeysCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || !"rotate".equals(args[0]) || !(args.length == 1 || (args.length == 3
				&& "--clinic".equals(args[1])))) {
			err.println("usage: medassist keys rotate [--clinic SLUG]");
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedAssistApplication.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "logging.level.org.medassist=WARN", "spring.main.banner-mode=off")
			.run()) {
			return rotate(context, args.length == 3 ? args[2] : null, out, err);
		}
	}

	/** Rotates on a running application (tests call it on theirs); {@code clinicSlug} null means every clinic. */
	public static int rotate(ApplicationContext context, String clinicSlug, PrintStream out, PrintStream err) {
		Clinics clinics = context.getBean(Clinics.class);
		List<ClinicId> targets;
		if (clinicSlug == null) {
			targets = clinics.all();
		}
		else {
			var clinic = clinics.findBySlug(clinicSlug);
			if (clinic.isEmpty()) {
				err.println("keys: " + new ClinicNotFound(clinicSlug).getMessage());
				return 2;
			}
			targets = List.of(clinic.get().id());
		}
		KeyRotation rotation = context.getBean(KeyRotation.class);
		for (ClinicId clinic : targets) {
			KeysetChanged changed = rotation.rotate(clinic);
			out.printf("keys: clinic %s: keyset %s, primary key %d, %d key(s)%n", clinics.get(clinic).slug(),
					changed.change(), changed.primaryKeyId(), changed.keys());
		}
		return 0;
	}
}
