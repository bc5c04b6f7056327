package org.medassist.identity.internal;

import java.util.UUID;

import org.medassist.platform.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo installation: the clinic {@code demo} and a second clinic {@code other} (to see that clinics
 * never see each other's data). Only when {@link Installation#demo()}; idempotent, so every start may run it.
 */
@Component
@Order(0)
class DemoClinics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClinics.class);

	static final UUID DEMO = UUID.fromString("00000000-0000-4000-8000-00000000d3e0");
	static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-0000000007e1");

	private final Installation installation;
	private final JdbcClient jdbc;

	DemoClinics(Installation installation, JdbcClient jdbc) {
		this.installation = installation;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!installation.demo()) {
			return;
		}
		int created = clinic(DEMO, "demo", "MedAssist Demo Clinic") + clinic(OTHER, "other", "Other Demo Clinic");
		if (created > 0) {
			log.info("Seeded {} demo clinics", created);
		}
	}

	private int clinic(UUID id, String slug, String name) {
		// 911 is a placeholder for the demo; each clinic sets the emergency number of its own country.
		return jdbc.sql("INSERT INTO clinic (id, slug, name, emergency_number) VALUES (?, ?, ?, '911')"
				+ " ON CONFLICT (slug) DO NOTHING")
			.params(id, slug, name)
			.update();
	}
}
