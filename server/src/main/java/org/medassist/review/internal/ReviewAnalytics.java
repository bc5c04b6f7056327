package org.medassist.review.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the clinic's review is going, over a period: volumes by AI disposition, how often and which way humans
 * overrode the AI, how long cases waited to be claimed and decided (p50/p90), the share escalated by a red
 * flag, and breaches. Counts only; no patient data.
 */
@RestController
@Tag(name = "Review")
class ReviewAnalytics {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	ReviewAnalytics(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	/** Per AI disposition: cases, decided, overridden up and down, and the waits in seconds. */
	record DispositionFigures(String disposition, long cases, long decided, long overriddenUp, long overriddenDown,
			Double claimP50, Double claimP90, Double decisionP50, Double decisionP90, long breached) {
	}

	record Report(Instant from, Instant to, long cases, long decided, double overrideRate, double redFlagRate,
			long breached, List<DispositionFigures> byDisposition) {
	}

	@GetMapping("/api/v1/review/analytics")
	@Operation(summary = "Volumes, override rate, time to claim and to decision (p50/p90), red-flag rate, breaches",
			security = @SecurityRequirement(name = "bearer"))
	Report analytics(@AuthenticationPrincipal StaffMember staff,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		Instant end = to != null ? to : clock.instant();
		Instant start = from != null ? from : end.minus(Duration.ofDays(30));
		if (!start.isBefore(end) || Duration.between(start, end).toDays() > 366) {
			throw new ReviewProblems.InvalidDecision("invalid-period", "'from' must be before 'to', at most a year apart.");
		}
		List<DispositionFigures> rows = Tenancy.callAs(staff.clinicId(), () -> tx.execute(s -> jdbc.sql("""
				SELECT ai_disposition,
				       count(*) AS cases,
				       count(*) FILTER (WHERE status = 'DECIDED') AS decided,
				       count(*) FILTER (WHERE status = 'DECIDED' AND human_rank < ai_rank) AS up,
				       count(*) FILTER (WHERE status = 'DECIDED' AND human_rank > ai_rank) AS down,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_claimed_at - queued_at)) AS c50,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_claimed_at - queued_at)) AS c90,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - queued_at)) AS d50,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - queued_at)) AS d90,
				       count(*) FILTER (WHERE breaches > 0) AS breached
				FROM (SELECT *, array_position(ARRAY['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE'], ai_disposition) AS ai_rank,
				             array_position(ARRAY['EMERGENCY', 'URGENT', 'ROUTINE', 'SELF_CARE'], disposition) AS human_rank
				      FROM review WHERE queued_at >= ? AND queued_at < ?) r
				GROUP BY ai_disposition
				ORDER BY min(ai_rank)""")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query((rs, n) -> new DispositionFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), (Double) rs.getObject(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
					(Double) rs.getObject(9), rs.getLong(10)))
			.list()));
		long cases = rows.stream().mapToLong(DispositionFigures::cases).sum();
		long decided = rows.stream().mapToLong(DispositionFigures::decided).sum();
		long overridden = rows.stream().mapToLong(r -> r.overriddenUp() + r.overriddenDown()).sum();
		long escalated = Tenancy.callAs(staff.clinicId(), () -> tx.execute(s -> jdbc
			.sql("SELECT count(*) FROM review WHERE escalated AND queued_at >= ? AND queued_at < ?")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query(Long.class)
			.single()));
		return new Report(start, end, cases, decided, decided == 0 ? 0 : (double) overridden / decided,
				cases == 0 ? 0 : (double) escalated / cases, rows.stream().mapToLong(DispositionFigures::breached).sum(),
				rows);
	}
}
