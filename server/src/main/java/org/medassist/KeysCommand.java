package org.medassist;

import java.io.PrintStream;
import java.util.List;

import org.medassist.identity.ClinicId;
import org.medassist.identity.ClinicNotFound;
import org.medassist.identity.Clinics;
import org.medassist.keys.KeyRetired;
import org.medassist.keys.KeyRetirementRefused;
import org.medassist.keys.KeyRotation;
import org.medassist.keys.KeyUsage;
import org.medassist.keys.KeysetChanged;
import org.medassist.keys.MasterKeyChange;
import org.medassist.keys.MasterKeyChangeRefused;
import org.medassist.keys.MasterKeyChanged;
import org.medassist.keys.Reencryption;
import org.medassist.keys.ReencryptionRun;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code medassist keys rotate|reencrypt|status [--clinic SLUG]} and {@code medassist keys retire --clinic SLUG
 * --key ID}. Rotation gives each clinic's keyset (or one clinic's) a new primary key; the servers then re-encrypt
 * older values in the background, and {@code reencrypt} does it at once. {@code status} shows each key and how
 * many stored values it encrypts. {@code retire} destroys an old key and refuses while anything uses it. Each
 * operation is an audit record. {@code rewrap --new-master-key FILE} changes the master key (stop the servers first,
 * then start them with the new key). Exit status 0; 1 when a retirement is refused or values remain; 2 on bad
 * arguments or an unknown clinic.
 */
public final class KeysCommand {

	private static final String USAGE = "usage: medassist keys rotate|reencrypt|status [--clinic SLUG]\n"
			+ "       medassist keys retire --clinic SLUG --key ID\n"
			+ "       medassist keys rewrap --new-master-key FILE";

	private KeysCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		String command = args.length == 0 ? "" : args[0];
		String clinic = null;
		Integer key = null;
		String newMasterKey = null;
		for (int i = 1; i < args.length; i += 2) {
			if (i + 1 >= args.length) {
				err.println(USAGE);
				return 2;
			}
			switch (args[i]) {
				case "--clinic" -> clinic = args[i + 1];
				case "--new-master-key" -> newMasterKey = args[i + 1];
				case "--key" -> {
					try {
						key = Integer.valueOf(args[i + 1]);
					}
					catch (NumberFormatException e) {
						err.println(USAGE);
						return 2;
					}
				}
				default -> {
					err.println(USAGE);
					return 2;
				}
			}
		}
		boolean valid = switch (command) {
			case "rotate", "reencrypt", "status" -> key == null && newMasterKey == null;
			case "retire" -> key != null && clinic != null && newMasterKey == null;
			case "rewrap" -> newMasterKey != null && key == null && clinic == null;
			default -> false;
		};
		if (!valid) {
			err.println(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedAssistApplication.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "logging.level.org.medassist=WARN", "spring.main.banner-mode=off")
			.run()) {
			return switch (command) {
				case "rotate" -> rotate(context, clinic, out, err);
				case "reencrypt" -> reencrypt(context, clinic, out, err);
				case "status" -> status(context, clinic, out, err);
				case "rewrap" -> rewrap(context, java.nio.file.Path.of(newMasterKey), out, err);
				default -> retire(context, clinic, key, out, err);
			};
		}
	}

	/** Rotates on a running application (tests call it on theirs); {@code clinicSlug} null means every clinic. */
	public static int rotate(ApplicationContext context, String clinicSlug, PrintStream out, PrintStream err) {
		List<ClinicId> targets = targets(context, clinicSlug, err);
		if (targets == null) {
			return 2;
		}
		Clinics clinics = context.getBean(Clinics.class);
		KeyRotation rotation = context.getBean(KeyRotation.class);
		for (ClinicId clinic : targets) {
			KeysetChanged changed = rotation.rotate(clinic);
			out.printf("keys: clinic %s: keyset %s, primary key %d, %d key(s); older values are re-encrypted in the"
					+ " background (or now: medassist keys reencrypt)%n", clinics.get(clinic).slug(), changed.change(),
					changed.primaryKeyId(), changed.keys());
		}
		return 0;
	}

	public static int reencrypt(ApplicationContext context, String clinicSlug, PrintStream out, PrintStream err) {
		List<ClinicId> targets = targets(context, clinicSlug, err);
		if (targets == null) {
			return 2;
		}
		Clinics clinics = context.getBean(Clinics.class);
		boolean done = true;
		for (ClinicId clinic : targets) {
			ReencryptionRun run = context.getBean(Reencryption.class).reencrypt(clinic);
			out.printf("keys: clinic %s: %d value(s) re-encrypted under key %d, %d left%s%n", clinics.get(clinic).slug(),
					run.reencrypted(), run.primaryKeyId(), run.remaining(),
					run.steppedAside() ? " (another process is re-encrypting this clinic)" : "");
			done &= run.remaining() == 0;
		}
		return done ? 0 : 1;
	}

	public static int status(ApplicationContext context, String clinicSlug, PrintStream out, PrintStream err) {
		List<ClinicId> targets = targets(context, clinicSlug, err);
		if (targets == null) {
			return 2;
		}
		Clinics clinics = context.getBean(Clinics.class);
		for (ClinicId clinic : targets) {
			KeyUsage usage = context.getBean(Reencryption.class).status(clinic);
			out.printf("keys: clinic %s: %s%n", clinics.get(clinic).slug(), usage.keys().isEmpty() ? "no keyset yet"
					: "primary key " + usage.primaryKeyId() + (usage.rotatedAt() == null ? ""
							: ", rotated " + usage.rotatedAt()) + ", " + usage.pending() + " value(s) to re-encrypt");
			for (KeyUsage.Key key : usage.keys()) {
				out.printf("  key %d%s: %d value(s)%n", key.id(),
						key.primary() ? " (primary)" : key.inKeyset() ? "" : " (NOT IN THE KEYSET: unreadable)",
						key.values());
			}
			if (usage.plainValues() > 0) {
				out.printf("  not yet encrypted: %d value(s)%n", usage.plainValues());
			}
		}
		return 0;
	}

	public static int retire(ApplicationContext context, String clinicSlug, int keyId, PrintStream out,
			PrintStream err) {
		List<ClinicId> targets = targets(context, clinicSlug, err);
		if (targets == null) {
			return 2;
		}
		try {
			KeyRetired retired = context.getBean(Reencryption.class).retire(targets.get(0), keyId);
			out.printf("keys: clinic %s: key %d retired, %d key(s) left%n", clinicSlug, retired.keyId(),
					retired.keysLeft());
			return 0;
		}
		catch (KeyRetirementRefused e) {
			err.println("keys: not retired: " + e.getMessage());
			return 1;
		}
	}

	/**
	 * Changes the master key to the one in {@code newMasterKeyFile} (created when missing): every keyset re-wrapped
	 * and every sealed secret re-sealed, in one transaction; 1 (and nothing changed) when the current key does not
	 * open something, listed by table and id.
	 */
	public static int rewrap(ApplicationContext context, java.nio.file.Path newMasterKeyFile, PrintStream out,
			PrintStream err) {
		try {
			MasterKeyChanged changed = context.getBean(MasterKeyChange.class).rewrapTo(newMasterKeyFile);
			out.printf("keys: master key changed: %d clinic keyset(s) re-wrapped; %d TOTP secret(s), %d signing key(s)"
					+ " and %d deployment keyset(s) re-sealed under %s%n", changed.keysets(), changed.staffSecrets(),
					changed.signingKeys(), changed.sealedKeysets(), changed.newMasterKey());
			out.printf("keys: start every instance with MEDASSIST_MASTER_KEY_FILE=%s (or its content in"
					+ " MEDASSIST_MASTER_KEY); keep the old key as long as backups taken before now exist%n",
					newMasterKeyFile.toAbsolutePath());
			return 0;
		}
		catch (MasterKeyChangeRefused e) {
			err.println("keys: master key not changed: " + e.getMessage());
			return 1;
		}
	}

	/** The clinics to work on, or null (after saying why) for an unknown slug. */
	private static List<ClinicId> targets(ApplicationContext context, String clinicSlug, PrintStream err) {
		Clinics clinics = context.getBean(Clinics.class);
		if (clinicSlug == null) {
			return clinics.all();
		}
		var clinic = clinics.findBySlug(clinicSlug);
		if (clinic.isEmpty()) {
			err.println("keys: " + new ClinicNotFound(clinicSlug).getMessage());
			return null;
		}
		return List.of(clinic.get().id());
	}
}
