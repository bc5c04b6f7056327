package org.medassist.triage.internal.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about the patient: each finding present, absent or unsure (asked, but the patient could not
 * say), the measurements, and the sex. Anything not recorded is unknown.
 */
public final class Facts {

	public enum State {
		PRESENT, ABSENT, UNSURE
	}

	public enum Sex {
		FEMALE, MALE
	}

	private final Map<String, State> findings = new LinkedHashMap<>();
	private final Map<Measure, Double> measures = new EnumMap<>(Measure.class);
	private Sex sex;

	/**
	 * Records a finding. PRESENT is never taken back by a later ABSENT or UNSURE: what the patient once
	 * reported keeps counting (a disposition never falls because a patient contradicts themselves).
	 */
	public void record(String finding, State state) {
		State before = findings.get(finding);
		if (before == State.PRESENT) {
			return;
		}
		if (before == State.ABSENT && state == State.UNSURE) {
			return;
		}
		findings.put(finding, state);
	}

	/**
	 * Records a measurement the patient mentioned. The highest pain and temperature count; the first age stated
	 * is the patient's (a carer who then gives their own age, "my 4-year-old... I'm 35", does not make the
	 * patient an adult), and the first duration stated is how long the problem has lasted (a later sentence
	 * about something else, "I sleep eight hours", does not replace it). Of several vital-sign readings the
	 * worst counts: the fastest pulse and breathing, the lowest oxygen, the blood pressure furthest from normal; of
	 * home test readings, the highest ketones, and a low blood sugar before a high one.
	 */
	public void measure(Measure measure, double value) {
		measures.merge(measure, value, (old, now) -> switch (measure) {
			case PAIN, TEMPERATURE, HEART_RATE, RESPIRATORY_RATE, DIASTOLIC_BP -> Math.max(old, now);
			case OXYGEN_SATURATION -> Math.min(old, now);
			// The reading furthest from a normal 120 counts: a low one (shock) and a high one (crisis) both matter.
			case SYSTOLIC_BP -> Math.abs(now - 120) > Math.abs(old - 120) ? now : old;
			case AGE, DURATION_DAYS -> old;
			case KETONES -> Math.max(old, now);
			case BLOOD_SUGAR -> MeasureReader.worstSugar(old, now);
			default -> now;
		});
	}

	/** Records the answer to a question about this measure: it replaces what was read before. */
	public void answer(Measure measure, double value) {
		if (measure == Measure.PAIN || measure == Measure.TEMPERATURE || measure.isVitalSign() || measure.isTestReading()) {
			measure(measure, value);
		}
		else {
			measures.put(measure, value);
		}
	}

	public void sex(Sex value) {
		if (sex == null) {
			sex = value;
		}
	}

	public Optional<State> state(String finding) {
		return Optional.ofNullable(findings.get(finding));
	}

	public boolean isKnown(String finding) {
		return findings.containsKey(finding);
	}

	public Optional<Double> measure(Measure measure) {
		return Optional.ofNullable(measures.get(measure));
	}

	public Optional<Sex> sex() {
		return Optional.ofNullable(sex);
	}

	public Map<String, State> findings() {
		return Collections.unmodifiableMap(findings);
	}

	public Map<Measure, Double> measures() {
		return Collections.unmodifiableMap(measures);
	}

	Truth truthOf(String finding) {
		State state = findings.get(finding);
		if (state == null || state == State.UNSURE) {
			return Truth.UNKNOWN;
		}
		return Truth.of(state == State.PRESENT);
	}
}
