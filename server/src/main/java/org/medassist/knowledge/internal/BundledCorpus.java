package org.medassist.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The shared guidance corpus: Markdown files under a classpath folder ({@code knowledge/guidance/} in the
 * application). Parsed and checked as a whole: a broken file or a duplicate id stops the load with the file's name.
 *
 * @param hash SHA-256 over every file's name and content: a changed corpus means a rebuilt index
 */
record BundledCorpus(List<GuidanceDocument> documents, String hash) {

	static final String LOCATION = "knowledge/guidance";

	static BundledCorpus load(String location) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + location + "/*.md");
			List<Resource> sorted = new ArrayList<>(List.of(resources));
			sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			GuidanceParser parser = new GuidanceParser();
			List<GuidanceDocument> docs = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (Resource r : sorted) {
				String name = r.getFilename();
				String content = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
				sha.update(name.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(content.getBytes(StandardCharsets.UTF_8));
				GuidanceDocument doc = parser.parse(name, content, true);
				if (!ids.add(doc.id())) {
					throw new IllegalStateException(name + ": the document id '" + doc.id() + "' is used twice");
				}
				docs.add(doc);
			}
			return new BundledCorpus(docs, HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
