package org.medassist.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The clinics of this deployment. */
@Service
public class Clinics {

	private final JdbcClient jdbc;

	Clinics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Clinic> findBySlug(String slug) {
		return jdbc.sql("SELECT id, slug, name, emergency_number FROM clinic WHERE slug = ?")
			.param(slug)
			.query((rs, n) -> new Clinic(new ClinicId(rs.getObject("id", UUID.class)), rs.getString("slug"),
					rs.getString("name"), rs.getString("emergency_number")))
			.optional();
	}

	/** Every clinic, for work that runs once per clinic (each in its own tenancy). */
	public java.util.List<ClinicId> all() {
		return jdbc.sql("SELECT id FROM clinic ORDER BY created_at, id")
			.query((rs, n) -> new ClinicId(rs.getObject("id", UUID.class)))
			.list();
	}

	public Clinic get(ClinicId id) {
		return jdbc.sql("SELECT id, slug, name, emergency_number FROM clinic WHERE id = ?")
			.param(id.value())
			.query((rs, n) -> new Clinic(id, rs.getString("slug"), rs.getString("name"),
					rs.getString("emergency_number")))
			.optional()
			.orElseThrow(() -> new IllegalStateException("clinic " + id + " vanished"));
	}
}
