package org.medassist.triage.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medassist.triage.internal.KnowledgeBaseFiles;

/**
 * Run by the build (server/pom.xml, phase process-classes): writes {@link PhraseVectors#RESOURCE} for the bundled
 * knowledge base. Vectors of phrases the previous file already has are kept, so a build after a phrase change
 * embeds only the new phrases, and a build with no change loads no model at all.
 */
public final class PhraseVectorsBuild {

	private PhraseVectorsBuild() {
	}

	private static PhraseVectors previous(Path file) {
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				return PhraseVectors.read(in);
			}
			catch (IOException | RuntimeException e) {
				// An older format, or a file cut short: made again from nothing.
			}
		}
		return new PhraseVectors(Map.of());
	}

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		List<String> texts = SemanticIndex.entries(
				new KnowledgeBaseLoader().load(KnowledgeBaseFiles.bundled()).findings().values())
			.stream()
			.map(SemanticIndex.Entry::text)
			.distinct()
			.toList();
		PhraseVectors previous = previous(file);
		if (previous.covers(texts) && previous.size() == texts.size()) {
			System.out.printf("phrase vectors: %d, up to date%n", texts.size());
			return;
		}
		long started = System.nanoTime();
		List<float[]> vectors = previous.embedAll(MiniLm.embeddings(), texts);
		Map<String, float[]> byText = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			byText.put(texts.get(i), vectors.get(i));
		}
		Files.createDirectories(file.getParent());
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			new PhraseVectors(byText).write(out);
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		System.out.printf("phrase vectors: %d written (%d kept) in %d ms%n", texts.size(),
				texts.stream().filter(t -> previous.covers(List.of(t))).count(), (System.nanoTime() - started) / 1_000_000);
	}
}
