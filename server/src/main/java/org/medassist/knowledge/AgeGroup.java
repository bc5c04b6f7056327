package org.medassist.knowledge;

import java.util.Locale;

/** The age group a document is about; {@code ALL} documents match every group. */
public enum AgeGroup {
	ALL, ADULT, CHILD, INFANT, OLDER_ADULT;

	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The enum for {@code all}, {@code adult}, {@code child}, {@code infant}, {@code older-adult}, or {@code null}. */
	public static AgeGroup parse(String text) {
		if (text == null) {
			return null;
		}
		for (AgeGroup g : values()) {
			if (g.code().equalsIgnoreCase(text.strip())) {
				return g;
			}
		}
		return null;
	}
}
