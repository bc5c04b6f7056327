package org.medassist.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import org.medassist.consultation.QuestionView;

/**
 * Answers the engine's questions from a vignette, as the shared design notes specify: with the vignette's age
 * or sex when asked about them; otherwise with the sentence of the text most similar in meaning to the
 * question (each sentence is used once), or "I'm not sure." when no sentence is similar enough.
 */
final class SimulatedPatient {

	static final String NOT_SURE = "I'm not sure.";

	/** How similar (cosine) a sentence must be to the question to be given as the answer. Fixed, not tuned. */
	static final double MIN_SIMILARITY = 0.4;

	private final Vignette vignette;
	private final List<String> unused;
	private final Function<String, float[]> embed;

	SimulatedPatient(Vignette vignette, Mode mode, Function<String, float[]> embed) {
		this.vignette = vignette;
		this.embed = embed;
		List<String> sentences = sentences(vignette.text());
		this.unused = new ArrayList<>(mode == Mode.INTERVIEW ? sentences.subList(1, sentences.size()) : sentences);
	}

	enum Mode {
		/** The opening message is the whole text. */
		FULL,
		/** The opening message is the first sentence; the rest comes out only in answers. */
		INTERVIEW
	}

	String opening(Mode mode) {
		return mode == Mode.FULL ? vignette.text() : sentences(vignette.text()).get(0);
	}

	String answer(QuestionView question) {
		String about = question.id() == null ? "" : question.id();
		if (about.equals("measure:age") && vignette.age() != null) {
			return age(vignette.age());
		}
		if (about.equals("measure:sex") && vignette.sex() != null) {
			return vignette.sex().toLowerCase(Locale.ROOT);
		}
		if (unused.isEmpty()) {
			return NOT_SURE;
		}
		float[] q = embed.apply(question.text());
		int best = -1;
		double bestScore = MIN_SIMILARITY;
		for (int i = 0; i < unused.size(); i++) {
			double score = CosineSimilarity.between(Embedding.from(q), Embedding.from(embed.apply(unused.get(i))));
			if (score >= bestScore) {
				bestScore = score;
				best = i;
			}
		}
		return best < 0 ? NOT_SURE : unused.remove(best);
	}

	static String age(double years) {
		if (years < 2) {
			long months = Math.round(years * 12);
			return months < 3 ? Math.round(years * 52) + " weeks old" : months + " months old";
		}
		return Math.round(years) + " years old";
	}

	static List<String> sentences(String text) {
		List<String> out = new ArrayList<>();
		for (String s : text.split("(?<=[.!?])\\s+(?=\\S)")) {
			if (!s.isBlank()) {
				out.add(s.strip());
			}
		}
		return out.isEmpty() ? List.of(text) : out;
	}
}
