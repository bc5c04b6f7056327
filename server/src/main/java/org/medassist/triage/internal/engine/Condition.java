package org.medassist.triage.internal.engine;

import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * A condition of a rule or red flag, as written in the knowledge base's {@code when}, evaluated in
 * three-valued logic against {@link Facts}.
 */
public sealed interface Condition {

	Truth evaluate(Facts facts);

	/** Findings whose state could change this condition's value. */
	void collectFindings(Set<String> out);

	/** Measurements (and {@code sex}, as the key "sex") this condition reads. */
	void collectMeasures(Set<String> out);

	record All(List<Condition> parts) implements Condition {
		public Truth evaluate(Facts facts) {
			Truth result = Truth.TRUE;
			for (Condition part : parts) {
				result = result.and(part.evaluate(facts));
			}
			return result;
		}

		public void collectFindings(Set<String> out) {
			parts.forEach(p -> p.collectFindings(out));
		}

		public void collectMeasures(Set<String> out) {
			parts.forEach(p -> p.collectMeasures(out));
		}
	}

	record Any(List<Condition> parts) implements Condition {
		public Truth evaluate(Facts facts) {
			Truth result = Truth.FALSE;
			for (Condition part : parts) {
				result = result.or(part.evaluate(facts));
			}
			return result;
		}

		public void collectFindings(Set<String> out) {
			parts.forEach(p -> p.collectFindings(out));
		}

		public void collectMeasures(Set<String> out) {
			parts.forEach(p -> p.collectMeasures(out));
		}
	}

	record Not(Condition part) implements Condition {
		public Truth evaluate(Facts facts) {
			return part.evaluate(facts).not();
		}

		public void collectFindings(Set<String> out) {
			part.collectFindings(out);
		}

		public void collectMeasures(Set<String> out) {
			part.collectMeasures(out);
		}
	}

	/** The finding is present ({@code finding: id}). */
	record Present(String finding) implements Condition {
		public Truth evaluate(Facts facts) {
			return facts.truthOf(finding);
		}

		public void collectFindings(Set<String> out) {
			out.add(finding);
		}

		public void collectMeasures(Set<String> out) {
		}
	}

	/**
	 * The patient has not reported the finding ({@code not_reported: known_epilepsy}): true unless it is present.
	 * For exceptions that only a reported fact may grant ("unless known to have epilepsy"): not knowing, or
	 * being unsure, does not grant them.
	 */
	record NotReported(String finding) implements Condition {
		public Truth evaluate(Facts facts) {
			return Truth.of(facts.truthOf(finding) != Truth.TRUE);
		}

		public void collectFindings(Set<String> out) {
			out.add(finding);
		}

		public void collectMeasures(Set<String> out) {
		}
	}

	/**
	 * The patient has not denied the finding ({@code not_denied: anticoagulant}): true when present or when the
	 * patient was asked and is unsure, false when denied, unknown until asked. For a risk that only a reported "no"
	 * may rule out ("unless known not to take blood thinners"): when unsure, escalate.
	 */
	record NotDenied(String finding) implements Condition {
		public Truth evaluate(Facts facts) {
			return facts.state(finding)
				.map(state -> Truth.of(state != Facts.State.ABSENT))
				.orElse(Truth.UNKNOWN);
		}

		public void collectFindings(Set<String> out) {
			out.add(finding);
		}

		public void collectMeasures(Set<String> out) {
		}
	}

	/** A measurement compared with a bound ({@code age: {lt: 0.25}}). Unknown until measured. */
	record Compare(Measure measure, String operator, double bound) implements Condition {
		public Truth evaluate(Facts facts) {
			return facts.measure(measure).map(v -> Truth.of(test().test(v))).orElse(Truth.UNKNOWN);
		}

		private DoublePredicate test() {
			return switch (operator) {
				case "lt" -> v -> v < bound;
				case "lte" -> v -> v <= bound;
				case "gt" -> v -> v > bound;
				case "gte" -> v -> v >= bound;
				default -> v -> v == bound;
			};
		}

		public void collectFindings(Set<String> out) {
		}

		public void collectMeasures(Set<String> out) {
			out.add(measure.key());
		}
	}

	record SexIs(Facts.Sex sex) implements Condition {
		public Truth evaluate(Facts facts) {
			return facts.sex().map(s -> Truth.of(s == sex)).orElse(Truth.UNKNOWN);
		}

		public void collectFindings(Set<String> out) {
		}

		public void collectMeasures(Set<String> out) {
			out.add("sex");
		}
	}
}
