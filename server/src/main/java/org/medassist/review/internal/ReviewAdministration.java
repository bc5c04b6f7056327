package org.medassist.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
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

	private final ReviewProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewAdministration(ReasonCodes reasonCodes, ReviewProperties properties, JdbcClient jdbc, TransactionTemplate tx,
			ApplicationEventPublisher events, Clock clock) {
		this.reasonCodes = reasonCodes;
		this.properties = properties;
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
		Map<Disposition, Duration> out = new EnumMap<>(properties.claimWithin());
		jdbc.sql("SELECT disposition, extract(epoch FROM claim_within)::bigint FROM review_target")
			.query((rs, n) -> Map.entry(Disposition.valueOf(rs.getString(1)), Duration.ofSeconds(rs.getLong(2))))
			.list()
			.forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}
}
