package org.medassist.identity.internal;

import java.util.List;
import java.util.UUID;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffRole;
import org.medassist.identity.Tenancy;
import org.medassist.platform.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo installation: the clinic {@code demo} and a second clinic {@code other} (to see that clinics
 * never see each other's data), and their demo staff with MFA enrolled on a published TOTP secret. Only when
 * {@link Installation#demo()}; idempotent, so every start may run it.
 */
@Component
@Order(0)
class DemoClinics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClinics.class);

	static final UUID DEMO = UUID.fromString("00000000-0000-4000-8000-00000000d3e0");
	static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-0000000007e1");

	/** The demo staff's TOTP secret: public, so never enrolled outside demo mode. */
	static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

	/** @param chargeNurse a nurse in charge: takes the cases escalated past the nurses' target */
	record DemoLogin(UUID clinic, String clinicSlug, String username, StaffRole role,
			@Classification(Level.RESTRICTED) String password, boolean chargeNurse) {

		DemoLogin(UUID clinic, String clinicSlug, String username, StaffRole role, String password) {
			this(clinic, clinicSlug, username, role, password, false);
		}
	}

	static final List<DemoLogin> LOGINS = List.of(
			new DemoLogin(DEMO, "demo", "nurse", StaffRole.NURSE, "nurse-demo-password"),
			new DemoLogin(DEMO, "demo", "charge", StaffRole.NURSE, "charge-demo-password", true),
			new DemoLogin(DEMO, "demo", "admin", StaffRole.CLINIC_ADMIN, "admin-demo-password"),
			new DemoLogin(DEMO, "demo", "physician", StaffRole.PHYSICIAN, "physician-demo-password"),
			new DemoLogin(DEMO, "demo", "auditor", StaffRole.AUDITOR, "auditor-demo-password"),
			new DemoLogin(OTHER, "other", "nurse", StaffRole.NURSE, "other-demo-password"));

	private final Installation installation;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final PasswordEncoder passwords;
	private final StaffAccounts accounts;

	DemoClinics(Installation installation, JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder passwords,
			StaffAccounts accounts) {
		this.installation = installation;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.tx = tx;
		this.passwords = passwords;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!installation.demo()) {
			return;
		}
		int created = tx.execute(s -> clinic(DEMO, "demo", "MedAssist Demo Clinic")
				+ clinic(OTHER, "other", "Other Demo Clinic"));
		if (created > 0) {
			log.info("Seeded {} demo clinics", created);
		}
		int staff = 0;
		for (DemoLogin login : LOGINS) {
			staff += Tenancy.callAs(new ClinicId(login.clinic()), () -> tx.execute(s -> staff(login)));
		}
		if (staff > 0) {
			log.info("Seeded {} demo staff accounts", staff);
		}
	}

	private int clinic(UUID id, String slug, String name) {
		// 911 is a placeholder for the demo; each clinic sets the emergency number of its own country.
		return jdbc.sql("INSERT INTO clinic (id, slug, name, emergency_number) VALUES (?, ?, ?, '911')"
				+ " ON CONFLICT (slug) DO NOTHING")
			.params(id, slug, name)
			.update();
	}

	private int staff(DemoLogin login) {
		UUID id = UUID.randomUUID();
		// Sealed like every TOTP secret, although this one is published: the code path is the same for all.
		return jdbc.sql("""
				INSERT INTO staff_user (id, clinic_id, username, display_name, role, password_hash, mfa_secret,
				                        mfa_secret_sealed, mfa_enrolled_at, created_at, charge_nurse)
				VALUES (?, ?, ?, ?, ?, ?, ?, true, now(), now(), ?)
				ON CONFLICT (clinic_id, username) DO NOTHING""")
			.params(id, login.clinic(), login.username(), "Demo " + login.username(),
					login.role().name(), passwords.encode(login.password()), accounts.seal(id, DEMO_TOTP_SECRET),
					login.chargeNurse())
			.update();
	}
}
