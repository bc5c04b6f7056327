package org.medassist.triage.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.medassist.triage.Disposition;
import org.medassist.triage.internal.engine.KnowledgeBase.Finding;
import org.medassist.triage.internal.engine.KnowledgeBase.MeasureQuestion;
import org.medassist.triage.internal.engine.KnowledgeBase.Protocol;
import org.medassist.triage.internal.engine.KnowledgeBase.RedFlag;
import org.medassist.triage.internal.engine.KnowledgeBase.Rule;
import org.medassist.triage.internal.engine.KnowledgeBase.Source;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the knowledge base from its YAML files and checks it: the schema (unknown keys are errors), unique
 * ids, a source with an https URL on every red flag and rule, conditions that name known findings, protocols
 * whose complaint can be recognised and whose questions can be asked. Every problem is reported, with the
 * file it is in; one problem makes the whole knowledge base invalid.
 */
public final class KnowledgeBaseLoader {

	private static final Pattern FINDING_ID = Pattern.compile("[a-z][a-z0-9_]*");
	private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	/** What the engine says itself; see kb.yaml. */
	public static final List<String> REQUIRED_TEXTS = List.of("opening", "rephrase", "more", "outcome.EMERGENCY",
			"outcome.URGENT", "outcome.ROUTINE", "outcome.SELF_CARE", "unrecognised", "advice-heading",
			"seek-care-heading", "nurse-review", "worse", "answer.yes", "answer.no", "answer.unsure");

	/** Translations live under {@code i18n/<language>/} (or in {@code i18n/<language>.yaml}), keyed by stable ids. */
	static final String TRANSLATIONS = "i18n/";
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+\\}");
	/** {@code phrases: {chest_pain: [dolor de pecho, ...]}} in {@code i18n/<language>/phrases/*.yaml}: how patients say a finding. */
	private static final Pattern PHRASE_KEY = Pattern.compile("phrases\\.([^.]+)\\.\\d+");

	private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

	private final YAMLMapper yaml = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	// Raw shapes of the YAML files.
	record RawSource(String title, String url) {
	}

	record RawFinding(String id, String label, String question, List<String> phrases, String snomed) {
	}

	record RawMeasure(String measure, String question, List<String> options, List<String> askWhen) {
	}

	record RawRedFlag(String id, String name, String disposition, JsonNode when, String instruction, String reason,
			RawSource source, List<String> ask) {
	}

	record RawRule(String id, String disposition, JsonNode when, String reason, RawSource source) {
	}

	record RawProtocol(String id, String title, JsonNode appliesWhen, List<String> complaint, List<String> questions, List<String> screen,
			List<RawRule> rules, String fallback, List<String> advice, List<String> seekCareIf, RawSource source) {
	}

	record RawDerived(String finding, String state, JsonNode when, RawSource source) {
	}

	record RawCollision(String language, List<String> findings, String words, String reason) {
	}

	record RawFile(String version, String name, Map<String, String> texts, List<RawDerived> derivedFindings, List<RawMeasure> measures, List<RawFinding> findings,
			List<RawRedFlag> redFlags, List<RawProtocol> protocols, List<String> globalScreen,
			List<RawCollision> deliberateCollisions) {
	}

	/** A knowledge base that failed its checks; {@link #problems()} lists them all. */
	public static final class Invalid extends RuntimeException {

		private final List<String> problems;

		Invalid(List<String> problems) {
			super(problems.size() + " problem(s) in the triage knowledge base:\n  " + String.join("\n  ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}
	}

	/**
	 * Loads a knowledge base from its files.
	 * @param files file name (relative, for messages and the hash) to YAML content
	 */
	public KnowledgeBase load(Map<String, String> files) {
		List<String> problems = new ArrayList<>();
		Map<String, String> sorted = new TreeMap<>(files);
		String version = null;
		Map<String, Finding> findings = new LinkedHashMap<>();
		Map<String, MeasureQuestion> measures = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		List<RawDerived> rawDerived = new ArrayList<>();
		// Findings with neither phrases nor a question: fine only when kb.yaml derives them (from a measurement).
		Map<String, String> silent = new LinkedHashMap<>();
		Map<String, String> redFlagFile = new LinkedHashMap<>();
		List<RawRedFlag> rawFlags = new ArrayList<>();
		Map<String, String> protocolFile = new LinkedHashMap<>();
		List<RawProtocol> rawProtocols = new ArrayList<>();
		Map<String, String> translationFiles = new TreeMap<>();
		List<String> globalScreen = new ArrayList<>();
		List<RawCollision> rawCollisions = new ArrayList<>();

		for (Map.Entry<String, String> file : sorted.entrySet()) {
			String name = file.getKey();
			if (name.startsWith(TRANSLATIONS)) {
				translationFiles.put(name, file.getValue());
				continue;
			}
			RawFile raw;
			try {
				raw = yaml.readValue(file.getValue(), RawFile.class);
			}
			catch (RuntimeException e) {
				problems.add(name + ": not valid: " + firstLine(e.getMessage()));
				continue;
			}
			if (raw == null) {
				continue;
			}
			if (raw.version() != null) {
				if (version != null) {
					problems.add(name + ": a second 'version' (only kb.yaml has one)");
				}
				version = raw.version();
			}
			if (raw.texts() != null) {
				texts.putAll(raw.texts());
			}
			rawDerived.addAll(list(raw.derivedFindings()));
			globalScreen.addAll(list(raw.globalScreen()));
			rawCollisions.addAll(list(raw.deliberateCollisions()));
			for (RawMeasure m : list(raw.measures())) {
				if (Measure.byKey(m.measure()).isEmpty() && !"sex".equals(m.measure())) {
					problems.add(name + ": unknown measure '" + m.measure() + "'");
				}
				else if (blank(m.question())) {
					problems.add(name + ": measure '" + m.measure() + "' has no question");
				}
				else if (measures.put(m.measure(), new MeasureQuestion(m.measure(), m.question(), list(m.options()), list(m.askWhen()))) != null) {
					problems.add(name + ": measure '" + m.measure() + "' defined twice");
				}
			}
			for (RawFinding f : list(raw.findings())) {
				String where = name + ": finding '" + f.id() + "'";
				if (f.id() == null || !FINDING_ID.matcher(f.id()).matches()) {
					problems.add(where + ": id must be snake_case");
					continue;
				}
				if (blank(f.label())) {
					problems.add(where + ": no label");
				}
				if (list(f.phrases()).isEmpty() && blank(f.question())) {
					silent.put(f.id(), where);
				}
				if (findings.put(f.id(), new Finding(f.id(), f.label(), f.question(), lower(f.phrases()), f.snomed())) != null) {
					problems.add(where + ": defined twice");
				}
			}
			for (RawRedFlag r : list(raw.redFlags())) {
				if (redFlagFile.put(String.valueOf(r.id()), name) != null) {
					problems.add(name + ": red flag '" + r.id() + "' defined twice");
				}
				rawFlags.add(r);
			}
			for (RawProtocol p : list(raw.protocols())) {
				if (protocolFile.put(String.valueOf(p.id()), name) != null) {
					problems.add(name + ": protocol '" + p.id() + "' defined twice");
				}
				rawProtocols.add(p);
			}
		}
		for (String key : REQUIRED_TEXTS) {
			if (!texts.containsKey(key)) {
				problems.add("kb.yaml: texts needs '" + key + "'");
			}
		}
		if (version == null || !SEMVER.matcher(version).matches()) {
			problems.add("kb.yaml: 'version' must be a semantic version (1.2.3)");
		}
		for (Measure m : Measure.values()) {
			// Vital signs are read from what patients and clinicians write; most patients have no reading to give.
			if (!measures.containsKey(m.key()) && m != Measure.PREGNANCY_WEEKS && m != Measure.TEMPERATURE && !m.isVitalSign()
					&& !m.isTestReading()) {
				problems.add("no question for the measure '" + m.key() + "'");
			}
		}

		Set<String> derivedPresent = new java.util.HashSet<>();
		rawDerived.stream().filter(d -> !"absent".equals(d.state())).forEach(d -> derivedPresent.add(d.finding()));
		silent.forEach((id, where) -> {
			if (!derivedPresent.contains(id)) {
				problems.add(where + ": neither phrases (to recognise it), a question (to ask it) nor a derivation in kb.yaml");
			}
		});

		measures.values().forEach(m -> m.askWhen().stream().filter(id -> !findings.containsKey(id))
			.forEach(id -> problems.add("measure '" + m.measure() + "': ask_when names unknown finding '" + id + "'")));

		List<KnowledgeBase.Derived> derived = new ArrayList<>();
		for (RawDerived d : rawDerived) {
			String where = "derived finding '" + d.finding() + "'";
			if (!findings.containsKey(d.finding())) {
				problems.add(where + ": unknown finding");
			}
			if (d.state() != null && !d.state().equals("present") && !d.state().equals("absent")) {
				problems.add(where + ": state is 'present' (the default) or 'absent'");
			}
			derived.add(new KnowledgeBase.Derived(d.finding(), !"absent".equals(d.state()),
					condition(d.when(), where, findings, problems),
					source(d.source(), where, problems)));
		}

		Set<String> ruleIds = new HashSet<>();
		List<RedFlag> redFlags = new ArrayList<>();
		for (RawRedFlag r : rawFlags) {
			String where = redFlagFile.get(String.valueOf(r.id())) + ": red flag '" + r.id() + "'";
			checkRuleId(r.id(), where, ruleIds, problems);
			Disposition disposition = disposition(r.disposition(), where, problems);
			if (disposition != null && disposition != Disposition.EMERGENCY && disposition != Disposition.URGENT) {
				problems.add(where + ": a red flag is EMERGENCY or URGENT");
			}
			if (blank(r.name()) || blank(r.instruction()) || blank(r.reason())) {
				problems.add(where + ": needs a name, an instruction and a reason");
			}
			Source source = source(r.source(), where, problems);
			Condition when = condition(r.when(), where, findings, problems);
			for (String ask : list(r.ask())) {
				askable(ask, where, findings, measures, problems);
			}
			redFlags.add(new RedFlag(r.id(), r.name(), disposition, when, r.instruction(), r.reason(), source,
					list(r.ask())));
		}

		List<Protocol> protocols = new ArrayList<>();
		for (RawProtocol p : rawProtocols) {
			String where = protocolFile.get(String.valueOf(p.id())) + ": protocol '" + p.id() + "'";
			checkRuleId(p.id(), where, ruleIds, problems);
			if (blank(p.title())) {
				problems.add(where + ": no title");
			}
			if (list(p.complaint()).isEmpty()) {
				problems.add(where + ": no complaint findings: it could never be activated");
			}
			for (String c : list(p.complaint())) {
				Finding f = findings.get(c);
				if (f == null) {
					problems.add(where + ": complaint finding '" + c + "' is not defined");
				}
				else if (f.phrases().isEmpty() && !derivedPresent.contains(c)) {
					problems.add(where + ": complaint finding '" + c + "' has no phrases: it could never be recognised");
				}
			}
			for (String q : list(p.questions())) {
				askable(q, where, findings, measures, problems);
			}
			for (String s : list(p.screen())) {
				if (!redFlagFile.containsKey(s)) {
					problems.add(where + ": screens for unknown red flag '" + s + "'");
				}
			}
			List<Rule> rules = new ArrayList<>();
			for (RawRule rule : list(p.rules())) {
				String ruleWhere = where + " rule '" + rule.id() + "'";
				checkRuleId(rule.id(), ruleWhere, ruleIds, problems);
				Disposition d = disposition(rule.disposition(), ruleWhere, problems);
				if (blank(rule.reason())) {
					problems.add(ruleWhere + ": no reason");
				}
				rules.add(new Rule(rule.id(), d, condition(rule.when(), ruleWhere, findings, problems), rule.reason(),
						source(rule.source(), ruleWhere, problems)));
			}
			Disposition fallback = disposition(p.fallback(), where + " fallback", problems);
			if (list(p.advice()).isEmpty() || list(p.seekCareIf()).isEmpty()) {
				problems.add(where + ": needs advice and seek_care_if");
			}
			Condition appliesWhen = p.appliesWhen() == null ? new Condition.All(List.of())
					: condition(p.appliesWhen(), where + " applies_when", findings, problems);
			protocols.add(new Protocol(p.id(), p.title(), appliesWhen, list(p.complaint()), list(p.questions()), list(p.screen()),
					rules, fallback, list(p.advice()), list(p.seekCareIf()), source(p.source(), where, problems)));
		}
		for (String id : globalScreen) {
			Finding f = findings.get(id);
			if (f == null || blank(f.question())) {
				problems.add("kb.yaml: global_screen names '" + id + "', which is not a finding with a question");
			}
		}
		List<KnowledgeBase.DeliberateCollision> deliberate = new ArrayList<>();
		for (RawCollision c : rawCollisions) {
			String where = "kb.yaml: deliberate collision " + list(c.findings()) + " '" + c.words() + "'";
			String language = blank(c.language()) ? KnowledgeBase.SOURCE_LANGUAGE : c.language();
			if (list(c.findings()).size() != 2 || blank(c.words()) || blank(c.reason())) {
				problems.add(where + ": needs two findings, the words (as kb check prints them) and a reason");
				continue;
			}
			c.findings().stream().filter(id -> !findings.containsKey(id))
				.forEach(id -> problems.add(where + ": unknown finding '" + id + "'"));
			if (Wording.of(language).isEmpty()) {
				problems.add(where + ": the engine cannot read phrases in '" + language + "'");
			}
			deliberate.add(new KnowledgeBase.DeliberateCollision(language, List.copyOf(c.findings()),
					List.of(c.words().replaceAll("[\\[\\],]", " ").trim().split("\\s+")), c.reason()));
		}
		if (!problems.isEmpty()) {
			throw new Invalid(problems);
		}
		String hash = hash(sorted);
		KnowledgeBase english = new KnowledgeBase(version + "+sha256." + hash.substring(0, 12), hash,
				Map.copyOf(findings), Map.copyOf(measures), List.copyOf(redFlags), List.copyOf(protocols),
				Map.copyOf(texts), List.copyOf(derived), KnowledgeBase.Translations.NONE, List.copyOf(globalScreen));
		return new KnowledgeBase(english.version(), hash, english.findings(), english.measureQuestions(),
				english.redFlags(), english.protocols(), english.texts(), english.derived(),
				translations(translationFiles, english.patientTexts(), findings.keySet()), english.globalScreen(),
				List.copyOf(deliberate));
	}

	/**
	 * Reads the translations and checks them against the English texts: each language must translate every
	 * patient-facing text (missing ones are reported), every key must name a text that exists (a stale key, left
	 * behind when an id was renamed or an advice item removed, is reported), and a translation keeps the English
	 * text's placeholders. These problems do not stop the engine (a missing text falls back to English);
	 * {@code kb check} fails on them.
	 */
	private KnowledgeBase.Translations translations(Map<String, String> files, Map<String, String> english,
			Set<String> findingIds) {
		List<String> problems = new ArrayList<>();
		Map<String, Map<String, String>> byLanguage = new TreeMap<>();
		Map<String, Map<String, List<String>>> phrases = new TreeMap<>();
		Map<String, String> fileOfKey = new java.util.HashMap<>();
		for (Map.Entry<String, String> file : files.entrySet()) {
			String name = file.getKey();
			String rest = name.substring(TRANSLATIONS.length());
			String language = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest.replaceFirst("\\.yaml$", "");
			if (!LANGUAGE.matcher(language).matches() || language.equals(KnowledgeBase.SOURCE_LANGUAGE)) {
				problems.add(name + ": translations go in i18n/<language>/ (a language other than 'en', e.g. 'es')");
				continue;
			}
			JsonNode root;
			try {
				root = yaml.readTree(file.getValue());
			}
			catch (RuntimeException e) {
				problems.add(name + ": not valid: " + firstLine(e.getMessage()));
				continue;
			}
			Map<String, String> texts = byLanguage.computeIfAbsent(language, l -> new LinkedHashMap<>());
			Map<String, List<String>> said = phrases.computeIfAbsent(language, l -> new TreeMap<>());
			Map<String, String> flat = new LinkedHashMap<>();
			if (root != null && !root.isMissingNode() && !root.isNull()) {
				flatten("", root, flat, name, problems);
			}
			flat.forEach((key, text) -> {
				String where = name + ": '" + key + "'";
				String previous = fileOfKey.put(language + " " + key, name);
				if (previous != null) {
					problems.add(where + ": translated twice (also in " + previous + ")");
				}
				var phrase = PHRASE_KEY.matcher(key);
				if (phrase.matches()) {
					// How patients say a finding in this language: not a translated text, but read by the engine.
					if (!findingIds.contains(phrase.group(1))) {
						problems.add(where + ": stale key: phrases for finding '" + phrase.group(1)
								+ "', which the knowledge base does not define (renamed or removed id?)");
					}
					else if (text.isBlank()) {
						problems.add(where + ": empty phrase");
					}
					else if (Wording.of(language).isEmpty()) {
						problems.add(where + ": the engine cannot read phrases in '" + language + "'");
					}
					else {
						said.computeIfAbsent(phrase.group(1), id -> new ArrayList<>())
							.add(text.toLowerCase(java.util.Locale.ROOT).strip());
					}
					return;
				}
				String original = english.get(key);
				if (original == null) {
					problems.add(where + ": stale key: the knowledge base has no such text (renamed or removed id?)");
					return;
				}
				if (text.isBlank()) {
					problems.add(where + ": empty translation");
					return;
				}
				if (!placeholders(original).equals(placeholders(text))) {
					problems.add(where + ": must keep the placeholders " + placeholders(original) + " of the English text");
				}
				texts.put(key, text);
			});
		}
		byLanguage.forEach((language, texts) -> english.forEach((key, text) -> {
			if (!fileOfKey.containsKey(language + " " + key)) {
				problems.add("i18n/" + language + ": missing translation of '" + key + "' (\"" + text + "\")");
			}
		}));
		Map<String, Map<String, String>> copy = new TreeMap<>();
		byLanguage.forEach((language, texts) -> copy.put(language, Map.copyOf(texts)));
		Map<String, Map<String, List<String>>> phraseCopy = new TreeMap<>();
		phrases.forEach((language, byFinding) -> {
			Map<String, List<String>> lists = new TreeMap<>();
			byFinding.forEach((id, list) -> lists.put(id, List.copyOf(list.stream().distinct().toList())));
			if (!lists.isEmpty()) {
				phraseCopy.put(language, java.util.Collections.unmodifiableMap(lists));
			}
		});
		return new KnowledgeBase.Translations(Map.copyOf(copy), Map.copyOf(phraseCopy), List.copyOf(problems));
	}

	/** Nested maps and lists to dotted keys: {@code protocols: {cough: {advice: [a, b]}}} gives {@code protocols.cough.advice.0}. */
	private static void flatten(String prefix, JsonNode node, Map<String, String> out, String file, List<String> problems) {
		if (node.isObject()) {
			node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(),
					out, file, problems));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "." + i, node.get(i), out, file, problems);
			}
		}
		else if (node.isString()) {
			out.put(prefix, node.asString());
		}
		else {
			problems.add(file + ": '" + prefix + "' must be text (quote it)");
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new java.util.TreeSet<>();
		var m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	private void askable(String id, String where, Map<String, Finding> findings, Map<String, MeasureQuestion> measures,
			List<String> problems) {
		if (measures.containsKey(id)) {
			return;
		}
		Finding f = findings.get(id);
		if (f == null) {
			problems.add(where + ": asks about unknown finding '" + id + "'");
		}
		else if (blank(f.question())) {
			problems.add(where + ": asks about '" + id + "', which has no question");
		}
	}

	/** Compiles a {@code when} into a {@link Condition}. */
	private Condition condition(JsonNode node, String where, Map<String, Finding> findings, List<String> problems) {
		if (node == null || !node.isObject() || node.size() != 1) {
			problems.add(where + ": 'when' must be a map with exactly one key (all, any, not, finding, absent, age, ...)");
			return new Condition.All(List.of());
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
		Map.Entry<String, JsonNode> entry = fields.next();
		String key = entry.getKey();
		JsonNode value = entry.getValue();
		switch (key) {
			case "all", "any" -> {
				if (!value.isArray() || value.isEmpty()) {
					problems.add(where + ": '" + key + "' needs a non-empty list");
					return new Condition.All(List.of());
				}
				List<Condition> parts = new ArrayList<>();
				value.forEach(v -> parts.add(condition(v, where, findings, problems)));
				return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
			}
			case "not" -> {
				return new Condition.Not(condition(value, where, findings, problems));
			}
			case "not_reported" -> {
				String id = value.asString("");
				if (!findings.containsKey(id)) {
					problems.add(where + ": unknown finding '" + id + "'");
				}
				return new Condition.NotReported(id);
			}
			case "not_denied" -> {
				String id = value.asString("");
				if (!findings.containsKey(id)) {
					problems.add(where + ": unknown finding '" + id + "'");
				}
				return new Condition.NotDenied(id);
			}
			case "finding", "absent" -> {
				String id = value.asString("");
				if (!findings.containsKey(id)) {
					problems.add(where + ": unknown finding '" + id + "'");
				}
				Condition present = new Condition.Present(id);
				return key.equals("finding") ? present : new Condition.Not(present);
			}
			case "sex" -> {
				String sex = value.asString("");
				if (!sex.equals("female") && !sex.equals("male")) {
					problems.add(where + ": sex is 'female' or 'male'");
					return new Condition.All(List.of());
				}
				return new Condition.SexIs(Facts.Sex.valueOf(sex.toUpperCase(java.util.Locale.ROOT)));
			}
			default -> {
				var measure = Measure.byKey(key);
				if (measure.isEmpty()) {
					problems.add(where + ": unknown condition '" + key + "'");
					return new Condition.All(List.of());
				}
				if (!value.isObject() || value.size() != 1) {
					problems.add(where + ": '" + key + "' needs one comparison, e.g. {gte: 38}");
					return new Condition.All(List.of());
				}
				Map.Entry<String, JsonNode> comparison = value.properties().iterator().next();
				if (!Set.of("lt", "lte", "gt", "gte", "eq").contains(comparison.getKey()) || !comparison.getValue().isNumber()) {
					problems.add(where + ": '" + key + "' comparison must be lt, lte, gt, gte or eq with a number");
					return new Condition.All(List.of());
				}
				return new Condition.Compare(measure.get(), comparison.getKey(), comparison.getValue().asDouble());
			}
		}
	}

	private static void checkRuleId(String id, String where, Set<String> seen, List<String> problems) {
		if (id == null || !RULE_ID.matcher(id).matches()) {
			problems.add(where + ": id must be kebab-case");
		}
		else if (!seen.add(id)) {
			problems.add(where + ": id '" + id + "' is used twice");
		}
	}

	private static Disposition disposition(String value, String where, List<String> problems) {
		try {
			return Disposition.valueOf(String.valueOf(value));
		}
		catch (IllegalArgumentException e) {
			problems.add(where + ": disposition must be EMERGENCY, URGENT, ROUTINE or SELF_CARE");
			return null;
		}
	}

	private static Source source(RawSource source, String where, List<String> problems) {
		if (source == null || blank(source.title()) || source.url() == null || !source.url().startsWith("https://")) {
			problems.add(where + ": needs a source with a title and an https URL");
			return null;
		}
		return new Source(source.title(), source.url());
	}

	private static String hash(Map<String, String> sorted) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sorted.forEach((name, content) -> {
				sha.update(name.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(content.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			});
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list;
	}

	private static List<String> lower(List<String> phrases) {
		return list(phrases).stream().map(p -> p.toLowerCase(java.util.Locale.ROOT).strip()).distinct().toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().limit(2).reduce((a, b) -> a + " " + b).orElse("");
	}

}
