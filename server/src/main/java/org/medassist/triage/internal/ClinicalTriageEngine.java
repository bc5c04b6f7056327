package org.medassist.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.medassist.triage.Assessment;
import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.PatientRecord;
import org.medassist.triage.Question;
import org.medassist.triage.TriageEngine;
import org.medassist.triage.internal.engine.Interviewer;

/** The clinical triage engine behind the module's API: the {@link Interviewer} over the knowledge base. */
final class ClinicalTriageEngine implements TriageEngine {

	private final Interviewer interviewer;

	ClinicalTriageEngine(Interviewer interviewer) {
		this.interviewer = interviewer;
	}

	@Override
	public String version() {
		return Interviewer.VERSION + " kb/" + interviewer.knowledgeBase().version();
	}

	@Override
	public InterviewStep next(Interview interview) {
		if (interview.exchanges().isEmpty()) {
			return ask(interviewer.opening(interview.language()));
		}
		Interviewer.Decision decision = interviewer.next(turns(interview), interview.emergencyNumber(),
				interview.language(), interview.record(), false);
		if (decision instanceof Interviewer.Ask ask) {
			return ask(ask);
		}
		Interviewer.Conclude conclude = fromRecord((Interviewer.Conclude) decision, interview);
		return new InterviewStep.Conclude(conclude.escalated(), conclude.assessment().disposition(),
				conclude.messages(), conclude.assessment());
	}

	@Override
	public Optional<Assessment> reassess(Interview interview) {
		if (interview.exchanges().isEmpty()) {
			return Optional.empty();
		}
		Interviewer.Conclude conclude = (Interviewer.Conclude) interviewer.next(turns(interview),
				interview.emergencyNumber(), interview.language(), interview.record(), true);
		return Optional.of(fromRecord(conclude, interview).assessment());
	}

	/**
	 * Labels what the record added: the record's facts, a reason for each rule that fired only because of them
	 * (citing the record entries and the rule), and, where the patient denied what the record says, both (the
	 * record's finding counts: when unsure, escalate). Found by assessing the same answers without the record.
	 */
	private Interviewer.Conclude fromRecord(Interviewer.Conclude conclusion, Interview interview) {
		PatientRecord record = interview.record();
		if (record.knowsNothing()) {
			return conclusion;
		}
		Interviewer.Conclude withoutRecord = (Interviewer.Conclude) interviewer.next(turns(interview),
				interview.emergencyNumber(), interview.language(), PatientRecord.NONE, true);
		Assessment patientOnly = withoutRecord.assessment();
		Interviewer.Conclude kept = conclusion;
		if (patientOnly.disposition() != null
				&& patientOnly.disposition().isMoreUrgentThan(conclusion.assessment().disposition())) {
			// The record settled a rule the patient's answers raised (its age or sex closed a "not sure", its
			// diabetes closed "not known to have diabetes"): the record must not lower what the patient's own answers
			// gave, so the assessment without it stands.
			kept = withoutRecord;
		}
		Assessment withRecord = kept.assessment();
		var findings = interviewer.knowledgeBase().findings();
		List<PatientRecord.RecordFact> facts = record.facts().stream()
			.filter(f -> findings.containsKey(f.finding()))
			.map(f -> new PatientRecord.RecordFact(f.finding(), f.entry(), f.basis(), findings.get(f.finding()).label()))
			.toList();
		Set<String> patientRules = patientOnly.reasons().stream().map(Assessment.Reason::rule).collect(Collectors.toSet());
		List<Assessment.Reason> reasons = new ArrayList<>(withRecord.reasons());
		for (Assessment.Reason r : withRecord.reasons()) {
			// The record's facts this rule reads (all of them if the rule is not found by its id).
			Set<String> read = findingsOf(r.rule());
			String evidence = facts.stream()
				.filter(f -> read.isEmpty() || read.contains(f.finding()))
				.map(f -> f.label() + " (" + f.entry() + ", " + f.basis() + ")")
				.distinct()
				.collect(Collectors.joining("; "));
			if (evidence.isEmpty() && (record.age() != null || record.sex() != null)) {
				// The rule reads no record finding: the record's age or sex made the difference.
				evidence = "the patient's age " + record.age() + " and sex " + record.sex() + " (Patient)";
			}
			if (!patientRules.contains(r.rule()) && !evidence.isEmpty()) {
				reasons.add(new Assessment.Reason("ehr-record:" + r.rule(), r.disposition(),
						"From the patient's EHR record, not from the patient: " + evidence + ". With it, rule "
								+ r.rule() + " applies (" + r.disposition() + ").",
						r.source()));
			}
		}
		List<String> uncertainties = new ArrayList<>(withRecord.uncertainties());
		if (kept == withoutRecord) {
			uncertainties.add("The EHR record would have lowered this assessment (" + conclusion.assessment().disposition()
					+ " instead of " + patientOnly.disposition() + "): the assessment from the patient's answers stands.");
		}
		Set<String> denied = patientOnly.absent().stream().map(Assessment.FindingNote::id).collect(Collectors.toSet());
		for (PatientRecord.RecordFact f : facts) {
			if (denied.contains(f.finding())) {
				uncertainties.add("The patient said no to \"" + f.label() + "\", but the EHR record has it (" + f.entry()
						+ ", " + f.basis() + "): it was counted as present (when unsure, MedAssist escalates). Check "
						+ "with the patient.");
			}
		}
		return new Interviewer.Conclude(withRecord.withRecord(reasons, uncertainties, facts), kept.escalated(),
				kept.messages());
	}

	private Set<String> findingsOf(String rule) {
		Set<String> findings = new java.util.LinkedHashSet<>();
		var kb = interviewer.knowledgeBase();
		kb.redFlags().stream().filter(f -> f.id().equals(rule)).forEach(f -> f.when().collectFindings(findings));
		kb.protocols().forEach(p -> p.rules().stream().filter(r -> r.id().equals(rule))
			.forEach(r -> r.when().collectFindings(findings)));
		return findings;
	}

	private static List<Interviewer.Turn> turns(Interview interview) {
		return interview.exchanges()
			.stream()
			.map(e -> new Interviewer.Turn(e.question() == null ? null : e.question().id(), e.answer()))
			.toList();
	}

	private static InterviewStep.Ask ask(Interviewer.Ask ask) {
		return new InterviewStep.Ask(List.of(), new Question(ask.questionId(), ask.text(), ask.options()));
	}
}
