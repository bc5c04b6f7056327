package org.medassist.consultation.internal;

import java.util.List;

/** Opens the package-private question detection to the consultation tests. */
public final class GuidanceAnswersProbe {

	private GuidanceAnswersProbe() {
	}

	public static boolean isQuestion(String message, List<String> options) {
		return GuidanceAnswers.isQuestion(message, options);
	}
}
