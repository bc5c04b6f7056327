package org.medassist.review.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewSettingsChanged;
import org.medassist.triage.Disposition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A clinic admin's review settings: override reason codes and escalation targets. */
@RestController
@Tag(name = "Clinic administration")
class ReviewAdministration {

	private final ReasonCodes reasonCodes;

	private final ReviewDeadlines deadlines;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewAdministration(ReasonCodes reasonCodes, ReviewDeadlines deadlines, JdbcClient jdbc, TransactionTemplate tx,
			ApplicationEventPublisher events, Clock clock) {
		this.reasonCodes = reasonCodes;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/reason-codes")
	@Operation(summary = "The clinic's override reason codes", security = @SecurityRequirement(name = "bearer"))
	List<ReasonCodes.ReasonCode> reasonCodes(@AuthenticationPrincipal StaffMember admin) {
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> reasonCodes.of(admin.clinicId())));
	}

	@PutMapping("/api/v1/admin/reason-codes")
	@Operation(summary = "Replace the clinic's reason codes (keep retired ones with active=false)",
			security = @SecurityRequirement(name = "bearer"))
	List<ReasonCodes.ReasonCode> replaceReasonCodes(@AuthenticationPrincipal StaffMember admin,
			@RequestBody List<ReasonCodes.ReasonCode> codes) {
		if (codes == null || codes.isEmpty() || codes.size() > 50 || codes.stream().noneMatch(ReasonCodes.ReasonCode::active)) {
			throw new ReviewProblems.InvalidDecision("invalid-reason-codes", "Send 1-50 codes, at least one active.");
		}
		for (ReasonCodes.ReasonCode c : codes) {
			if (c == null || c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]{1,39}") || c.label() == null
					|| c.label().isBlank() || c.label().length() > 200) {
				throw new ReviewProblems.InvalidDecision("invalid-reason-codes",
						"Each code is 2-40 capitals, digits or '_' with a label of 1-200 characters.");
			}
		}
		if (codes.stream().map(ReasonCodes.ReasonCode::code).distinct().count() != codes.size()) {
			throw new ReviewProblems.InvalidDecision("invalid-reason-codes", "Codes must be unique.");
		}
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> {
			reasonCodes.replace(admin.clinicId(), codes);
			events.publishEvent(new ReviewSettingsChanged(admin.clinicId(), admin.userId(), "reason-codes",
					clock.instant()));
			return reasonCodes.of(admin.clinicId());
		}));
	}

	@GetMapping("/api/v1/admin/review-targets")
	@Operation(summary = "Time within which a case must be claimed, by disposition",
			security = @SecurityRequirement(name = "bearer"))
	Map<Disposition, Duration> targets(@AuthenticationPrincipal StaffMember admin) {
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> current()));
	}

	@PutMapping("/api/v1/admin/review-targets")
	@Operation(summary = "Set claim targets (ISO-8601 durations, e.g. PT2M)", security = @SecurityRequirement(name = "bearer"))
	Map<Disposition, Duration> setTargets(@AuthenticationPrincipal StaffMember admin,
			@RequestBody Map<Disposition, Duration> targets) {
		if (targets == null || targets.isEmpty() || targets.values().stream()
			.anyMatch(d -> d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(14)) > 0)) {
			throw new ReviewProblems.InvalidDecision("invalid-review-targets",
					"Each target must be a duration between a second and 14 days.");
		}
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> {
			targets.forEach((disposition, within) -> jdbc.sql("""
					INSERT INTO review_target (clinic_id, disposition, claim_within) VALUES (?, ?, ?::interval)
					ON CONFLICT (clinic_id, disposition) DO UPDATE SET claim_within = excluded.claim_within""")
				.params(admin.clinicId().value(), disposition.name(), within.toSeconds() + " seconds")
				.update());
			events.publishEvent(new ReviewSettingsChanged(admin.clinicId(), admin.userId(), "review-targets",
					clock.instant()));
			return current();
		}));
	}

	private Map<Disposition, Duration> current() {
		return deadlines.targets();
	}

	/**
	 * The clinic's working hours, as the admin reads and sends them.
	 *
	 * @param timeZone an IANA zone such as {@code Europe/Madrid}
	 * @param days working days, {@code MONDAY} ... {@code SUNDAY}
	 * @param opens opening time, {@code HH:mm}
	 * @param closes closing time, {@code HH:mm}, after {@code opens}
	 */
	record WorkingHoursView(String timeZone, List<DayOfWeek> days, String opens, String closes) {

		static WorkingHoursView of(WorkingHours hours) {
			return new WorkingHoursView(hours.zone().getId(), hours.days().stream().sorted().toList(),
					hours.opens().toString(), hours.closes().toString());
		}
	}

	@GetMapping("/api/v1/admin/working-hours")
	@Operation(summary = "The clinic's working hours: ROUTINE and SELF_CARE targets count only this time",
			security = @SecurityRequirement(name = "bearer"))
	WorkingHoursView workingHours(@AuthenticationPrincipal StaffMember admin) {
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> WorkingHoursView.of(deadlines.workingHours())));
	}

	@PutMapping("/api/v1/admin/working-hours")
	@Operation(summary = "Set the clinic's working hours (time zone, days, opening and closing time)",
			security = @SecurityRequirement(name = "bearer"))
	WorkingHoursView setWorkingHours(@AuthenticationPrincipal StaffMember admin,
			@RequestBody WorkingHoursView request) {
		WorkingHours hours = parse(request);
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> {
			deadlines.setWorkingHours(admin.clinicId(), hours);
			events.publishEvent(new ReviewSettingsChanged(admin.clinicId(), admin.userId(), "working-hours",
					clock.instant()));
			return WorkingHoursView.of(deadlines.workingHours());
		}));
	}

	private static WorkingHours parse(WorkingHoursView request) {
		if (request == null || request.timeZone() == null || request.days() == null || request.days().isEmpty()
				|| request.days().contains(null) || request.opens() == null || request.closes() == null) {
			throw invalidHours("Send 'timeZone', 'days' (at least one), 'opens' and 'closes'.");
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(request.timeZone());
		}
		catch (DateTimeException e) {
			throw invalidHours("'timeZone' must be a time zone such as Europe/Madrid.");
		}
		LocalTime opens;
		LocalTime closes;
		try {
			opens = LocalTime.parse(request.opens());
			closes = LocalTime.parse(request.closes());
		}
		catch (DateTimeParseException e) {
			throw invalidHours("'opens' and 'closes' must be times such as 08:00.");
		}
		if (!opens.isBefore(closes)) {
			throw invalidHours("'closes' must be after 'opens' on the same day.");
		}
		return new WorkingHours(zone, java.util.EnumSet.copyOf(request.days()), opens, closes);
	}

	private static ReviewProblems.InvalidDecision invalidHours(String detail) {
		return new ReviewProblems.InvalidDecision("invalid-working-hours", detail);
	}
}
