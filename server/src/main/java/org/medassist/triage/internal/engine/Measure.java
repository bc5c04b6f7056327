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
	PREGNANCY_WEEKS("pregnancy_weeks"),
	/** Heart rate (pulse), beats per minute. */
	HEART_RATE("heart_rate"),
	/** Breathing (respiratory) rate, breaths per minute. */
	RESPIRATORY_RATE("respiratory_rate"),
	/** Systolic (upper) blood pressure, mmHg. */
	SYSTOLIC_BP("systolic_bp"),
	/** Diastolic (lower) blood pressure, mmHg. */
	DIASTOLIC_BP("diastolic_bp"),
	/** Oxygen saturation (pulse oximeter, SpO2), percent. */
	OXYGEN_SATURATION("oxygen_saturation"),
	/** Blood ketones from a home meter, mmol/L. A test reading: read only from what was said. */
	KETONES("ketones"),
	/** Blood sugar (glucose), mmol/L (mg/dL is converted). A test reading: read only from what was said. */
	BLOOD_SUGAR("blood_sugar");

	private final String key;

	Measure(String key) {
		this.key = key;
	}

	/** A vital sign: read only from what was said (never asked for by a question of its own). */
	public boolean isVitalSign() {
		return ordinal() >= HEART_RATE.ordinal() && ordinal() <= OXYGEN_SATURATION.ordinal();
	}

	/** A home test's reading (ketones, blood sugar): read only from what was said, with no question of its own. */
	public boolean isTestReading() {
		return this == KETONES || this == BLOOD_SUGAR;
	}

	public String key() {
		return key;
	}

	static Optional<Measure> byKey(String key) {
		return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
	}
}
