package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medassist.triage.internal.engine.EngineConsultations.disposition;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medassist.triage.Disposition;
import org.medassist.triage.internal.KnowledgeBaseFiles;

/**
 * Terse clinician wording (round 2, branch terse): one-word negatives ("afebrile", "apyrexial") deny only their own
 * finding, "no focal neurology" denies a weak limb, medical terms for common findings (paraesthesia, nocturia,
 * iliac fossa pain, RIF, inversion injury, spreading erythema, perianal abscess, heavy menstrual bleeding), and an
 * answer about weeks of pregnancy that starts with the age ("33F, 7 weeks amenorrhoea"). Real knowledge base and
 * the bundled embedding model, as in production.
 */
class ClinicianWordingTest {

	private static KnowledgeBase kb;
	private static FindingExtractor reader;

	@BeforeAll
	static void load() throws Exception {
		kb = new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled());
		reader = new FindingExtractor(kb.findings().values(), null, kb.emergencyFindings());
	}

	private static Map<String, Facts.State> read(String text) {
		return reader.read(text, Optional.empty()).findings();
	}

	@Test
	void afebrileDeniesFeverAndNothingElse() {
		assertThat(read("Afebrile, vomiting x3 today.")).containsEntry("fever", Facts.State.ABSENT)
			.containsEntry("vomiting", Facts.State.PRESENT);
		assertThat(read("Apyrexial. Productive cough 3 days.")).containsEntry("fever", Facts.State.ABSENT)
			.containsEntry("cough", Facts.State.PRESENT);
		assertThat(read("No cough, afebrile.")).containsEntry("fever", Facts.State.ABSENT);
		assertThat(read("Afebrile seizure lasting 2 minutes.")).containsEntry("fever", Facts.State.ABSENT)
			.containsEntry("seizure", Facts.State.PRESENT);
		// "not afebrile" is not a denial; and a fever said elsewhere still counts.
		assertThat(read("Not afebrile.")).doesNotContainEntry("fever", Facts.State.ABSENT);
		assertThat(read("Febrile overnight, afebrile this morning.")).containsEntry("fever", Facts.State.PRESENT);
	}

	@Test
	void medicalTermsNameTheirFindings() {
		assertThat(read("Intermittent paraesthesia of the fingers at night.")).containsEntry("numbness_tingling", Facts.State.PRESENT);
		assertThat(read("62M, nocturia x3 for 6 months.")).containsEntry("frequent_urination", Facts.State.PRESENT);
		assertThat(read("Periumbilical pain migrating to RIF.")).containsEntry("abdominal_pain", Facts.State.PRESENT)
			.containsEntry("pain_lower_right_tummy", Facts.State.PRESENT);
		assertThat(read("Sudden L iliac fossa pain.")).containsEntry("abdominal_pain", Facts.State.PRESENT);
		assertThat(read("Inversion injury R ankle playing football.")).containsEntry("limb_injury", Facts.State.PRESENT);
		assertThat(read("Hot swollen lower leg with spreading erythema.")).containsEntry("spreading_redness", Facts.State.PRESENT);
		assertThat(read("Tender perianal abscess.")).containsEntry("lump_red_hot_painful", Facts.State.PRESENT);
		assertThat(read("Heavy menstrual bleeding for 6 months.")).containsEntry("heavy_periods", Facts.State.PRESENT);
		assertThat(read("Headache 2 days, no focal neurology.")).containsEntry("arm_leg_weakness", Facts.State.ABSENT)
			.containsEntry("headache", Facts.State.PRESENT);
	}

	@Test
	void weeksOfPregnancyAreTheNumberSaidInWeeksNotTheAge() {
		assertThat(MeasureReader.read(Text.normalize("33F, 7 weeks amenorrhoea, positive home pregnancy test"),
				Optional.of(Measure.PREGNANCY_WEEKS)).get(Measure.PREGNANCY_WEEKS)).isCloseTo(7.0, within(0.01));
		assertThat(MeasureReader.read(Text.normalize("28 weeks"), Optional.of(Measure.PREGNANCY_WEEKS))
			.get(Measure.PREGNANCY_WEEKS)).isCloseTo(28.0, within(0.01));
	}

	@Test
	void terseClinicianCasesAreTriagedByTheirTerms() {
		// Possible ruptured ectopic pregnancy said in clinical shorthand stays an emergency.
		assertThat(disposition("33F, 7 weeks amenorrhoea, positive pregnancy test. Sudden R iliac fossa pain and shoulder tip pain, feels faint."))
			.isEqualTo(Disposition.EMERGENCY);
		// Possible appendicitis is seen the same day.
		assertThat(disposition("14M, 1 day periumbilical pain migrating to RIF, worse on walking. T 37.9."))
			.isIn(Disposition.URGENT, Disposition.EMERGENCY);
		// A perianal abscess is seen the same day.
		assertThat(disposition("38M, 3 days perianal pain with a tender hot swelling beside the anus."))
			.isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}
}
