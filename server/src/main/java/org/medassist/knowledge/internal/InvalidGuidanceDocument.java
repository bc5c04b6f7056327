package org.medassist.knowledge.internal;

import org.medassist.platform.MedAssistException;

/** A document that cannot be accepted; the detail says what is wrong (it never quotes the content). */
final class InvalidGuidanceDocument extends MedAssistException {

	InvalidGuidanceDocument(String detail) {
		super(Kind.INVALID_INPUT, "invalid-guidance-document", detail);
	}

	InvalidGuidanceDocument(String type, String detail) {
		super(Kind.INVALID_INPUT, type, detail);
	}
}
