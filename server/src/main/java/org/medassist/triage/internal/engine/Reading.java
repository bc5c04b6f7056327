package org.medassist.triage.internal.engine;

import java.util.Map;
import java.util.Optional;

/** What one patient message says: findings with their state, measurements, sex, and how it answers a yes/no question. */
record Reading(Map<String, Facts.State> findings, Map<Measure, Double> measures, Optional<Facts.Sex> sex,
		Answer answer) {

	/** How a message answers a yes/no question, judged from its first words. */
	enum Answer {
		YES, NO, UNSURE, OTHER
	}

}
