package org.medassist.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffRole;
import org.medassist.identity.Tenancy;
import org.medassist.platform.MedAssistException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform administrator's work: a new clinic and its first clinic admin, who gets a one-time password and
 * enrols MFA at first login. Platform administration is the deployment's operator, at the command line
 * ({@code bin/medassist clinic create}); there is no HTTP endpoint that creates tenants.
 */
@Service
public class ClinicRegistry {

	private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final TransactionTemplate tx;

	private final Clock clock;

	ClinicRegistry(JdbcClient jdbc, StaffAccounts accounts, PasswordEncoder passwords, TransactionTemplate tx,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.tx = tx;
		this.clock = clock;
	}

	/** What the operator hands to the clinic: where to log in, and a password to change... by enrolling MFA. */
	public record NewClinic(ClinicId id, String slug, String adminUsername,
			@Classification(Level.RESTRICTED) String oneTimePassword) {
	}

	public NewClinic create(String slug, String name, String emergencyNumber, String adminUsername) {
		require(slug != null && slug.matches("[a-z0-9][a-z0-9-]{1,62}"), "invalid-clinic-slug",
				"The clinic id must be 2-63 lower-case letters, digits or '-'.");
		require(name != null && !name.isBlank() && name.length() <= 200, "invalid-clinic-name",
				"The clinic name is required (at most 200 characters).");
		require(emergencyNumber != null && emergencyNumber.matches("[0-9+][0-9 ]{1,19}"), "invalid-emergency-number",
				"The emergency number must be digits (e.g. 911, 112, 999).");
		require(adminUsername != null && adminUsername.matches("[a-z0-9][a-z0-9._-]{1,63}"), "invalid-username",
				"The admin user name must be 2-64 lower-case letters, digits, '.', '_' or '-'.");
		ClinicId id = new ClinicId(UUID.randomUUID());
		String password = oneTimePassword();
		String hash = passwords.encode(password);
		try {
			// One transaction: a clinic never exists without its first admin.
			Tenancy.runAs(id, () -> tx.executeWithoutResult(s -> {
				jdbc.sql("INSERT INTO clinic (id, slug, name, emergency_number) VALUES (?, ?, ?, ?)")
					.params(id.value(), slug, name.trim(), emergencyNumber)
					.update();
				accounts.insert(new StaffAccounts.Account(UUID.randomUUID(), id, adminUsername, adminUsername,
						StaffRole.CLINIC_ADMIN, hash, null, null, 0, 0, null, null, clock.instant(), true, false));
			}));
		}
		catch (DuplicateKeyException e) {
			throw new Refused("clinic-exists", "A clinic '" + slug + "' exists already.");
		}
		return new NewClinic(id, slug, adminUsername, password);
	}

	private static String oneTimePassword() {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return out.toString();
	}

	private static void require(boolean ok, String type, String detail) {
		if (!ok) {
			throw new Refused(type, detail);
		}
	}

	static final class Refused extends MedAssistException {

		Refused(String type, String detail) {
			super(Kind.INVALID_INPUT, type, detail);
		}
	}
}
