package org.medassist.triage.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Finds the knowledge base's YAML files: bundled in the application, or in a directory. */
public final class KnowledgeBaseFiles {

	private static final String ROOT = "triage/";

	private KnowledgeBaseFiles() {
	}

	public static Map<String, String> bundled() throws IOException {
		Map<String, String> files = new TreeMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.yaml")) {
			String url = resource.getURL().toString();
			String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
			files.put(name, resource.getContentAsString(StandardCharsets.UTF_8));
		}
		return files;
	}

	public static Map<String, String> fromDirectory(Path directory) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
				files.put(directory.relativize(path).toString().replace('\\', '/'), Files.readString(path));
			}
		}
		return files;
	}
}
