package org.medassist.knowledge;

import java.util.Locale;

/** Who a guidance document is written for. */
public enum Audience {
	PATIENT, CLINICIAN;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The enum for {@code patient}/{@code clinician}, or {@code null} when the text is neither. */
	public static Audience parse(String text) {
		if (text == null) {
			return null;
		}
		for (Audience a : values()) {
			if (a.code().equalsIgnoreCase(text.strip())) {
				return a;
			}
		}
		return null;
	}
}
