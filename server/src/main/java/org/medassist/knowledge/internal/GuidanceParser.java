package org.medassist.knowledge.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a guidance document: YAML front matter between {@code ---} lines, then {@code ##} sections, each ending
 * with a line {@code Source: <title> — <url>}. Errors name the field or line at fault, never the content.
 */
final class GuidanceParser {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Set<String> FIELDS = Set.of("id", "title", "publisher", "url", "reviewed", "audience",
			"age_group", "language", "protocols");

	private static final Pattern SOURCE = Pattern.compile("^Source:\\s*(.*?)\\s*(?:[—–-]+\\s*)?(https?://\\S+)?\\s*$");

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	/**
	 * @param requireUrl the shared corpus must name its sources; a clinic's own document need not have a URL
	 */
	GuidanceDocument parse(String name, String markdown, boolean requireUrl) {
		String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (!text.startsWith("---\n")) {
			throw new InvalidGuidanceDocument(name + ": the document must begin with front matter between '---' lines.");
		}
		int end = text.indexOf("\n---", 3);
		if (end < 0) {
			throw new InvalidGuidanceDocument(name + ": the front matter has no closing '---' line.");
		}
		JsonNode front;
		try {
			front = yaml.readTree(text.substring(4, end));
		}
		catch (JacksonException e) {
			throw new InvalidGuidanceDocument(name + ": the front matter is not valid YAML.");
		}
		if (front == null || !front.isObject()) {
			throw new InvalidGuidanceDocument(name + ": the front matter must be a YAML mapping of fields.");
		}
		for (String field : front.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw new InvalidGuidanceDocument(name + ": unknown front-matter field '" + field + "' (expected "
						+ new java.util.TreeSet<>(FIELDS) + ").");
			}
		}
		String id = required(name, front, "id");
		if (!ID.matcher(id).matches() || id.length() > 100) {
			throw new InvalidGuidanceDocument(name + ": 'id' must be kebab-case (a-z, 0-9, '-'), at most 100 characters.");
		}
		String title = required(name, front, "title");
		String publisher = requireUrl ? required(name, front, "publisher") : optional(front, "publisher");
		String url = requireUrl ? required(name, front, "url") : optional(front, "url");
		if (url != null && !url.matches("https?://\\S+")) {
			throw new InvalidGuidanceDocument(name + ": 'url' must be an http(s) URL.");
		}
		LocalDate reviewed = null;
		String reviewedText = requireUrl ? required(name, front, "reviewed") : optional(front, "reviewed");
		if (reviewedText != null) {
			try {
				reviewed = LocalDate.parse(reviewedText);
			}
			catch (DateTimeParseException e) {
				throw new InvalidGuidanceDocument(name + ": 'reviewed' must be an ISO date (YYYY-MM-DD).");
			}
		}
		Audience audience = Audience.parse(required(name, front, "audience"));
		if (audience == null) {
			throw new InvalidGuidanceDocument(name + ": 'audience' must be patient or clinician.");
		}
		String ageText = optional(front, "age_group");
		AgeGroup ageGroup = ageText == null ? AgeGroup.ALL : AgeGroup.parse(ageText);
		if (ageGroup == null) {
			throw new InvalidGuidanceDocument(name + ": 'age_group' must be all, adult, child, infant or older-adult.");
		}
		String language = optional(front, "language");
		language = language == null ? "en" : language.toLowerCase(java.util.Locale.ROOT);
		if (!language.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
			throw new InvalidGuidanceDocument(name + ": 'language' must be a language tag such as en.");
		}
		List<String> protocols = new ArrayList<>();
		JsonNode list = front.get("protocols");
		if (list != null && !list.isNull()) {
			if (!list.isArray()) {
				throw new InvalidGuidanceDocument(name + ": 'protocols' must be a list of protocol ids.");
			}
			for (JsonNode p : list) {
				String pid = p.asString("").strip();
				if (!ID.matcher(pid).matches()) {
					throw new InvalidGuidanceDocument(name + ": each protocol id must be kebab-case.");
				}
				protocols.add(pid);
			}
		}
		int bodyStart = text.indexOf('\n', end + 1);
		String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
		List<GuidanceDocument.Section> sections = sections(name, body, title, url, requireUrl);
		return new GuidanceDocument(id, title, publisher, url, reviewed, audience, ageGroup, language, protocols,
				sections);
	}

	/**
	 * Plain text from a clinic: the metadata come with the request; paragraphs become one section named after the
	 * document (split further by the chunker).
	 */
	GuidanceDocument plainText(String id, String title, Audience audience, AgeGroup ageGroup, String language,
			List<String> protocols, String url, String text) {
		String body = text.replace("\r\n", "\n").replace('\r', '\n').strip();
		if (body.isEmpty()) {
			throw new InvalidGuidanceDocument("empty-document", "The document has no text.");
		}
		return new GuidanceDocument(id, title, null, url, null, audience, ageGroup, language, protocols,
				List.of(new GuidanceDocument.Section(title, body, title, url)));
	}

	private static List<GuidanceDocument.Section> sections(String name, String body, String title, String url,
			boolean requireSource) {
		List<GuidanceDocument.Section> sections = new ArrayList<>();
		Map<String, Boolean> seen = new LinkedHashMap<>();
		String heading = null;
		StringBuilder text = new StringBuilder();
		String sourceTitle = null;
		String sourceUrl = null;
		for (String line : (body + "\n## ").split("\n", -1)) {
			if (line.startsWith("## ") || line.equals("##")) {
				if (heading != null) {
					if (requireSource && sourceUrl == null) {
						throw new InvalidGuidanceDocument(name + ": section '" + heading
								+ "' does not end with a line 'Source: <title> — <url>'.");
					}
					String content = text.toString().strip();
					if (!content.isEmpty()) {
						sections.add(new GuidanceDocument.Section(heading, content,
								sourceTitle == null || sourceTitle.isBlank() ? title : sourceTitle,
								sourceUrl == null ? url : sourceUrl));
					}
				}
				heading = line.length() > 3 ? line.substring(3).strip() : "";
				if (seen.put(heading, true) != null && !heading.isEmpty()) {
					throw new InvalidGuidanceDocument(name + ": the section heading '" + heading + "' appears twice.");
				}
				text.setLength(0);
				sourceTitle = null;
				sourceUrl = null;
				continue;
			}
			if (heading == null) {
				continue; // a title line ("# ...") or an introduction before the first section: not indexed
			}
			Matcher source = SOURCE.matcher(line.strip());
			if (line.strip().startsWith("Source:") && source.matches()) {
				sourceTitle = source.group(1);
				sourceUrl = source.group(2);
				if (requireSource && sourceUrl == null) {
					throw new InvalidGuidanceDocument(name + ": the 'Source:' line of section '" + heading
							+ "' names no http(s) URL.");
				}
				continue;
			}
			text.append(line).append('\n');
		}
		if (sections.isEmpty()) {
			throw new InvalidGuidanceDocument(name + ": the document has no '## ' section with text.");
		}
		return sections;
	}

	private static String required(String name, JsonNode front, String field) {
		String value = optional(front, field);
		if (value == null) {
			throw new InvalidGuidanceDocument(name + ": front-matter field '" + field + "' is required.");
		}
		return value;
	}

	private static String optional(JsonNode front, String field) {
		JsonNode node = front.get(field);
		if (node == null || node.isNull() || !node.isValueNode()) {
			return null;
		}
		String value = node.asString("").strip();
		return value.isEmpty() ? null : value;
	}
}
