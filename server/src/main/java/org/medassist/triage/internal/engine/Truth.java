package org.medassist.triage.internal.engine;

/** Kleene's three-valued logic: a rule whose condition is {@link #UNKNOWN} may still fire. */
enum Truth {

	TRUE, FALSE, UNKNOWN;

	static Truth of(boolean value) {
		return value ? TRUE : FALSE;
	}

	Truth and(Truth other) {
		if (this == FALSE || other == FALSE) {
			return FALSE;
		}
		return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
	}

	Truth or(Truth other) {
		if (this == TRUE || other == TRUE) {
			return TRUE;
		}
		return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
	}

	Truth not() {
		return switch (this) {
			case TRUE -> FALSE;
			case FALSE -> TRUE;
			case UNKNOWN -> UNKNOWN;
		};
	}
}
