package org.medassist.triage;

/**
 * The level of care a patient needs, highest first. A disposition is the maximum over every rule that fired;
 * nothing may lower one that a rule raised.
 */
public enum Disposition {

	/** Call the emergency number or go to the emergency department now. */
	EMERGENCY,
	/** Be seen by a clinician today, within 24 hours. */
	URGENT,
	/** Book an appointment within days to two weeks. */
	ROUTINE,
	/** Manage at home with advice; return if it changes. */
	SELF_CARE;

	public boolean isMoreUrgentThan(Disposition other) {
		return other == null || ordinal() < other.ordinal();
	}

	public static Disposition mostUrgent(Disposition a, Disposition b) {
		if (a == null) {
			return b;
		}
		return a.isMoreUrgentThan(b) ? a : b;
	}
}
