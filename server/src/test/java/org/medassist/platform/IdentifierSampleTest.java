package org.medassist.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medassist.platform.Redaction.Finding;
import org.medassist.platform.Redaction.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of {@link Redaction} on a labelled sample we wrote ourselves
 * ({@code privacy/identifiers.jsonl}: patient-style sentences in English and Spanish, with and without
 * identifiers, many with clinical numbers that must stay). A found span counts when it overlaps a labelled span
 * of the same type: the exact boundaries matter less than that the identifier is gone.
 */
class IdentifierSampleTest {

	record Labelled(String text, List<Finding> expected) {
	}

	@Test
	void precisionAndRecallOnTheLabelledSample() throws IOException {
		List<Labelled> sample = load();
		assertThat(sample).hasSizeGreaterThanOrEqualTo(100);

		Map<Type, int[]> counts = new EnumMap<>(Type.class); // predicted, predictedCorrect, expected, expectedFound
		for (Type type : Type.values()) {
			counts.put(type, new int[4]);
		}
		int anyTypeFound = 0;
		List<String> misses = new ArrayList<>();
		for (Labelled labelled : sample) {
			List<Finding> found = Redaction.find(labelled.text());
			for (Finding f : found) {
				int[] c = counts.get(f.type());
				c[0]++;
				if (labelled.expected().stream().anyMatch(e -> sameType(e, f) && overlap(e, f))) {
					c[1]++;
				}
				else {
					misses.add("false positive " + f.type() + " '" + cut(labelled.text(), f) + "' in: " + labelled.text());
				}
			}
			for (Finding e : labelled.expected()) {
				int[] c = counts.get(e.type());
				c[2]++;
				if (found.stream().anyMatch(f -> sameType(e, f) && overlap(e, f))) {
					c[3]++;
				}
				else {
					misses.add("missed " + e.type() + " '" + cut(labelled.text(), e) + "' in: " + labelled.text());
				}
				if (found.stream().anyMatch(f -> overlap(e, f))) {
					anyTypeFound++;
				}
			}
		}

		int[] total = new int[4];
		StringBuilder report = new StringBuilder("identifiers: " + sample.size() + " sentences\n");
		report.append(String.format("%-8s %9s %9s %9s%n", "type", "expected", "precision", "recall"));
		for (Type type : Type.values()) {
			int[] c = counts.get(type);
			for (int i = 0; i < 4; i++) {
				total[i] += c[i];
			}
			report.append(String.format("%-8s %9d %9.3f %9.3f%n", type, c[2], ratio(c[1], c[0]), ratio(c[3], c[2])));
		}
		double precision = ratio(total[1], total[0]);
		double recall = ratio(total[3], total[2]);
		report.append(String.format("%-8s %9d %9.3f %9.3f%n", "overall", total[2], precision, recall));
		report.append(String.format("redacted whatever the type: %d/%d (%.3f)%n", anyTypeFound, total[2],
				ratio(anyTypeFound, total[2])));
		misses.forEach(miss -> report.append("  ").append(miss).append('\n'));
		System.out.println(report);

		assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(precision).as(report.toString()).isGreaterThanOrEqualTo(0.95);
	}

	private static List<Labelled> load() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<Labelled> sample = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				IdentifierSampleTest.class.getResourceAsStream("/privacy/identifiers.jsonl"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = json.readTree(line);
				String text = node.get("text").asString();
				List<Finding> expected = new ArrayList<>();
				int from = 0;
				for (JsonNode id : node.get("identifiers")) {
					String span = id.get("text").asString();
					int start = text.indexOf(span, from);
					assertThat(start).as("'%s' in '%s'", span, text).isNotNegative();
					expected.add(new Finding(Type.valueOf(id.get("type").asString()), start, start + span.length()));
					from = start + span.length();
				}
				sample.add(new Labelled(text, expected));
			}
		}
		return sample;
	}

	private static boolean sameType(Finding a, Finding b) {
		return a.type() == b.type();
	}

	private static boolean overlap(Finding a, Finding b) {
		return a.start() < b.end() && b.start() < a.end();
	}

	private static String cut(String text, Finding f) {
		return text.substring(f.start(), f.end());
	}

	private static double ratio(int part, int whole) {
		return whole == 0 ? 1.0 : (double) part / whole;
	}
}
