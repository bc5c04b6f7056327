package org.medassist.platform;

import java.util.List;

import org.medassist.platform.internal.IdentifierDetector;

/**
 * Finds and replaces direct identifiers in free text (names after a cue, emails, phone numbers, street
 * addresses, full dates and dates of birth, national and insurance numbers, URLs) with typed placeholders
 * such as {@code [NAME]} or {@code [PHONE]}. Deterministic (regular expressions and check digits, no model), so
 * the same text always gives the same result and it is cheap enough for every log line.
 *
 * <p>Use it on every path where text leaves the clinical record: logs (done for every line by the logging
 * configuration), error reports (done in the problem handler), and any future outbound path such as a prompt to
 * a hosted language model ({@link #redact(String)} before sending). It is a safety net, not a guarantee: it
 * misses identifiers it has no pattern or cue for (a name mentioned without "my name is", a nickname, a rare
 * address form), so code must still not log patient text on purpose.
 */
public final class Redaction {

	/** What kind of identifier was found; the placeholder is {@code [TYPE]}. */
	public enum Type {
		NAME, EMAIL, PHONE, ADDRESS, DATE, ID, URL;

		public String placeholder() {
			return "[" + name() + "]";
		}
	}

	/** One identifier found in a text: its kind and its position {@code [start, end)}. */
	public record Finding(Type type, int start, int end) {

		public Finding {
			if (start < 0 || end <= start) {
				throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
			}
		}
	}

	private Redaction() {
	}

	/** The identifiers in {@code text}, ordered by position and not overlapping; empty for null or blank text. */
	public static List<Finding> find(String text) {
		return text == null || text.isBlank() ? List.of() : IdentifierDetector.find(text);
	}

	/** {@code text} with every identifier replaced by its placeholder; null stays null. */
	public static String redact(String text) {
		if (text == null || text.isBlank()) {
			return text;
		}
		List<Finding> findings = IdentifierDetector.find(text);
		if (findings.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		for (Finding finding : findings) {
			out.append(text, at, finding.start()).append(finding.type().placeholder());
			at = finding.end();
		}
		return out.append(text, at, text.length()).toString();
	}
}
