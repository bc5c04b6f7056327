package org.medassist.review.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A clinic's opening hours, in its own time zone: the same opening and closing time on each working day. The
 * non-urgent targets ("within 1 working day") are counted in this time. Days move by the calendar (so a daylight
 * saving change does not shift a deadline's clock time); hours are counted as they pass while the clinic is open.
 */
record WorkingHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	static WorkingHours weekdays(ZoneId zone) {
		return new WorkingHours(zone, WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0));
	}

	WorkingHours {
		if (zone == null || days == null || days.isEmpty() || opens == null || closes == null
				|| !opens.isBefore(closes)) {
			throw new IllegalArgumentException("working hours need a zone, at least one day, and opens < closes");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	/**
	 * When {@code target} of working time has passed after {@code start}. Each whole 24 hours of the target is one
	 * working day (to the same clock time on the next working day), the rest are working hours; so the default
	 * ROUTINE target of 24 hours means one working day. Time outside the opening hours does not count.
	 */
	Instant deadline(Instant start, Duration target) {
		long wholeDays = target.toDays();
		Duration hours = target.minusDays(wholeDays);
		ZonedDateTime at = openAtOrAfter(start);
		if (wholeDays > 0) {
			LocalDate day = at.toLocalDate();
			LocalTime time = at.toLocalTime();
			if (time.equals(opens)) {
				// The opening of a day is, in working time, the close of the working day before: say the earlier.
				day = nextWorkingDay(day, wholeDays - 1);
				time = closes;
			}
			else {
				day = nextWorkingDay(day, wholeDays);
			}
			at = ZonedDateTime.of(day, time, zone);
		}
		return plusHours(at, hours).toInstant();
	}

	/** Whether the clinic is open at this instant. */
	boolean isOpen(Instant instant) {
		ZonedDateTime local = instant.atZone(zone);
		LocalTime time = local.toLocalTime();
		return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
	}

	/** The instant itself while open (or at closing time), else the next opening. */
	private ZonedDateTime openAtOrAfter(Instant instant) {
		ZonedDateTime local = instant.atZone(zone);
		LocalDate day = local.toLocalDate();
		if (days.contains(day.getDayOfWeek())) {
			if (local.isBefore(opening(day))) {
				return opening(day);
			}
			if (!local.isAfter(closing(day))) {
				return local;
			}
		}
		return opening(nextWorkingDay(day, 1));
	}

	/** Counts {@code hours} of opening time from {@code from}, which is within (or at the end of) opening hours. */
	private ZonedDateTime plusHours(ZonedDateTime from, Duration hours) {
		Duration left = hours;
		ZonedDateTime at = from;
		while (true) {
			Duration today = Duration.between(at, closing(at.toLocalDate()));
			if (left.compareTo(today) <= 0) {
				return at.plus(left);
			}
			left = left.minus(today);
			at = opening(nextWorkingDay(at.toLocalDate(), 1));
		}
	}

	private LocalDate nextWorkingDay(LocalDate day, long count) {
		LocalDate d = day;
		for (long i = 0; i < count; i++) {
			do {
				d = d.plusDays(1);
			}
			while (!days.contains(d.getDayOfWeek()));
		}
		return d;
	}

	private ZonedDateTime opening(LocalDate day) {
		return ZonedDateTime.of(day, opens, zone);
	}

	private ZonedDateTime closing(LocalDate day) {
		return ZonedDateTime.of(day, closes, zone);
	}
}
