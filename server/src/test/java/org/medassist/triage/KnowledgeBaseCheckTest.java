package org.medassist.triage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code medassist kb check}: the bundled knowledge base passes; each kind of mistake is reported. */
class KnowledgeBaseCheckTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int check(String... args) {
		return KnowledgeBaseCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void theBundledKnowledgeBaseIsValidAndCoversTheRequiredScope() throws IOException {
		assertThat(check("check")).as(err.toString(StandardCharsets.UTF_8)).isZero();

		String summary = out.toString(StandardCharsets.UTF_8);
		assertThat(summary).contains(": OK");
		// No two findings' phrases are read as the same words, and none is excused as deliberate.
		var bundled = new org.medassist.triage.internal.engine.KnowledgeBaseLoader()
			.load(org.medassist.triage.internal.KnowledgeBaseFiles.bundled());
		assertThat(bundled.phraseCollisions()).isEmpty();
		assertThat(bundled.deliberateCollisions()).isEmpty();
		int protocols = Integer.parseInt(summary.replaceAll("(?s).* (\\d+) protocols.*", "$1").trim());
		int redFlags = Integer.parseInt(summary.replaceAll("(?s).* (\\d+) red flags.*", "$1").trim());
		assertThat(protocols).isGreaterThanOrEqualTo(40);
		assertThat(redFlags).isGreaterThanOrEqualTo(20);
		// Every patient-facing text is translated into Spanish, and no translation is left over.
		int english = Integer.parseInt(summary.replaceAll("(?s).*patient texts: en (\\d+).*", "$1").trim());
		assertThat(summary).contains(", es " + english + "/" + english + ";");
		assertThat(english).isGreaterThan(800);
		// Spanish phrases: every finding a red flag depends on can be recognised in Spanish.
		var coverage = java.util.regex.Pattern.compile("phrases: es (\\d+) for (\\d+) findings, red-flag findings (\\d+)/(\\d+): OK")
			.matcher(summary);
		assertThat(coverage.find()).as(summary).isTrue();
		assertThat(Integer.parseInt(coverage.group(1))).isGreaterThan(1000);
		assertThat(Integer.parseInt(coverage.group(3))).isEqualTo(Integer.parseInt(coverage.group(4))).isGreaterThan(50);
	}

	/**
	 * Phrases of two findings that the lexicon reads as the same words (stemmed, small words dropped, any order) are
	 * reported with both findings and both phrases, in English and in Spanish, and fail the check: a clause saying
	 * either is silently read as one finding only ("I hit my head" read as the worst headache).
	 */
	@Test
	void phrasesOfTwoFindingsReadAsTheSameWordsAreReported(@TempDir Path kb) throws IOException {
		copyFixture(kb);
		Files.writeString(kb.resolve("more-findings.yaml"), """
				findings:
				  - id: head_injury
				    label: head injury
				    phrases: [hit my head, blow to the head]
				  - id: worst_headache
				    label: worst headache
				    phrases: [thunderclap headache, a blow to my head]
				  - id: joint_pain
				    label: joint pain
				    phrases: [knee pain]
				  - id: limb_pain
				    label: limb pain
				    phrases: [pains in the knee, leg pain]
				""");
		Path phrases = Files.createDirectories(kb.resolve("i18n/es/phrases"));
		Files.writeString(phrases.resolve("findings.yaml"), """
				phrases:
				  head_injury: [golpe en la cabeza]
				  worst_headache: [como un golpe en la cabeza, dolor de cabeza explosivo]
				""");

		assertThat(check("check", "--dir", kb.toString())).isEqualTo(1);

		String problems = err.toString(StandardCharsets.UTF_8);
		assertThat(problems).contains("kb: 3 phrase collision(s)")
			.contains("[blow, head] (en): 'blow to the head' (head_injury) and 'a blow to my head' (worst_headache)")
			.contains("[knee, pain] (en): 'knee pain' (joint_pain) and 'pains in the knee' (limb_pain)")
			.contains("[cabez, golp] (es): 'golpe en la cabeza' (head_injury) and 'como un golpe en la cabeza' (worst_headache)")
			// "hit my head" and "thunderclap headache" share no word list with anything.
			.doesNotContain("'hit my head'").doesNotContain("thunderclap");
	}

	/** A collision listed as deliberate in kb.yaml, with a reason, passes; a listed one that no longer collides fails. */
	@Test
	void aDeliberateCollisionNeedsAReasonAndMustStillCollide(@TempDir Path kb) throws IOException {
		copyFixture(kb);
		Files.writeString(kb.resolve("more-findings.yaml"), """
				findings:
				  - id: joint_pain
				    label: joint pain
				    phrases: [knee pain]
				  - id: limb_pain
				    label: limb pain
				    phrases: [pains in the knee]
				deliberate_collisions:
				  - {findings: [limb_pain, joint_pain], words: "[knee, pain]", reason: "A test of the deliberate list."}
				""");
		assertThat(check("check", "--dir", kb.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

		Files.writeString(kb.resolve("more-findings.yaml"), """
				findings:
				  - id: joint_pain
				    label: joint pain
				    phrases: [knee pain]
				  - id: limb_pain
				    label: limb pain
				    phrases: [leg pain]
				deliberate_collisions:
				  - {findings: [limb_pain, joint_pain], words: "[knee, pain]", reason: "A test of the deliberate list."}
				  - {findings: [limb_pain, joint_pain], words: "leg pain"}
				""");
		assertThat(check("check", "--dir", kb.toString())).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("deliberate collision [limb_pain, joint_pain] 'leg pain': needs two findings, the words (as kb check prints them) and a reason");

		err.reset();
		Files.writeString(kb.resolve("more-findings.yaml"), """
				findings:
				  - id: joint_pain
				    label: joint pain
				    phrases: [knee pain]
				  - id: limb_pain
				    label: limb pain
				    phrases: [leg pain]
				deliberate_collisions:
				  - {findings: [limb_pain, joint_pain], words: "[knee, pain]", reason: "A test of the deliberate list."}
				""");
		assertThat(check("check", "--dir", kb.toString())).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("deliberate_collisions lists [limb_pain, joint_pain] [knee, pain] (en), which no longer collide");
	}

	private static void copyFixture(Path kb) throws IOException {
		try (var files = Files.list(Path.of("src/test/resources/triage-fixture"))) {
			for (Path file : files.toList()) {
				Files.copy(file, kb.resolve(file.getFileName()));
			}
		}
	}

	@Test
	void spanishPhrasesForAFindingThatDoesNotExistAreAStaleKey(@TempDir Path kb) throws IOException {
		Path fixture = Path.of("src/test/resources/triage-fixture");
		try (var files = Files.list(fixture)) {
			for (Path file : files.toList()) {
				Files.copy(file, kb.resolve(file.getFileName()));
			}
		}
		Path phrases = Files.createDirectories(kb.resolve("i18n/es/phrases"));
		Files.writeString(phrases.resolve("findings.yaml"), """
				phrases:
				  cough: [tos, tosiendo]
				  wheeze: [silbido en el pecho]
				  fever: [""]
				""");

		assertThat(check("check", "--dir", kb.toString())).isEqualTo(1);

		String problems = err.toString(StandardCharsets.UTF_8);
		assertThat(problems)
			.contains("i18n/es/phrases/findings.yaml: 'phrases.wheeze.0': stale key: phrases for finding 'wheeze', which the knowledge base does not define")
			.contains("i18n/es/phrases/findings.yaml: 'phrases.fever.0': empty phrase")
			.doesNotContain("'phrases.cough");
	}

	@Test
	void theSummaryCountsSpanishPhrasesAndTheRedFlagFindingsTheyCover(@TempDir Path kb) throws IOException {
		Path fixture = Path.of("src/test/resources/triage-fixture");
		try (var files = Files.list(fixture)) {
			for (Path file : files.toList()) {
				Files.copy(file, kb.resolve(file.getFileName()));
			}
		}
		// A complete Spanish translation of the fixture's texts, so that only the phrases are under test.
		var english = new org.medassist.triage.internal.engine.KnowledgeBaseLoader()
			.load(org.medassist.triage.internal.KnowledgeBaseFiles.fromDirectory(kb)).patientTexts();
		StringBuilder texts = new StringBuilder();
		english.forEach((key, text) -> texts.append('"').append(key).append("\": \"ES ").append(text.replace("\"", "'"))
			.append("\"\n"));
		Path spanish = Files.createDirectories(kb.resolve("i18n/es"));
		Files.writeString(spanish.resolve("texts.yaml"), texts.toString());
		// Red flags of the fixture depend on chest_pain, sweating, fever, vomiting and neck_stiffness: one of them here.
		Files.createDirectories(spanish.resolve("phrases"));
		Files.writeString(spanish.resolve("phrases/findings.yaml"), """
				phrases:
				  cough: [tos, tosiendo]
				  sweating: [sudando, sudor frío, sudando]
				""");

		assertThat(check("check", "--dir", kb.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains(", es " + english.size() + "/" + english.size() + "; phrases: es 4 for 2 findings, red-flag findings 1/5: OK");
	}

	@Test
	void aMissingTranslationAStaleKeyAndALostPlaceholderAreEachReported(@TempDir Path kb) throws IOException {
		Path fixture = Path.of("src/test/resources/triage-fixture");
		try (var files = Files.list(fixture)) {
			for (Path file : files.toList()) {
				Files.copy(file, kb.resolve(file.getFileName()));
			}
		}
		Path spanish = Files.createDirectories(kb.resolve("i18n/es"));
		Files.writeString(spanish.resolve("findings.yaml"), """
				findings:
				  cough: {question: "¿Tiene tos?"}
				  wheeze: {question: "¿Tiene silbidos en el pecho?"}
				texts:
				  worse: "Si empeora, llame ahora."
				protocols:
				  sore-throat:
				    advice: ["Tome muchos líquidos.", "Descanse.", "Haga gárgaras."]
				""");

		assertThat(check("check", "--dir", kb.toString())).isEqualTo(1);

		String problems = err.toString(StandardCharsets.UTF_8);
		assertThat(problems).contains("i18n/es: missing translation of 'findings.fever.question'")
			.contains("i18n/es: missing translation of 'red_flags.chest-pain-with-sweating.instruction'")
			.contains("i18n/es: missing translation of 'protocols.chest-pain.seek_care_if.0'")
			.contains("i18n/es: missing translation of 'rules.sore-throat-drooling.reason'")
			.contains("i18n/es/findings.yaml: 'findings.wheeze.question': stale key")
			.contains("i18n/es/findings.yaml: 'protocols.sore-throat.advice.2': stale key")
			.contains("i18n/es/findings.yaml: 'texts.worse': must keep the placeholders [{emergency_number}]")
			.doesNotContain("'findings.cough.question'")
			.doesNotContain("missing translation of 'protocols.sore-throat.advice.1'");
	}

	@Test
	void everyKindOfMistakeIsReportedWithItsFile(@TempDir Path kb) throws IOException {
		Files.copy(Path.of("src/test/resources/triage-fixture/kb.yaml"), kb.resolve("kb.yaml"));
		Files.writeString(kb.resolve("findings.yaml"), """
				measures:
				  - measure: oxygen_saturation
				    question: What is the oxygen level?
				    ask_when: [breathlessness]
				findings:
				  - id: cough
				    label: cough
				    question: Do you have a cough?
				    phrases: [cough]
				  - id: cough
				    label: cough again
				    phrases: [coughing]
				  - id: Bad-Id
				    label: bad
				    phrases: [bad]
				""");
		Files.writeString(kb.resolve("protocols.yaml"), """
				protocols:
				  - id: cough
				    title: Cough
				    complaint: [cough]
				    questions: [wheeze]
				    rules:
				      - id: cough-no-source
				        disposition: URGENT
				        when: {finding: cough}
				        reason: A rule without a source.
				      - id: cough-unknown-finding
				        disposition: SOON
				        when: {finding: wheeze}
				        reason: Names a finding nobody defined.
				        source: {title: "Cough - NHS", url: "http://www.nhs.uk/conditions/cough/"}
				    fallback: SELF_CARE
				    advice: [Rest.]
				    seek_care_if: [Worse.]
				    source: {title: "Cough - NHS", url: "https://www.nhs.uk/conditions/cough/"}
				""");

		assertThat(check("check", "--dir", kb.toString())).isEqualTo(1);

		String problems = err.toString(StandardCharsets.UTF_8);
		assertThat(problems).contains("findings.yaml: finding 'cough': defined twice")
			.contains("finding 'Bad-Id': id must be snake_case")
			.contains("rule 'cough-no-source': needs a source with a title and an https URL")
			.contains("rule 'cough-unknown-finding': disposition must be")
			.contains("unknown finding 'wheeze'")
			.contains("measure 'oxygen_saturation': ask_when names unknown finding 'breathlessness'")
			.contains("asks about unknown finding 'wheeze'")
			.contains("rule 'cough-unknown-finding': needs a source with a title and an https URL");
	}
}
