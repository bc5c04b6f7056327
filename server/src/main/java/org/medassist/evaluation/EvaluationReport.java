package org.medassist.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The result of running a vignette file, in the shape of the shared design notes. */
public record EvaluationReport(Summary summary, List<CaseResult> cases) {

	public record Summary(int cases, int correct, double accuracy, @JsonProperty("emergency_cases") int emergencyCases,
			@JsonProperty("emergency_detected") int emergencyDetected,
			@JsonProperty("emergency_sensitivity") double emergencySensitivity,
			@JsonProperty("under_triage") int underTriage, @JsonProperty("over_triage") int overTriage, int unsafe,
			@JsonProperty("mean_questions") double meanQuestions) {
	}

	public record CaseResult(String id, String expected, String actual, boolean correct, int questions,
			@JsonProperty("red_flags") List<String> redFlags, String error) {
	}

	/** The summary line, e.g. {@code eval: 60 cases, 55 correct (91.7%), emergencies 15/15, ...}. */
	public String summaryLine() {
		Summary s = summary;
		return String.format(java.util.Locale.ROOT,
				"eval: %d cases, %d correct (%.1f%%), emergencies %d/%d, under-triage %d, over-triage %d, unsafe %d, mean questions %.1f",
				s.cases(), s.correct(), s.accuracy() * 100, s.emergencyDetected(), s.emergencyCases(), s.underTriage(),
				s.overTriage(), s.unsafe(), s.meanQuestions());
	}
}
