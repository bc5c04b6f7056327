package org.medassist.triage;

import java.util.List;

/**
 * What the patient's record (the clinic's EHR) says, as the engine reads it: risk factors it treats as present
 * findings, and the age and sex the record gives. Facts from the record only ever add to what the patient said
 * (a record cannot make a finding absent), so they can raise a disposition but never lower it.
 *
 * @param facts the findings the record supports, each with the entry it comes from
 * @param age the patient's age in years from the record's birth date, or {@code null}
 * @param sex {@code female} or {@code male} from the record, or {@code null}
 * @param mapping the version of the mapping from record codes to findings
 */
public record PatientRecord(List<RecordFact> facts, Double age, String sex, String mapping) {

	/** No record: the interview knows only what the patient says. */
	public static final PatientRecord NONE = new PatientRecord(List.of(), null, null, null);

	public PatientRecord {
		facts = facts == null ? List.of() : List.copyOf(facts);
	}

	// Not a bean getter (isEmpty): the record is stored as JSON with exactly its components.
	public boolean knowsNothing() {
		return facts.isEmpty() && age == null && sex == null;
	}

	/**
	 * A finding known from the record, not from the patient.
	 *
	 * @param finding the knowledge base's finding id ({@code anticoagulant})
	 * @param entry the record entry it comes from, as the EHR names it ({@code MedicationStatement/42})
	 * @param basis what matched, from MedAssist's mapping (never the record's own text): a code
	 *        ({@code http://www.whocc.no/atc|B01AF02}) or {@code text:<keyword>}
	 * @param label the finding in words, for the nurse (the knowledge base's label)
	 */
	public record RecordFact(String finding, String entry, String basis, String label) {
	}
}
