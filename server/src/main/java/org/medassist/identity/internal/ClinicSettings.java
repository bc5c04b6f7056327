package org.medassist.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.identity.Clinic;
import org.medassist.identity.ClinicNotFound;
import org.medassist.identity.ClinicSettingsChanged;
import org.medassist.identity.Clinics;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic's public face: what a patient's page shows before anything else (its name, the emergency number to
 * call), and the admin's page to change it.
 */
@RestController
@Tag(name = "Clinics")
class ClinicSettings {

	private final Clinics clinics;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClinicSettings(Clinics clinics, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
			Clock clock) {
		this.clinics = clinics;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	/** Public: shown to anyone who opens the clinic's chat link, so it holds nothing private. */
	record ClinicInfo(String slug, String name, String emergencyNumber) {

		static ClinicInfo of(Clinic clinic) {
			return new ClinicInfo(clinic.slug(), clinic.name(), clinic.emergencyNumber());
		}
	}

	record SettingsChange(String name, String emergencyNumber) {
	}

	@GetMapping("/api/v1/clinics/{clinic}")
	@Operation(summary = "A clinic's name and emergency number, for its patients' chat page")
	ClinicInfo info(@PathVariable("clinic") String slug) {
		return clinics.findBySlug(slug).map(ClinicInfo::of).orElseThrow(() -> new ClinicNotFound(slug));
	}

	@GetMapping("/api/v1/admin/clinic")
	@Operation(summary = "Your clinic's settings", security = @SecurityRequirement(name = "bearer"))
	ClinicInfo settings(@AuthenticationPrincipal StaffMember admin) {
		return ClinicInfo.of(clinics.get(admin.clinicId()));
	}

	@PutMapping("/api/v1/admin/clinic")
	@Operation(summary = "Change your clinic's name and emergency number", security = @SecurityRequirement(name = "bearer"))
	ClinicInfo change(@AuthenticationPrincipal StaffMember admin, @RequestBody SettingsChange change) {
		String name = change.name() == null ? "" : change.name().strip();
		String number = change.emergencyNumber() == null ? "" : change.emergencyNumber().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new ClinicRegistry.Refused("invalid-clinic-name", "'name' must be 1-200 characters.");
		}
		// The same rule as the database's CHECK, so a bad number is a clear 400 rather than a constraint error.
		if (!number.matches("[0-9+][0-9 ]{1,19}")) {
			throw new ClinicRegistry.Refused("invalid-emergency-number",
					"'emergencyNumber' must be 2-20 digits or spaces, optionally starting with '+'.");
		}
		Clinic before = clinics.get(admin.clinicId());
		Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> {
			jdbc.sql("SELECT update_current_clinic(?, ?)").params(name, number).query((rs, n) -> 1).list();
			List<String> changed = new ArrayList<>();
			if (!Objects.equals(before.name(), name)) {
				changed.add("name");
			}
			if (!Objects.equals(before.emergencyNumber(), number)) {
				changed.add("emergency-number");
			}
			events.publishEvent(new ClinicSettingsChanged(clock.instant(), admin.userId(), admin.clinicId(),
					changed.isEmpty() ? "none" : String.join(",", changed)));
			return null;
		}));
		return ClinicInfo.of(clinics.get(admin.clinicId()));
	}
}
