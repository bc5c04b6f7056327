package org.medassist.review.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.medassist.identity.ClinicId;
import org.medassist.review.internal.ReviewRepository.Review;
import org.medassist.review.internal.ReviewRepository.Status;
import org.medassist.triage.Disposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A clinic's claim targets and working hours, and the deadlines they give each case. Every call runs inside the
 * clinic's transaction (row-level security: the rows read are the current clinic's).
 */
@Component
class ReviewDeadlines {

	/**
	 * Dispositions whose target counts working time: nobody should be chased at 3 a.m. for a case that may wait
	 * for the clinic to open. EMERGENCY and URGENT count every minute.
	 */
	static final Set<Disposition> IN_WORKING_TIME = EnumSet.of(Disposition.ROUTINE, Disposition.SELF_CARE);

	private final JdbcClient jdbc;

	private final ReviewProperties properties;

	ReviewDeadlines(JdbcClient jdbc, ReviewProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The current clinic's targets and hours. */
	Deadlines current() {
		return new Deadlines(targets(), workingHours());
	}

	/** The deployment's defaults, overridden by the clinic's own targets. */
	Map<Disposition, Duration> targets() {
		Map<Disposition, Duration> out = new EnumMap<>(properties.claimWithin());
		jdbc.sql("SELECT disposition, extract(epoch FROM claim_within)::bigint FROM review_target")
			.query((rs, n) -> Map.entry(Disposition.valueOf(rs.getString(1)), Duration.ofSeconds(rs.getLong(2))))
			.list()
			.forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/** The clinic's hours, or Monday to Friday 08:00-18:00 in the deployment's time zone. */
	WorkingHours workingHours() {
		return jdbc.sql("SELECT time_zone, array_to_string(days, ',') AS days, opens, closes FROM review_working_hours")
			.query((rs, n) -> {
				return new WorkingHours(ZoneId.of(rs.getString("time_zone")),
						java.util.Arrays.stream(rs.getString("days").split(","))
							.map(d -> DayOfWeek.of(Integer.parseInt(d)))
							.collect(Collectors.toSet()),
						rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class));
			})
			.optional()
			.orElseGet(() -> WorkingHours.weekdays(properties.zone()));
	}

	void setWorkingHours(ClinicId clinic, WorkingHours hours) {
		Integer[] days = hours.days().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new);
		jdbc.sql("""
				INSERT INTO review_working_hours (clinic_id, time_zone, days, opens, closes)
				VALUES (?, ?, ?::smallint[], ?, ?)
				ON CONFLICT (clinic_id) DO UPDATE SET time_zone = excluded.time_zone, days = excluded.days,
				       opens = excluded.opens, closes = excluded.closes""")
			.params(clinic.value(), hours.zone().getId(), "{" + java.util.Arrays.stream(days)
				.map(String::valueOf)
				.collect(Collectors.joining(",")) + "}", hours.opens(), hours.closes())
			.update();
	}

	/** A clinic's targets and hours at one moment, to give cases their deadlines. */
	record Deadlines(Map<Disposition, Duration> targets, WorkingHours hours) {

		Duration target(Disposition disposition) {
			return targets.get(disposition);
		}

		/** When the n-th breach of the case falls: n targets after it was queued (in working time when due). */
		Instant breach(Review review, int n) {
			Duration within = target(review.aiDisposition()).multipliedBy(n);
			return IN_WORKING_TIME.contains(review.aiDisposition()) ? hours.deadline(review.queuedAt(), within)
					: review.queuedAt().plus(within);
		}

		/** The next breach of a case nobody has claimed yet; {@code null} once someone has (a claim stops the chase). */
		Instant nextBreach(Review review) {
			return review.status() == Status.QUEUED && review.firstClaimedAt() == null
					? breach(review, review.breaches() + 1) : null;
		}
	}
}
