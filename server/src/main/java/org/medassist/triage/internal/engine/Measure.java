package org.medassist.triage.internal.engine;

import java.util.Arrays;
import java.util.Optional;

/** The numeric facts the engine reads from what patients say, in fixed units. */
public enum Measure {

	/** Years; a 6-week-old infant is 0.115. */
	AGE("age"),
	/** Degrees Celsius (Fahrenheit is converted). */
	TEMPERATURE("temperature"),
	/** How long the main problem has lasted, in days (hours are fractions). */
	DURATION_DAYS("duration_days"),
	/** Pain on a 0 to 10 scale. */
	PAIN("pain"),
	/** Completed weeks of pregnancy. */
	PREGNANCY_WEEKS("pregnancy_weeks");

	private final String key;

	Measure(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	static Optional<Measure> byKey(String key) {
		return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
	}
}
