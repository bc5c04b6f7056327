package org.medassist.consultation.internal;

import java.text.Normalizer;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.consultation.InvalidConsultationRequest;

/**
 * What a patient typed, made safe to store and show: Unicode-normalised (NFC), line breaks unified, control
 * and bidirectional-override characters and unpaired surrogates removed, outer whitespace trimmed; it must
 * keep at least one visible character and stay within the length limit.
 */
record PatientText(@Classification(Level.RESTRICTED) String value) {

	static PatientText of(String raw, int maxLength) {
		if (raw == null) {
			throw new InvalidConsultationRequest("invalid-message-text", "'text' is required.");
		}
		// Cheap bound before any work: a huge body is rejected without normalising it.
		if (raw.length() > maxLength * 4) {
			throw tooLong(maxLength);
		}
		String normalized = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
		StringBuilder clean = new StringBuilder(normalized.length());
		normalized.codePoints().filter(PatientText::isKept).forEach(clean::appendCodePoint);
		String text = clean.toString().strip();
		if (text.isEmpty()) {
			throw new InvalidConsultationRequest("invalid-message-text",
					"'text' is empty: write at least one letter, number or symbol.");
		}
		if (text.codePointCount(0, text.length()) > maxLength) {
			throw tooLong(maxLength);
		}
		return new PatientText(text);
	}

	private static boolean isKept(int codePoint) {
		if (codePoint == '\n' || codePoint == '\t') {
			return true;
		}
		if (Character.isISOControl(codePoint) || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
			return false;
		}
		// Bidirectional embeddings, overrides and isolates can make a message read differently on the
		// nurse's screen than it was written.
		return !(codePoint >= 0x202A && codePoint <= 0x202E) && !(codePoint >= 0x2066 && codePoint <= 0x2069);
	}

	private static InvalidConsultationRequest tooLong(int maxLength) {
		return new InvalidConsultationRequest("message-too-long",
				"'text' is longer than " + maxLength + " characters; please send it in shorter messages.");
	}
}
