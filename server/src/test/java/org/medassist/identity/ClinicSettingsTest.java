package org.medassist.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient.Reply;

/**
 * A clinic admin changes the clinic's name and emergency number: patients see it at once, the change is audited
 * with what changed (never the values), a bad number is a 400 that changes nothing, and another clinic is
 * untouched.
 */
@ManyLogins
class ClinicSettingsTest extends ApplicationTest {

	private static final String ORIGINAL = "{\"name\":\"MedAssist Demo Clinic\",\"emergencyNumber\":\"911\"}";

	/** One login per application: TOTP codes are single-use, and waiting for the next one is slow. */
	private static final Map<Integer, String> admins = new ConcurrentHashMap<>();

	private String admin;

	private UUID demo;

	@BeforeEach
	void logIn() {
		admin = admins.computeIfAbsent(port, p -> staff.loginDemo("demo", "admin", "admin-demo-password").accessToken());
		demo = database.sql("SELECT id FROM clinic WHERE slug = 'demo'").query(UUID.class).single();
	}

	@AfterEach
	void restore() {
		assertThat(staff.send("PUT", "/api/v1/admin/clinic", ORIGINAL, admin).status()).isEqualTo(200);
	}

	@Test
	void aChangeIsShownToPatientsAtOnceAndAuditedWithWhatChanged() {
		String otherBefore = staff.get("/api/v1/clinics/other", null).raw();
		long before = auditCount();

		Reply changed = staff.send("PUT", "/api/v1/admin/clinic",
				"{\"name\":\"  Elm Street Surgery \",\"emergencyNumber\":\"+44 999\"}", admin);

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.raw()).contains("\"name\":\"Elm Street Surgery\"").contains("\"emergencyNumber\":\"+44 999\"");
		assertThat(staff.get("/api/v1/clinics/demo", null).raw()).as("the patient's page, no sign-in")
			.contains("Elm Street Surgery").contains("+44 999");
		assertThat(staff.get("/api/v1/clinics/other", null).raw()).as("another clinic").isEqualTo(otherBefore);

		List<Map<String, Object>> records = database.sql("""
				SELECT role, object_type, detail, outcome FROM audit_event
				WHERE clinic_id = ? AND action = 'CLINIC_SETTINGS_CHANGED' ORDER BY seq DESC LIMIT 1""")
			.param(demo).query().listOfRows();
		assertThat(auditCount()).isEqualTo(before + 1);
		assertThat(records.get(0)).containsEntry("role", "CLINIC_ADMIN").containsEntry("outcome", "SUCCESS");
		assertThat((String) records.get(0).get("detail")).isEqualTo("name,emergency-number");
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE audit_event::text LIKE '%Elm Street%'")
			.query(Integer.class).single()).as("the values themselves are not in the audit trail").isZero();
	}

	@Test
	void aBadEmergencyNumberOrNameIsRefusedWithAReasonAndChangesNothing() {
		String shownBefore = staff.get("/api/v1/clinics/demo", null).raw();
		long before = auditCount();

		Reply badNumber = staff.send("PUT", "/api/v1/admin/clinic",
				"{\"name\":\"Renamed\",\"emergencyNumber\":\"call 911\"}", admin);
		Reply noName = staff.send("PUT", "/api/v1/admin/clinic", "{\"name\":\"  \",\"emergencyNumber\":\"112\"}",
				admin);

		assertThat(badNumber.status()).isEqualTo(400);
		assertThat(badNumber.problemType()).contains("invalid-emergency-number");
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.problemType()).contains("invalid-clinic-name");
		assertThat(staff.get("/api/v1/clinics/demo", null).raw()).isEqualTo(shownBefore);
		assertThat(auditCount()).as("a refused change records no settings change").isEqualTo(before);
	}

	private long auditCount() {
		return database
			.sql("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND action = 'CLINIC_SETTINGS_CHANGED'")
			.param(demo)
			.query(Long.class)
			.single();
	}

}
