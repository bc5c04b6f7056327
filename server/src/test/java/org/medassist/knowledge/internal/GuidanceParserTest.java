package org.medassist.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medassist.knowledge.AgeGroup;
import org.medassist.knowledge.Audience;

class GuidanceParserTest {

	private static final String FRONT = """
			---
			id: cough
			title: Cough
			publisher: NHS
			url: https://www.nhs.uk/conditions/cough/
			reviewed: 2026-11-24
			audience: patient
			age_group: adult
			language: en
			protocols: [cough, cold-flu]
			---
			""";

	private final GuidanceParser parser = new GuidanceParser();

	@Test
	void readsFrontMatterAndSectionsWithTheirSources() {
		GuidanceDocument doc = parser.parse("cough.md", FRONT + """
				# Cough
				## Looking after yourself
				Rest and drink fluids.

				### Honey
				A spoon of honey in warm water.
				Source: Cough - NHS — https://www.nhs.uk/conditions/cough/

				## When to get help
				If you cough up blood, call 111.
				Source: NHS 111 — https://111.nhs.uk/
				""", true);
		assertThat(doc.id()).isEqualTo("cough");
		assertThat(doc.audience()).isEqualTo(Audience.PATIENT);
		assertThat(doc.ageGroup()).isEqualTo(AgeGroup.ADULT);
		assertThat(doc.protocols()).containsExactly("cough", "cold-flu");
		assertThat(doc.sections()).extracting(GuidanceDocument.Section::heading)
			.containsExactly("Looking after yourself", "When to get help");
		assertThat(doc.sections().get(0).body()).contains("### Honey").doesNotContain("Source:");
		assertThat(doc.sections().get(0).sourceTitle()).isEqualTo("Cough - NHS");
		assertThat(doc.sections().get(1).sourceUrl()).isEqualTo("https://111.nhs.uk/");
	}

	@Test
	void malformedDocumentsAreRefusedWithTheReason() {
		assertThatThrownBy(() -> parser.parse("a.md", "## No front matter\ntext", true))
			.hasMessageContaining("front matter");
		assertThatThrownBy(() -> parser.parse("a.md", "---\nid: x\n", true)).hasMessageContaining("closing");
		assertThatThrownBy(() -> parser.parse("a.md", "---\nid: [x\n---\n## A\nb\n", true))
			.hasMessageContaining("not valid YAML");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT.replace("id: cough", "id: Cough Here"), true))
			.hasMessageContaining("'id' must be kebab-case");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT.replace("audience: patient", "audience: everyone"), true))
			.hasMessageContaining("'audience'");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT.replace("language: en", "language: en\ncolour: red"), true))
			.hasMessageContaining("unknown front-matter field 'colour'");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT.replace("title: Cough\n", ""), true))
			.hasMessageContaining("'title' is required");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT + "## A\ntext without source\n", true))
			.hasMessageContaining("section 'A' does not end with a line 'Source:");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT + "just text\n", true)).hasMessageContaining("no '## ' section");
		assertThatThrownBy(() -> parser.parse("a.md", FRONT.replace("reviewed: 2026-11-24", "reviewed: yesterday"), true))
			.hasMessageContaining("ISO date");
	}

	@Test
	void longSectionsAreSplitAtParagraphsAndEveryPassageKeepsItsContext() {
		StringBuilder body = new StringBuilder("## Looking after yourself\n");
		for (int i = 0; i < 12; i++) {
			body.append("Paragraph ").append(i).append(": ").append("Drink water and rest. ".repeat(8)).append("\n\n");
		}
		body.append("Source: Cough - NHS — https://www.nhs.uk/conditions/cough/\n");
		GuidanceDocument doc = parser.parse("cough.md", FRONT + body, true);
		List<Chunk> chunks = new Chunker().chunks(null, 1, doc);
		assertThat(chunks).hasSizeGreaterThan(2);
		assertThat(chunks).allSatisfy(c -> {
			assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.MAX_CHARS + 200);
			assertThat(c.indexedText()).startsWith("Cough. Looking after yourself. ");
			assertThat(c.section()).isEqualTo("Looking after yourself");
		});
		assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).contains("Paragraph 0", "Paragraph 11");
		String oneLongParagraph = "Sentence about coughing. ".repeat(200);
		assertThat(Chunker.split(oneLongParagraph)).hasSizeGreaterThan(3)
			.allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(Chunker.MAX_CHARS + 200));
	}
}
