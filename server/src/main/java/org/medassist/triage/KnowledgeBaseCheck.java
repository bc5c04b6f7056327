package org.medassist.triage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.medassist.triage.internal.engine.KnowledgeBase;
import org.medassist.triage.internal.engine.KnowledgeBaseLoader;
import org.medassist.triage.internal.KnowledgeBaseFiles;

/**
 * {@code medassist kb check [--dir DIR]}: validates the triage knowledge base (the bundled one, or the one in
 * {@code DIR}) and prints a summary or every problem found, including translations of the patient-facing texts
 * that are missing or stale, and phrases in another language for a finding that does not exist; the summary says how
 * many of the findings the red flags depend on have phrases in each language. It fails on phrases of two findings that
 * the engine reads as the same words (see {@code KnowledgeBase.phraseCollisions()}).
 */
public final class KnowledgeBaseCheck {

	private KnowledgeBaseCheck() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || !args[0].equals("check")) {
			err.println("usage: medassist kb check [--dir DIRECTORY]");
			return 2;
		}
		try {
			var files = args.length >= 3 && args[1].equals("--dir") ? KnowledgeBaseFiles.fromDirectory(Path.of(args[2]))
					: KnowledgeBaseFiles.bundled();
			KnowledgeBase kb = new KnowledgeBaseLoader().load(files);
			long rules = kb.protocols().stream().mapToLong(p -> p.rules().size()).sum();
			// Translations: every patient-facing text in every language the knowledge base is translated into,
			// and no key left pointing at a text that no longer exists.
			if (!kb.translations().problems().isEmpty()) {
				err.println("kb: " + kb.translations().problems().size() + " problem(s) in the translations:\n  "
						+ String.join("\n  ", kb.translations().problems()));
			}
			// Phrases of two findings read as the same words: a clause saying either is silently read as one of them.
			var collisions = kb.phraseCollisions();
			if (!collisions.isEmpty()) {
				err.println("kb: " + collisions.size() + " phrase collision(s): make the phrase specific or remove it from"
						+ " the finding where it is wrong:\n  " + String.join("\n  ", collisions));
			}
			if (!kb.translations().problems().isEmpty() || !collisions.isEmpty()) {
				return 1;
			}
			int texts = kb.patientTexts().size();
			StringBuilder languages = new StringBuilder();
			for (String language : kb.translatedLanguages()) {
				languages.append(", ").append(language).append(' ')
					.append(kb.translations().byLanguage().get(language).size()).append('/').append(texts);
			}
			// Phrases in other languages: how many phrases, for how many findings, and how many of the findings the
			// red flags depend on a patient can be understood naming in that language.
			StringBuilder phrases = new StringBuilder();
			var redFlagFindings = kb.redFlagFindings();
			kb.translations().phrases().forEach((language, byFinding) -> phrases.append(phrases.isEmpty() ? "; phrases: " : ", ")
				.append(language).append(' ')
				.append(byFinding.values().stream().mapToInt(java.util.List::size).sum()).append(" for ")
				.append(byFinding.size()).append(" findings, red-flag findings ")
				.append(redFlagFindings.stream().filter(byFinding::containsKey).count()).append('/')
				.append(redFlagFindings.size()));
			out.printf("kb: version %s: %d findings, %d red flags, %d protocols, %d rules; patient texts: en %d%s%s: OK%n",
					kb.version(), kb.findings().size(), kb.redFlags().size(), kb.protocols().size(), rules, texts,
					languages, phrases);
			return 0;
		}
		catch (KnowledgeBaseLoader.Invalid e) {
			err.println("kb: " + e.getMessage());
			return 1;
		}
		catch (IOException e) {
			err.println("kb: cannot read the knowledge base: " + e.getMessage());
			return 1;
		}
	}
}
