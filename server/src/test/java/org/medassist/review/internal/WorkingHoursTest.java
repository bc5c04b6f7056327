package org.medassist.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * "Within 1 working day" in a clinic's own calendar: Monday to Friday, 08:00-18:00 in Madrid unless a test says
 * otherwise. Dates are in November 2026 (Monday the 16th ...) and around the spring daylight saving change
 * (Sunday 29 March 2026, 02:00 -> 03:00 in Madrid).
 */
class WorkingHoursTest {

	static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	static final WorkingHours WEEKDAYS = WorkingHours.weekdays(MADRID);

	static final Duration ONE_WORKING_DAY = Duration.ofHours(24);

	@Test
	void aCaseQueuedMidMorningIsDueAtTheSameTimeNextWorkingDay() {
		assertThat(WEEKDAYS.deadline(madrid("2026-11-17T10:30"), ONE_WORKING_DAY)).isEqualTo(madrid("2026-11-18T10:30"));
	}

	@Test
	void aCaseQueuedOnFridayAfternoonIsDueOnMondayNotSaturday() {
		assertThat(WEEKDAYS.deadline(madrid("2026-11-20T17:00"), ONE_WORKING_DAY)).isEqualTo(madrid("2026-11-23T17:00"));
	}

	@Test
	void aCaseQueuedAtTheWeekendIsDueAtTheEndOfMonday() {
		assertThat(WEEKDAYS.deadline(madrid("2026-11-21T11:00"), ONE_WORKING_DAY)).isEqualTo(madrid("2026-11-23T18:00"));
	}

	@Test
	void aCaseQueuedAfterHoursOrBeforeOpeningCountsFromTheNextOpening() {
		assertThat(WEEKDAYS.deadline(madrid("2026-11-17T21:15"), ONE_WORKING_DAY)).as("after closing")
			.isEqualTo(madrid("2026-11-18T18:00"));
		assertThat(WEEKDAYS.deadline(madrid("2026-11-17T06:00"), ONE_WORKING_DAY)).as("before opening")
			.isEqualTo(madrid("2026-11-17T18:00"));
		assertThat(WEEKDAYS.deadline(madrid("2026-11-17T21:15"), Duration.ofHours(2))).as("two working hours")
			.isEqualTo(madrid("2026-11-18T10:00"));
	}

	@Test
	void workingHoursCarryOverClosingTimeAndTheWeekend() {
		assertThat(WEEKDAYS.deadline(madrid("2026-11-20T16:00"), Duration.ofHours(4)))
			.as("2 h on Friday, 2 h on Monday").isEqualTo(madrid("2026-11-23T10:00"));
		assertThat(WEEKDAYS.deadline(madrid("2026-11-20T16:00"), Duration.ofHours(36)))
			.as("one working day and 12 working hours").isEqualTo(madrid("2026-11-24T18:00"));
		assertThat(WEEKDAYS.deadline(madrid("2026-11-17T10:30"), ONE_WORKING_DAY.multipliedBy(2)))
			.as("the second breach of a ROUTINE case").isEqualTo(madrid("2026-11-19T10:30"));
	}

	@Test
	void aDaylightSavingChangeOverTheWeekendKeepsTheClockTime() {
		Instant friday = madrid("2026-03-27T12:00");
		Instant monday = WEEKDAYS.deadline(friday, ONE_WORKING_DAY);
		assertThat(monday).isEqualTo(madrid("2026-03-30T12:00"));
		assertThat(Duration.between(friday, monday)).as("the weekend was an hour shorter").isEqualTo(Duration.ofHours(71));
	}

	@Test
	void openingHoursThatADaylightSavingChangeShortensCountOnlyTheHoursThatExist() {
		// A clinic open on Sundays 01:00-05:00: on 29 March 2026 that is three real hours (02:00-03:00 does not exist).
		WorkingHours nights = new WorkingHours(MADRID, Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0));
		assertThat(nights.deadline(madrid("2026-03-29T01:00"), Duration.ofHours(3))).isEqualTo(madrid("2026-03-29T05:00"));
		assertThat(nights.deadline(madrid("2026-03-29T01:00"), Duration.ofHours(4)))
			.as("the fourth hour is next Sunday's first").isEqualTo(madrid("2026-04-05T02:00"));
	}

	@Test
	void aSevenDayClinicHasNoWeekend() {
		WorkingHours always = new WorkingHours(MADRID, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
				LocalTime.of(20, 0));
		assertThat(always.deadline(madrid("2026-11-21T09:00"), ONE_WORKING_DAY)).isEqualTo(madrid("2026-11-22T09:00"));
		assertThat(always.isOpen(madrid("2026-11-22T19:59"))).isTrue();
		assertThat(WEEKDAYS.isOpen(madrid("2026-11-22T12:00"))).as("Sunday").isFalse();
		assertThat(WEEKDAYS.isOpen(madrid("2026-11-23T18:00"))).as("closing time").isFalse();
	}

	@Test
	void hoursThatCloseBeforeTheyOpenOrHaveNoDayAreRefused() {
		assertThatThrownBy(() -> new WorkingHours(MADRID, Set.of(), LocalTime.of(8, 0), LocalTime.of(18, 0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new WorkingHours(MADRID, WorkingHours.WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(8, 0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Instant madrid(String local) {
		return LocalDateTime.parse(local).atZone(MADRID).toInstant();
	}
}
