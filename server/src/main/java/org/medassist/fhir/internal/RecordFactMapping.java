package org.medassist.fhir.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medassist.triage.PatientRecord;
import org.medassist.triage.PatientRecord.RecordFact;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Maps a patient's EHR record (Patient, Condition, MedicationStatement, AllergyIntolerance) to the triage engine's
 * risk-factor findings, by the codes and text patterns of {@code fhir/record-facts.yaml} (versioned, with sources).
 * Every fact names the entry it comes from and what matched; the record's own words are never copied into it.
 */
final class RecordFactMapping {

	static final String FILE = "fhir/record-facts.yaml";

	enum EntryKind {
		condition, medication, allergy
	}

	record Source(String title, String url) {
	}

	record Codes(List<String> atc, List<String> icd10, List<String> snomed, List<String> rxnorm) {

		Codes {
			atc = atc == null ? List.of() : atc;
			icd10 = icd10 == null ? List.of() : icd10;
			snomed = snomed == null ? List.of() : snomed;
			rxnorm = rxnorm == null ? List.of() : rxnorm;
		}
	}

	record FindingMapping(String finding, List<EntryKind> entries, Boolean past_counts, Codes codes, List<String> text,
			List<String> exclude_text) {

		FindingMapping {
			past_counts = past_counts != null && past_counts;
			codes = codes == null ? new Codes(null, null, null, null) : codes;
			text = text == null ? List.of() : text;
			exclude_text = exclude_text == null ? List.of() : exclude_text;
		}
	}

	record File(String version, Map<String, Source> sources, Map<String, List<String>> systems,
			List<String> exclude_text, List<FindingMapping> findings) {
	}

	private final File file;

	private final Map<String, Pattern> textPatterns = new LinkedHashMap<>();

	private final List<Pattern> excluded;

	private RecordFactMapping(File file) {
		this.file = file;
		for (FindingMapping m : file.findings()) {
			textPatterns.put(m.finding(), words(m.text()));
		}
		this.excluded = file.exclude_text() == null ? List.of() : file.exclude_text().stream().map(RecordFactMapping::word).toList();
	}

	static RecordFactMapping bundled() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			File file = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
				.readValue(in, File.class);
			return new RecordFactMapping(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String version() {
		return "record-facts/" + file.version();
	}

	List<FindingMapping> findings() {
		return file.findings();
	}

	/** The record as the engine reads it: the facts of every entry in force, the age on {@code today}, the sex. */
	PatientRecord map(Patient patient, List<Condition> conditions, List<MedicationStatement> medications,
			List<AllergyIntolerance> allergies, LocalDate today) {
		List<RecordFact> facts = new ArrayList<>();
		for (Condition c : conditions) {
			if (refutedOrInError(c.getVerificationStatus())) {
				continue;
			}
			boolean past = c.hasClinicalStatus() && c.getClinicalStatus().getCoding().stream()
				.anyMatch(code -> Set.of("inactive", "resolved", "remission").contains(code.getCode()));
			facts.addAll(match(EntryKind.condition, c, List.of(c.getCode()), past));
		}
		for (MedicationStatement m : medications) {
			if (m.hasStatus() && Set.of(MedicationStatement.MedicationStatementStatus.COMPLETED,
					MedicationStatement.MedicationStatementStatus.STOPPED,
					MedicationStatement.MedicationStatementStatus.NOTTAKEN,
					MedicationStatement.MedicationStatementStatus.ENTEREDINERROR).contains(m.getStatus())) {
				continue;
			}
			CodeableConcept medication = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept()
					: new CodeableConcept().setText(m.hasMedicationReference() ? m.getMedicationReference().getDisplay() : null);
			facts.addAll(match(EntryKind.medication, m, List.of(medication), false));
		}
		for (AllergyIntolerance a : allergies) {
			if (refutedOrInError(a.getVerificationStatus())) {
				continue;
			}
			List<CodeableConcept> manifestations = new ArrayList<>();
			a.getReaction().forEach(r -> manifestations.addAll(r.getManifestation()));
			facts.addAll(match(EntryKind.allergy, a, manifestations, false));
		}
		Double age = null;
		String sex = null;
		if (patient != null) {
			if (patient.hasBirthDate()) {
				LocalDate born = patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
				long days = ChronoUnit.DAYS.between(born, today);
				// An impossible birth date (in the future) says nothing.
				age = days < 0 ? null : Math.round(days / 365.25 * 100) / 100.0;
			}
			if (patient.hasGender()) {
				sex = switch (patient.getGender()) {
					case FEMALE -> "female";
					case MALE -> "male";
					default -> null;
				};
			}
		}
		return new PatientRecord(distinct(facts), age, sex, version());
	}

	private List<RecordFact> match(EntryKind kind, Resource entry, List<CodeableConcept> concepts, boolean past) {
		String reference = entry.getIdElement().toUnqualifiedVersionless().getValue();
		if (reference == null) {
			reference = entry.fhirType();
		}
		List<RecordFact> facts = new ArrayList<>();
		for (FindingMapping m : file.findings()) {
			if (!m.entries().contains(kind) || (past && !m.past_counts())) {
				continue;
			}
			Optional<String> basis = byCode(m, concepts).or(() -> byText(m, concepts));
			if (basis.isPresent()) {
				facts.add(new RecordFact(m.finding(), reference, basis.get(), null));
			}
		}
		return facts;
	}

	private Optional<String> byCode(FindingMapping m, List<CodeableConcept> concepts) {
		for (CodeableConcept concept : concepts) {
			for (Coding coding : concept.getCoding()) {
				if (coding.getSystem() == null || coding.getCode() == null) {
					continue;
				}
				String code = coding.getCode().strip().toUpperCase(Locale.ROOT);
				boolean matched = (in("atc", coding) && m.codes().atc().stream().anyMatch(code::startsWith))
						|| (in("icd10", coding) && m.codes().icd10().stream().anyMatch(code.replace(".", "")::startsWith))
						|| (in("snomed", coding) && m.codes().snomed().contains(code))
						|| (in("rxnorm", coding) && m.codes().rxnorm().contains(code));
				if (matched) {
					return Optional.of(coding.getSystem() + "|" + code);
				}
			}
		}
		return Optional.empty();
	}

	private Optional<String> byText(FindingMapping m, List<CodeableConcept> concepts) {
		Pattern pattern = textPatterns.get(m.finding());
		List<Pattern> exclusions = new ArrayList<>(excluded);
		m.exclude_text().forEach(x -> exclusions.add(word(x)));
		for (CodeableConcept concept : concepts) {
			List<String> texts = new ArrayList<>();
			if (concept.hasText()) {
				texts.add(concept.getText());
			}
			concept.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank()).forEach(texts::add);
			for (String text : texts) {
				String lower = text.toLowerCase(Locale.ROOT);
				var found = pattern.matcher(lower);
				if (found.find() && exclusions.stream().noneMatch(x -> x.matcher(lower).find())) {
					// What matched, as written in the mapping file: the record's own words stay in the record.
					return Optional.of("text:" + m.text().stream().filter(t -> word(t).matcher(lower).find())
						.findFirst().orElse("?").replace("\\b", ""));
				}
			}
		}
		return Optional.empty();
	}

	private boolean in(String system, Coding coding) {
		return file.systems().getOrDefault(system, List.of()).contains(coding.getSystem());
	}

	private static boolean refutedOrInError(CodeableConcept status) {
		return status != null && status.getCoding().stream()
			.anyMatch(c -> "refuted".equals(c.getCode()) || "entered-in-error".equals(c.getCode()));
	}

	private static Pattern words(List<String> alternatives) {
		return alternatives.isEmpty() ? Pattern.compile("(?!)")
				: Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")");
	}

	private static Pattern word(String pattern) {
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + pattern + ")");
	}

	/** One fact per finding and entry. */
	private static List<RecordFact> distinct(List<RecordFact> facts) {
		Map<String, RecordFact> out = new LinkedHashMap<>();
		facts.forEach(f -> out.putIfAbsent(f.finding() + " " + f.entry(), f));
		return List.copyOf(out.values());
	}
}
