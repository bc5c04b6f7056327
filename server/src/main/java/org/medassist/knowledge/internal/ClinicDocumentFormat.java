package org.medassist.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a clinic may upload, checked before anything is stored: UTF-8 text (no NUL or other binary bytes), within
 * the size limit, either Markdown with front matter (the corpus format; {@code url} and {@code publisher}
 * optional) or plain text with its metadata given as request parameters.
 */
final class ClinicDocumentFormat {

	static final String MARKDOWN = "text/markdown";

	static final String PLAIN = "text/plain";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ClinicDocumentFormat() {
	}

	/** Metadata of a plain-text upload (request parameters); each may be {@code null}. */
	record PlainMetadata(String id, String title, String audience, String ageGroup, String language,
			List<String> protocols, String url) {
	}

	/** A checked upload, ready to store. */
	record Upload(String mediaType, String content, String sha256, String metadata, GuidanceDocument document) {
	}

	static Upload check(byte[] body, String contentType, PlainMetadata plain, int maxBytes) {
		if (body == null || body.length == 0) {
			throw new InvalidGuidanceDocument("empty-document", "The document is empty.");
		}
		if (body.length > maxBytes) {
			throw new InvalidGuidanceDocument("document-too-large",
					"The document is larger than the limit of " + maxBytes + " bytes.");
		}
		String mediaType = mediaType(contentType);
		String text = utf8Text(body);
		if (text.isBlank()) {
			throw new InvalidGuidanceDocument("empty-document", "The document has no text.");
		}
		if (mediaType.equals(MARKDOWN)) {
			GuidanceDocument doc = new GuidanceParser().parse("document", text, false);
			return new Upload(MARKDOWN, text, sha256(body), "{}", doc);
		}
		PlainMetadata m = plain == null ? new PlainMetadata(null, null, null, null, null, null, null) : plain;
		String title = m.title() == null ? null : m.title().strip();
		if (title == null || title.isEmpty() || title.length() > 300) {
			throw new InvalidGuidanceDocument("A plain-text document needs a 'title' parameter (1-300 characters).");
		}
		String id = m.id() == null || m.id().isBlank() ? slug(title) : m.id().strip();
		if (!GuidanceParser.ID.matcher(id).matches() || id.length() > 100) {
			throw new InvalidGuidanceDocument("'id' must be kebab-case (a-z, 0-9, '-'), at most 100 characters.");
		}
		Audience audience = Audience.parse(m.audience());
		if (audience == null) {
			throw new InvalidGuidanceDocument("A plain-text document needs 'audience' = patient or clinician.");
		}
		AgeGroup age = m.ageGroup() == null ? AgeGroup.ALL : AgeGroup.parse(m.ageGroup());
		if (age == null) {
			throw new InvalidGuidanceDocument("'ageGroup' must be all, adult, child, infant or older-adult.");
		}
		String language = m.language() == null ? "en" : m.language().strip().toLowerCase(Locale.ROOT);
		if (!language.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
			throw new InvalidGuidanceDocument("'language' must be a language tag such as en.");
		}
		List<String> protocols = new ArrayList<>();
		for (String p : m.protocols() == null ? List.<String>of() : m.protocols()) {
			for (String one : p.split(",")) {
				if (!one.isBlank()) {
					if (!GuidanceParser.ID.matcher(one.strip()).matches()) {
						throw new InvalidGuidanceDocument("Each protocol id must be kebab-case.");
					}
					protocols.add(one.strip());
				}
			}
		}
		if (m.url() != null && !m.url().isBlank() && !m.url().strip().matches("https?://\\S+")) {
			throw new InvalidGuidanceDocument("'url' must be an http(s) URL.");
		}
		String url = m.url() == null || m.url().isBlank() ? null : m.url().strip();
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("id", id);
		meta.put("title", title);
		meta.put("audience", audience.code());
		meta.put("ageGroup", age.code());
		meta.put("language", language);
		meta.put("protocols", protocols);
		meta.put("url", url);
		GuidanceDocument doc = new GuidanceParser().plainText(id, title, audience, age, language, protocols, url, text);
		return new Upload(PLAIN, text, sha256(body), JSON.writeValueAsString(meta), doc);
	}

	/** A stored version, as a document again (it was checked on upload). */
	static GuidanceDocument parse(ClinicDocuments.Stored stored) {
		if (stored.mediaType().equals(MARKDOWN)) {
			return new GuidanceParser().parse(stored.id(), stored.content(), false);
		}
		JsonNode m = JSON.readTree(stored.metadata());
		List<String> protocols = new ArrayList<>();
		m.path("protocols").forEach(p -> protocols.add(p.asString()));
		String url = m.path("url").isNull() || m.path("url").isMissingNode() ? null : m.path("url").asString();
		return new GuidanceParser().plainText(stored.id(), stored.title(), Audience.parse(m.path("audience").asString()),
				AgeGroup.parse(m.path("ageGroup").asString()), m.path("language").asString("en"), protocols, url,
				stored.content());
	}

	private static String mediaType(String contentType) {
		String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		return switch (type) {
			case "text/markdown", "text/x-markdown" -> MARKDOWN;
			case "text/plain" -> PLAIN;
			case "application/pdf" -> throw new InvalidGuidanceDocument("unsupported-document-type",
					"PDF is not accepted yet: send the text as Markdown (text/markdown) or plain text (text/plain).");
			default -> throw new InvalidGuidanceDocument("unsupported-document-type",
					"Send the document as text/markdown or text/plain (UTF-8).");
		};
	}

	/** Strict UTF-8 without NUL or other control characters (bar tab, newline, carriage return): else binary. */
	private static String utf8Text(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new InvalidGuidanceDocument("binary-document", "The document is not UTF-8 text.");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
				throw new InvalidGuidanceDocument("binary-document",
						"The document contains binary data (control characters); send UTF-8 text.");
			}
		}
		return text;
	}

	static String slug(String title) {
		String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		s = s.length() > 100 ? s.substring(0, 100).replaceAll("-+$", "") : s;
		return s.isEmpty() ? "document" : s;
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
