package org.medassist.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

import org.medassist.identity.ClinicId;

/**
 * Cuts a document into passages by heading: one per {@code ##} section, and a long section into several at
 * paragraph (then sentence) boundaries. all-MiniLM-L6-v2 reads at most 256 word pieces (about 1,000 characters of
 * English), so a passage is kept under {@link #MAX_CHARS} with its title and heading in front; tiny trailing
 * pieces join the previous passage.
 */
final class Chunker {

	static final int MAX_CHARS = 900;

	private static final int MIN_CHARS = 200;

	List<Chunk> chunks(ClinicId clinic, int version, GuidanceDocument doc) {
		List<Chunk> out = new ArrayList<>();
		for (GuidanceDocument.Section section : doc.sections()) {
			for (String piece : split(section.body())) {
				out.add(new Chunk(clinic, doc.id(), version, out.size(), doc.title(), section.heading(), piece,
						section.sourceTitle(), section.sourceUrl(), doc.publisher(), doc.audience(), doc.ageGroup(),
						doc.language(), doc.protocols()));
			}
		}
		return out;
	}

	static List<String> split(String body) {
		List<String> units = new ArrayList<>();
		for (String paragraph : body.split("\n\\s*\n")) {
			String p = paragraph.strip();
			if (p.isEmpty()) {
				continue;
			}
			if (p.length() <= MAX_CHARS) {
				units.add(p);
			}
			else {
				units.addAll(sentences(p));
			}
		}
		List<String> pieces = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String unit : units) {
			if (current.length() > 0 && current.length() + unit.length() + 2 > MAX_CHARS) {
				pieces.add(current.toString());
				current.setLength(0);
			}
			if (current.length() > 0) {
				current.append("\n\n");
			}
			current.append(unit);
		}
		if (current.length() > 0) {
			String last = current.toString();
			if (last.length() < MIN_CHARS && !pieces.isEmpty()
					&& pieces.get(pieces.size() - 1).length() + last.length() + 2 <= MAX_CHARS + MIN_CHARS) {
				pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + "\n\n" + last);
			}
			else {
				pieces.add(last);
			}
		}
		return pieces;
	}

	/** A paragraph too long for one passage: cut between sentences (or, failing that, between words). */
	private static List<String> sentences(String paragraph) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
			String s = sentence;
			while (s.length() > MAX_CHARS) {
				int cut = s.lastIndexOf(' ', MAX_CHARS);
				cut = cut <= 0 ? MAX_CHARS : cut;
				if (current.length() > 0) {
					out.add(current.toString());
					current.setLength(0);
				}
				out.add(s.substring(0, cut).strip());
				s = s.substring(cut).strip();
			}
			if (current.length() > 0 && current.length() + s.length() + 1 > MAX_CHARS) {
				out.add(current.toString());
				current.setLength(0);
			}
			if (current.length() > 0) {
				current.append(' ');
			}
			current.append(s);
		}
		if (current.length() > 0) {
			out.add(current.toString());
		}
		return out;
	}
}
