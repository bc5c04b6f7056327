package org.medassist.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.Interview;
import org.medassist.triage.InterviewStep;
import org.medassist.triage.PatientRecord;
import org.medassist.triage.PatientRecord.RecordFact;
import org.medassist.triage.Question;
import org.medassist.triage.internal.engine.Interviewer;
import org.medassist.triage.internal.engine.KnowledgeBaseLoader;

/**
 * Facts from the patient's EHR record in the real knowledge base (word matching, no embedding model): they count
 * as present findings from the record, raise a disposition and never lower one, spare the patient questions the
 * record answers, and are labelled in the assessment with the entry they come from; a patient's denial of what the
 * record says is shown beside it and does not take it back.
 */
class RecordFactsEngineTest {

	private static final ClinicalTriageEngine engine = engine();

	private static final RecordFact WARFARIN = new RecordFact("anticoagulant", "MedicationStatement/7",
			"http://www.whocc.no/atc|B01AA03", null);

	private static ClinicalTriageEngine engine() {
		try {
			return new ClinicalTriageEngine(
					new Interviewer(new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled()), null, 0.8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static PatientRecord record(RecordFact... facts) {
		return new PatientRecord(List.of(facts), null, null, "test");
	}

	/** The interview with the patient answering "No" to every question, until it ends. */
	private static List<Interview.Exchange> interview(String opening, PatientRecord record) {
		return interview(opening, record, List.of());
	}

	/** The interview with the patient answering "Yes" to these questions and "No" to every other, until it ends. */
	private static List<Interview.Exchange> interview(String opening, PatientRecord record, List<String> yesTo) {
		List<Interview.Exchange> exchanges = new ArrayList<>();
		exchanges.add(new Interview.Exchange(null, opening));
		for (int i = 0; i < 20; i++) {
			InterviewStep step = engine.next(new Interview("en", "911", exchanges, record));
			if (step instanceof InterviewStep.Ask ask) {
				exchanges.add(new Interview.Exchange(ask.question(), yesTo.contains(ask.question().id()) ? "Yes" : "No"));
			}
			else {
				return exchanges;
			}
		}
		throw new AssertionError("the interview did not end");
	}

	@Test
	void anAnticoagulantInTheRecordMakesAHeadInjuryAnEmergencyAfterTheInterview() {
		List<Interview.Exchange> exchanges = interview("I banged my head on a cupboard door an hour ago. It is a bit sore.",
				PatientRecord.NONE);
		Assessment patientOnly = engine.reassess(new Interview("en", "911", exchanges)).orElseThrow();
		assertThat(patientOnly.disposition()).isNotEqualTo(Disposition.EMERGENCY);

		Assessment withRecord = engine.reassess(new Interview("en", "911", exchanges, record(WARFARIN))).orElseThrow();

		assertThat(withRecord.disposition()).isEqualTo(Disposition.EMERGENCY);
		assertThat(withRecord.fromRecord()).extracting(RecordFact::finding, RecordFact::entry)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("anticoagulant", "MedicationStatement/7"));
		assertThat(withRecord.fromRecord().get(0).label()).as("the knowledge base's words").contains("blood thinners");
		assertThat(withRecord.reasons()).filteredOn(r -> r.rule().startsWith("ehr-record:"))
			.as("why: the record entry and the rule")
			.isNotEmpty()
			.allSatisfy(r -> assertThat(r.text()).contains("MedicationStatement/7").contains("B01AA03")
				.contains(r.rule().substring("ehr-record:".length())));
		assertThat(withRecord.uncertainties()).as("the patient said no when asked: both are shown")
			.anySatisfy(u -> assertThat(u).contains("said no").contains("MedicationStatement/7"));
	}

	@Test
	void whenTheRecordIsKnownDuringTheInterviewItIsNotAskedAndCounts() {
		Interview opening = new Interview("en", "911",
				List.of(new Interview.Exchange(null, "I banged my head on a cupboard door an hour ago.")));
		InterviewStep withoutRecord = engine.next(opening);
		assertThat(withoutRecord).isInstanceOf(InterviewStep.Ask.class);

		InterviewStep withRecord = engine.next(new Interview(opening.language(), opening.emergencyNumber(),
				opening.exchanges(), record(WARFARIN)));

		assertThat(withRecord).as("head injury on a blood thinner: an emergency at once")
			.isInstanceOfSatisfying(InterviewStep.Conclude.class, c -> {
				assertThat(c.escalated()).isTrue();
				assertThat(c.disposition()).isEqualTo(Disposition.EMERGENCY);
				assertThat(c.assessment().fromRecord()).extracting(RecordFact::finding).containsExactly("anticoagulant");
			});
		List<String> asked = new ArrayList<>();
		for (Interview.Exchange e : interview("My throat is sore and I have a cough",
				record(new RecordFact("immunosuppressed", "Condition/3", "http://hl7.org/fhir/sid/icd-10|D84.9", null)))) {
			if (e.question() != null) {
				asked.add(e.question().id());
			}
		}
		assertThat(asked).as("what the record answers is not asked").doesNotContain("finding:immunosuppressed");
	}

	@Test
	void theRecordsAgeAndSexAreKnownAndNotAsked() {
		List<Interview.Exchange> exchanges = interview("I have a rash on my arm",
				new PatientRecord(List.of(), 34.0, "female", "test"));
		assertThat(exchanges).extracting(Interview.Exchange::question).filteredOn(q -> q != null)
			.extracting(Question::id).doesNotContain("measure:age", "measure:sex");
	}

	@Test
	void whenTheRecordWouldCloseARuleThePatientsOwnAnswersRaisedTheirAssessmentStands() {
		// "A high sugar in someone not known to have diabetes" (URGENT): the patient said no to diabetes.
		List<Interview.Exchange> exchanges = interview("I checked and my blood sugar is high, over 20",
				PatientRecord.NONE, List.of("finding:blood_sugar_high_reading"));
		Assessment patientOnly = engine.reassess(new Interview("en", "911", exchanges)).orElseThrow();
		assertThat(patientOnly.reasons()).extracting(Assessment.Reason::rule).contains("blood-sugar-high-child-or-new");

		Assessment withRecord = engine.reassess(new Interview("en", "911", exchanges,
				record(new RecordFact("diabetes", "Condition/2", "http://hl7.org/fhir/sid/icd-10|E11.9", null))))
			.orElseThrow();

		assertThat(withRecord.disposition()).isEqualTo(patientOnly.disposition());
		assertThat(withRecord.reasons()).extracting(Assessment.Reason::rule).contains("blood-sugar-high-child-or-new");
		assertThat(withRecord.uncertainties()).anySatisfy(u -> assertThat(u).contains("said no").contains("Condition/2"));
	}

	@Test
	void recordFactsNeverLowerADisposition() {
		List<PatientRecord> records = List.of(PatientRecord.NONE, record(WARFARIN),
				record(new RecordFact("pregnant", "Condition/1", "http://snomed.info/sct|77386006", null)),
				record(new RecordFact("diabetes", "Condition/2", "http://hl7.org/fhir/sid/icd-10|E11.9", null),
						new RecordFact("heart_disease", "Condition/4", "http://hl7.org/fhir/sid/icd-10|I50.9", null)),
				new PatientRecord(List.of(), 80.0, "male", "test"), new PatientRecord(List.of(), 25.0, "female", "test"));
		List<String> openings = List.of("I have a headache", "I feel sick and I have been vomiting",
				"I have pain in my tummy and some bleeding", "I have a fever and a cough",
				"I'm 58 and I've had crushing chest pain for 30 minutes, sweating", "My ankle is swollen after a fall",
				"I'm not sure if I'm pregnant and I have bad tummy pain",
				// A rule for "not known to have diabetes": the record's diabetes must not undo the patient's "no".
				"I checked and my blood sugar is high, over 20");
		for (String opening : openings) {
			List<Interview.Exchange> exchanges = interview(opening, PatientRecord.NONE);
			Disposition patientOnly = engine.reassess(new Interview("en", "911", exchanges)).orElseThrow().disposition();
			for (PatientRecord record : records) {
				Disposition withRecord = engine.reassess(new Interview("en", "911", exchanges, record)).orElseThrow()
					.disposition();
				assertThat(Disposition.mostUrgent(withRecord, patientOnly)).as(opening + " with " + record)
					.isEqualTo(withRecord);
			}
		}
	}
}
