package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;
import org.medassist.triage.PatientRecord;
import org.medassist.triage.internal.engine.KnowledgeBase.Finding;
import org.medassist.triage.internal.engine.KnowledgeBase.Protocol;
import org.medassist.triage.internal.engine.KnowledgeBase.RedFlag;
import org.medassist.triage.internal.engine.KnowledgeBase.Rule;
import org.medassist.triage.internal.engine.KnowledgeBase.Source;

/**
 * The interview and the decision, in plain Java. Given everything said so far, it rebuilds the facts, and
 * either concludes (an EMERGENCY fired, nothing left could raise the disposition, or the question budget is
 * spent) or asks the question that could raise the disposition most.
 *
 * <p>Safety properties, each tested: the disposition is the maximum over every red flag and rule that fired
 * and the usual level of each active protocol; a finding once reported stays reported; an EMERGENCY ends the
 * interview at once; "I'm not sure" to a question that could have meant an emergency, for a rule whose anchor
 * (the first part of its {@code all}) and at least one more of its findings are met, makes the outcome at least
 * URGENT; a complaint no protocol recognises goes to the nurse as
 * URGENT.
 */
public final class Interviewer {

	public static final String VERSION = "medassist-engine/0.1.0";

	/** The most questions asked after the opening one. */
	static final int MAX_QUESTIONS = 15;
	/**
	 * The budget for a question that could still confirm an emergency already partly met (two or more of its signs
	 * reported): stopping there would leave open what matters most.
	 */
	static final int MAX_QUESTIONS_FOR_AN_EMERGENCY = 22;
	/**
	 * The budget for a question of an active protocol's own rule that could still raise the disposition short of an
	 * emergency (same day, or a GP): the emergency screens of two protocols can spend the main budget before these
	 * are reached ("tummy pain and vomiting" in a child), and they decide the outcome as much.
	 */
	static final int MAX_QUESTIONS_FOR_A_LOWER_LEVEL = 19;
	/**
	 * The most questions in all. The request to rephrase and the global screen, asked while no complaint is known, do
	 * not use the budget of the complaint they bring to light.
	 */
	static final int MAX_QUESTIONS_IN_ALL = 26;

	static final String OPENING = "complaint";
	static final String REPHRASE = "rephrase";
	static final String MORE = "more";
	private static final String FINDING = "finding:";
	private static final String MEASURE = "measure:";

	private final KnowledgeBase kb;
	private final FindingExtractor extractor;
	/**
	 * For each language with phrases of its own ({@code i18n/<language>/phrases/}): its phrases and the English ones,
	 * word by word, without the English embedding model. Other languages are read as English.
	 */
	private final Map<String, FindingExtractor> extractors = new LinkedHashMap<>();
	/** An answer about the finding asked about needs less similarity than an unprompted mention. */
	private final double contextThreshold;
	/** The findings that name a complaint (open a protocol). */
	private final Set<String> complaints = new HashSet<>();
	/** For each finding, the red flags whose condition names it. */
	private final Map<String, List<RedFlag>> redFlagsNaming = new HashMap<>();

	public Interviewer(KnowledgeBase kb, Embeddings embeddings, double semanticThreshold) {
		this.kb = kb;
		this.contextThreshold = semanticThreshold - 0.15;
		SemanticIndex semantic = embeddings == null ? null
				: new SemanticIndex(embeddings, kb.findings().values(), semanticThreshold);
		this.extractor = new FindingExtractor(kb.findings().values(), semantic, kb.emergencyFindings(),
				kb.findingsDecidedByMeasures());
		kb.protocols().forEach(p -> complaints.addAll(p.complaint()));
		for (RedFlag flag : kb.redFlags()) {
			Set<String> named = new HashSet<>();
			flag.when().collectFindings(named);
			named.forEach(f -> redFlagsNaming.computeIfAbsent(f, k -> new ArrayList<>()).add(flag));
		}
		kb.translations().phrases().forEach((language, phrases) -> Wording.of(language).ifPresent(wording -> {
			List<Finding> said = phrases.entrySet().stream()
				.filter(e -> kb.findings().containsKey(e.getKey()))
				.map(e -> {
					Finding f = kb.findings().get(e.getKey());
					return new Finding(f.id(), f.label(), f.question(), e.getValue(), f.snomed());
				})
				.toList();
			extractors.put(language, new FindingExtractor(kb.findings().values(), said, wording));
		}));
	}

	public KnowledgeBase knowledgeBase() {
		return kb;
	}

	/** One answer: the id of the question it answers (as this class issued it) and the patient's text. */
	public record Turn(String questionId, String answer) {
	}

	/** What to do next. */
	public sealed interface Decision {
	}

	public record Ask(String questionId, String text, List<String> options) implements Decision {
	}

	public record Conclude(Assessment assessment, boolean escalated, List<String> messages) implements Decision {
	}

	/** The first question of every interview. */
	public Ask opening() {
		return opening(KnowledgeBase.SOURCE_LANGUAGE);
	}

	/** The first question of every interview, in the patient's language. */
	public Ask opening(String language) {
		return new Ask(OPENING, kb.say(language, "texts.opening", kb.text("opening")), List.of());
	}

	public Decision next(List<Turn> turns, String emergencyNumber) {
		return next(turns, emergencyNumber, KnowledgeBase.SOURCE_LANGUAGE);
	}

	/**
	 * The next step, with everything the patient is told in their language (English when the knowledge base
	 * has no translation into it). Findings are read from the patient's words in English and, for a language with
	 * phrases of its own (Spanish), in that language; a quick reply in the patient's language is read as the English
	 * quick reply it translates.
	 */
	public Decision next(List<Turn> turns, String emergencyNumber, String language) {
		return next(turns, emergencyNumber, language, PatientRecord.NONE, false);
	}

	/**
	 * The next step, knowing what the patient's record says as well: its findings are present before the first
	 * turn (so they are not asked about, and a patient's "no" does not take them back), its age and sex are known.
	 * With {@code concludeNow} nothing more is asked: the assessment of what is known (the interview is over).
	 */
	public Decision next(List<Turn> turns, String emergencyNumber, String language, PatientRecord record,
			boolean concludeNow) {
		State state = new State(language);
		state.know(record, concludeNow);
		for (Turn turn : turns) {
			state.apply(turn);
		}
		return state.decide(emergencyNumber);
	}

	/** The facts rebuilt from the turns, and the decision taken on them. */
	private final class State {

		private final Facts facts = new Facts();
		private final Set<String> asked = new LinkedHashSet<>();
		private final StringBuilder unprompted = new StringBuilder();
		private String complaintByMeaning;
		private int questions;
		/** The first sentence of the opening message: who the consultation is about. */
		private String openingText = "";
		/** Questions asked while no protocol recognised the complaint (the request to rephrase, the global screen). */
		private int screened;
		/** The interview is over (the record's assessment is wanted now): no question beyond the main budget either. */
		private boolean concluding;
		private final String language;
		private final FindingExtractor extractor;

		State(String language) {
			this.language = language;
			this.extractor = language == null ? Interviewer.this.extractor
					: extractors.getOrDefault(language, Interviewer.this.extractor);
		}

		/** What is known before the patient says anything: the record's facts; with {@code concludeNow} no question is left. */
		void know(PatientRecord record, boolean concludeNow) {
			for (PatientRecord.RecordFact fact : record.facts()) {
				if (kb.findings().containsKey(fact.finding())) {
					facts.record(fact.finding(), Facts.State.PRESENT);
				}
			}
			if (record.age() != null) {
				facts.answer(Measure.AGE, record.age());
			}
			if ("female".equals(record.sex()) || "male".equals(record.sex())) {
				facts.sex("female".equals(record.sex()) ? Facts.Sex.FEMALE : Facts.Sex.MALE);
			}
			if (concludeNow) {
				// The question budget is spent and the complaint was asked again: decide() can only conclude.
				questions = MAX_QUESTIONS;
				concluding = true;
				asked.add(REPHRASE);
				asked.add(MORE);
			}
		}

		/** A patient-facing text in the patient's language. */
		private String say(String key, String english) {
			return kb.say(language, key, english);
		}

		private String text(String key) {
			return say("texts." + key, kb.text(key));
		}

		void apply(Turn asGiven) {
			String question = asGiven.questionId() == null ? OPENING : asGiven.questionId();
			// Whether this answers a screening question: none of the complaints known so far had a protocol.
			boolean screening = (question.equals(REPHRASE) || asked.contains(REPHRASE)) && activeProtocols().isEmpty();
			Turn turn = new Turn(asGiven.questionId(), quickReplyInEnglish(question, asGiven.answer()));
			Optional<Measure> askedMeasure = question.startsWith(MEASURE)
					? Measure.byKey(question.substring(MEASURE.length())) : Optional.empty();
			Reading reading = extractor.read(turn.answer(), askedMeasure);
			reading.findings().forEach(facts::record);
			Map<Measure, Double> measures = new EnumMap<>(Measure.class);
			measures.putAll(reading.measures());
			if (measures.containsKey(Measure.AGE) && askedMeasure.orElse(null) != Measure.AGE
					&& CARER.matcher(Text.normalize(unprompted + " " + turn.answer())).find()) {
				// A parent or carer's own age is not the patient's ("I'm 30 and my 6-week-old has a temperature"):
				// a baby's fever read as an adult's would be sent home. An age not stated is asked.
				measures.remove(Measure.AGE);
				MeasureReader.ageOfSomeoneElse(Text.normalize(turn.answer())).ifPresent(age -> measures.put(Measure.AGE, age));
			}
			measures.forEach((m, v) -> {
				if (askedMeasure.orElse(null) == m) {
					facts.answer(m, v);
				}
				else {
					facts.measure(m, v);
				}
			});
			reading.sex().ifPresent(facts::sex);
			if (question.startsWith(FINDING)) {
				String finding = question.substring(FINDING.length());
				if (!reading.findings().containsKey(finding)) {
					facts.record(finding, switch (reading.answer()) {
						case YES -> Facts.State.PRESENT;
						case NO -> Facts.State.ABSENT;
						case UNSURE -> Facts.State.UNSURE;
						// "My temperature is 36.7" answers "do you have a fever?" by its number (derived_findings), not by
						// resembling the question.
						case OTHER -> extractor.decidedBy(reading.measures().keySet()).contains(finding) ? Facts.State.UNSURE
								: extractor.inContext(turn.answer(), finding, contextThreshold).orElse(Facts.State.UNSURE);
					});
				}
			}
			if (question.equals(MEASURE + "sex") && reading.sex().isEmpty()) {
				MeasureReader.sex(" " + Text.normalize(turn.answer()).replaceAll("^(f)\\b", "female")
					.replaceAll("^(m)\\b", "male")
					.replaceAll("^(mujer|femenino|femenina)\\b", "female")
					.replaceAll("^(hombre|masculino|var[oó]n)\\b", "male")).ifPresent(facts::sex);
			}
			if (!question.equals(OPENING)) {
				questions++;
				if (screening && (question.equals(REPHRASE) || question.startsWith(FINDING)
						&& kb.globalScreen().contains(question.substring(FINDING.length())))) {
					screened++;
				}
			}
			if (question.equals(OPENING) && openingText.isEmpty() && turn.answer() != null) {
				List<String> sentences = Text.sentences(turn.answer());
				openingText = sentences.isEmpty() ? turn.answer() : sentences.get(0);
			}
			if (question.equals(OPENING) || question.equals(REPHRASE) || question.equals(MORE)) {
				unprompted.append(turn.answer()).append('\n');
			}
			asked.add(question);
		}

		/**
		 * A quick reply in the patient's language ("Sí", "No lo sé", "Menos de 3 meses") is read as the English one it
		 * translates, so that it means exactly what the English reply means; anything else is read as written.
		 */
		private String quickReplyInEnglish(String question, String answer) {
			if (language == null || language.equals(KnowledgeBase.SOURCE_LANGUAGE) || answer == null) {
				return answer;
			}
			String given = answer.strip().replaceAll("[.!]+$", "");
			for (Map.Entry<String, String> reply : quickReplies(question).entrySet()) {
				if (reply.getKey().equalsIgnoreCase(given)) {
					return reply.getValue();
				}
			}
			return answer;
		}

		/** The quick replies offered with a question, translated to English. */
		private Map<String, String> quickReplies(String question) {
			Map<String, String> replies = new LinkedHashMap<>();
			if (question.startsWith(FINDING)) {
				for (String answer : List.of("answer.yes", "answer.no", "answer.unsure")) {
					replies.put(text(answer), kb.text(answer));
				}
			}
			else if (question.startsWith(MEASURE) && kb.measureQuestions().containsKey(question.substring(MEASURE.length()))) {
				String measure = question.substring(MEASURE.length());
				List<String> options = kb.measureQuestions().get(measure).options();
				for (int i = 0; i < options.size(); i++) {
					replies.put(say("measures." + measure + ".options." + i, options.get(i)), options.get(i));
				}
				replies.put(text("answer.unsure"), kb.text("answer.unsure"));
			}
			return replies;
		}

		/** Records the findings that follow from what is known, until nothing more follows. */
		void derive() {
			boolean changed = true;
			while (changed) {
				changed = false;
				for (KnowledgeBase.Derived d : kb.derived()) {
					Truth wanted = d.present() ? Truth.TRUE : Truth.FALSE;
					if (facts.truthOf(d.finding()) == Truth.UNKNOWN && d.when().evaluate(facts) == Truth.TRUE) {
						facts.record(d.finding(), d.present() ? Facts.State.PRESENT : Facts.State.ABSENT);
						changed |= facts.truthOf(d.finding()) == wanted;
					}
				}
			}
		}

		Decision decide(String emergencyNumber) {
			derive();
			List<Protocol> active = activeProtocols();
			if (active.isEmpty()) {
				// No phrase named a complaint: take the one closest in meaning, if any is close enough.
				Set<String> complaints = new LinkedHashSet<>();
				kb.protocols().forEach(p -> complaints.addAll(p.complaint()));
				extractor.closestComplaint(unprompted.toString(), complaints, contextThreshold).ifPresent(c -> {
					complaintByMeaning = c;
					facts.record(c, Facts.State.PRESENT);
				});
				active = activeProtocols();
			}
			List<RedFlag> firedFlags = kb.redFlags().stream().filter(f -> f.when().evaluate(facts) == Truth.TRUE).toList();
			List<Hit> hits = new ArrayList<>();
			firedFlags.forEach(f -> hits.add(new Hit(f.id(), f.disposition(), f.reason(), f.source(), f)));
			for (Protocol p : active) {
				for (Rule r : p.rules()) {
					if (r.when().evaluate(facts) == Truth.TRUE) {
						hits.add(new Hit(r.id(), r.disposition(), r.reason(), r.source(), null));
					}
				}
			}
			Disposition fired = hits.stream().map(Hit::disposition).reduce(null, Disposition::mostUrgent);
			if (fired == Disposition.EMERGENCY) {
				return conclude(active, hits, List.of(), emergencyNumber);
			}
			Disposition current = active.stream().map(Protocol::fallback).reduce(fired, Disposition::mostUrgent);
			// Red flags already partly met are followed up even when no protocol recognised the complaint.
			int budgetUsed = questions - screened;
			// With the budget spent, only a question that could still confirm an emergency partly met is worth asking.
			Optional<Candidate> question = budgetUsed < MAX_QUESTIONS ? bestQuestion(active, current, c -> true)
					: budgetUsed < MAX_QUESTIONS_FOR_AN_EMERGENCY ? bestQuestion(active, current,
							c -> c.disposition() == Disposition.EMERGENCY ? c.support() >= 2
									: c.ownRule() && !concluding && budgetUsed < MAX_QUESTIONS_FOR_A_LOWER_LEVEL)
					: Optional.empty();
			// An opening that tells only the background ("I'm 58, I have type 2 diabetes and take metformin") names
			// no complaint: what the background alone could mean (a diabetic's low sugar) is asked about only after
			// the main problem, unless two signs already point to it.
			if (active.isEmpty() && hits.isEmpty() && !asked.contains(REPHRASE) && question.isPresent()
					&& question.get().support() < 2 && questions < MAX_QUESTIONS_IN_ALL) {
				return new Ask(REPHRASE, text("main_problem"), List.of());
			}
			if (question.isPresent() && questions < MAX_QUESTIONS_IN_ALL) {
				// A one-line opening leaves most of the story untold: ask for it in the patient's words first.
				if (!active.isEmpty() && !asked.contains(MORE)
						&& Text.sentences(Text.normalize(unprompted.toString())).size() < 2) {
					return new Ask(MORE, text("more"), List.of());
				}
				// Whether a protocol applies at all (a boy is not pregnant) is settled before its questions are asked.
				Optional<String> gateway = gateway(active);
				return ask(gateway.orElse(question.get().key()));
			}
			if (active.isEmpty() && hits.isEmpty()) {
				if (!asked.contains(REPHRASE)) {
					return new Ask(REPHRASE, text("rephrase"), List.of());
				}
				// Still no complaint: screen for the emergencies it could hide before handing it to the nurse.
				Optional<String> screen = questions < MAX_QUESTIONS_IN_ALL ? kb.globalScreen().stream()
					.filter(f -> !facts.isKnown(f) && !asked.contains(FINDING + f) && couldMatter(f))
					.findFirst() : Optional.empty();
				if (screen.isPresent()) {
					return ask(FINDING + screen.get());
				}
			}
			return conclude(active, hits, openRules(active), emergencyNumber);
		}

		/**
		 * Whether a screening question could still change anything: a finding that opens no protocol is asked only
		 * while one of the red flags naming it can still fire ("could your child have swallowed tablets?" is not
		 * asked about an adult).
		 */
		boolean couldMatter(String finding) {
			List<RedFlag> naming = redFlagsNaming.getOrDefault(finding, List.of());
			return complaints.contains(finding) || naming.isEmpty()
					|| naming.stream().anyMatch(rf -> rf.when().evaluate(facts) != Truth.FALSE);
		}

		/** An unasked measure or finding that decides whether an active protocol applies to this patient. */
		Optional<String> gateway(List<Protocol> active) {
			for (Protocol p : active) {
				if (p.appliesWhen().evaluate(facts) != Truth.UNKNOWN) {
					continue;
				}
				Set<String> measures = new LinkedHashSet<>();
				p.appliesWhen().collectMeasures(measures);
				for (String m : measures) {
					boolean known = m.equals("sex") ? facts.sex().isPresent()
							: facts.measure(Measure.byKey(m).orElseThrow()).isPresent();
					if (!known && !asked.contains(MEASURE + m) && kb.measureQuestions().containsKey(m)) {
						return Optional.of(MEASURE + m);
					}
				}
			}
			return Optional.empty();
		}

		/** Protocols whose complaint is present and that apply to this patient (or may: age not known yet). */
		List<Protocol> activeProtocols() {
			return kb.protocols()
				.stream()
				.filter(p -> p.complaint().stream().anyMatch(c -> facts.truthOf(c) == Truth.TRUE))
				.filter(p -> p.appliesWhen().evaluate(facts) != Truth.FALSE)
				.toList();
		}

		/**
		 * The question that could raise the disposition most: among the rules (and red flags) that have not
		 * fired but still could, and would raise the disposition, the unknown finding or measure of the most
		 * urgent one; among equals, one whose rule is already partly met, then the protocol's own order.
		 */
		Optional<Candidate> bestQuestion(List<Protocol> active, Disposition current,
				java.util.function.Predicate<Candidate> worthAsking) {
			List<Candidate> candidates = new ArrayList<>();
			List<String> order = new ArrayList<>();
			active.forEach(p -> order.addAll(p.questions()));
			for (Protocol p : active) {
				for (Rule r : p.rules()) {
					consider(r.when(), r.disposition(), current, order, candidates, 0, true);
				}
				for (String flagId : p.screen()) {
					RedFlag flag = kb.redFlag(flagId);
					consider(flag.when(), flag.disposition(), current, order, candidates, 0, false);
				}
			}
			for (RedFlag flag : kb.redFlags()) {
				// Anchored; or all but the anchor met, with two signs reported: "pregnant?" is what turns tummy pain
				// with shoulder-tip pain into a possible ectopic pregnancy.
				if (anchored(flag.when())) {
					consider(flag.when(), flag.disposition(), current, order, candidates, 0, false);
				}
				else if (onlyAnchorUnknown(flag.when()) && support(flag.when()) >= 2) {
					// After the complaint's own questions of the same urgency: its anchor is a guess from the signs.
					consider(flag.when(), flag.disposition(), current, order, candidates, 1, false);
				}
			}
			readingsQuestion().ifPresent(candidates::add);
			return candidates.stream().filter(worthAsking).min(Comparator.comparing(Candidate::disposition)
				.thenComparingInt(Candidate::tier)
				.thenComparing(Comparator.comparingInt(Candidate::support).reversed())
				.thenComparingInt(Candidate::order));
		}

		/**
		 * The one question about readings (kb.yaml's question for {@code oxygen_saturation} asks for pulse, breathing
		 * rate, blood pressure and oxygen level together), asked first, once, and only when what was said suggests
		 * that readings were taken (a clinician's note: "a 67-year-old woman presents with", "c/o", "on
		 * examination"; a home monitor mentioned), or when a home reading helps most: breathlessness (a pulse
		 * oximeter) or palpitations (a pulse or smartwatch). Most patients have none, so nobody else is asked.
		 */
		private Optional<Candidate> readingsQuestion() {
			String key = MEASURE + Measure.OXYGEN_SATURATION.key();
			if (asked.contains(key) || !kb.measureQuestions().containsKey(Measure.OXYGEN_SATURATION.key())
					|| facts.measures().keySet().stream().anyMatch(Measure::isVitalSign)
					|| !(READINGS_LIKELY.matcher(Text.normalize(unprompted.toString())).find()
							|| kb.measureQuestions().get(Measure.OXYGEN_SATURATION.key()).askWhen().stream()
						.anyMatch(f -> facts.truthOf(f) == Truth.TRUE))) {
				return Optional.empty();
			}
			// A reading decides more than any single sign: it goes before the other emergency questions.
			return Optional.of(new Candidate(key, Disposition.EMERGENCY, 0, Integer.MAX_VALUE, -1, false));
		}

		private void consider(Condition when, Disposition disposition, Disposition current, List<String> order,
				List<Candidate> out, int tier, boolean ownRule) {
			if (!disposition.isMoreUrgentThan(current) || when.evaluate(facts) != Truth.UNKNOWN) {
				return;
			}
			// A rule about this kind of patient (a baby: "age under 1" first) counts that as a sign already met, so
			// its own questions come before a general screen's that merely share the complaint (a baby's bulging
			// soft spot before an adult's headache and dislike of light).
			int support = support(when) + (measureAnchorMet(when) ? 1 : 0);
			Set<String> findings = new LinkedHashSet<>();
			when.collectFindings(findings);
			for (String f : findings) {
				if (!facts.isKnown(f) && !asked.contains(FINDING + f) && kb.findings().get(f).question() != null) {
					out.add(new Candidate(FINDING + f, disposition, tier, support, rank(order, f), ownRule));
				}
			}
			Set<String> measures = new LinkedHashSet<>();
			when.collectMeasures(measures);
			for (String m : measures) {
				boolean known = m.equals("sex") ? facts.sex().isPresent()
						: facts.measure(Measure.byKey(m).orElseThrow()).isPresent();
				if (!known && !asked.contains(MEASURE + m) && kb.measureQuestions().containsKey(m)) {
					out.add(new Candidate(MEASURE + m, disposition, tier, support, rank(order, m), ownRule));
				}
			}
		}

		/**
		 * A rule is anchored when the first part of its {@code all} is met: by convention that part is the
		 * complaint the rule is about (chest pain, fever...) and the rest are the signs that make it serious.
		 */
		private boolean anchored(Condition when) {
			if (when instanceof Condition.Any any) {
				return any.parts().stream().anyMatch(this::anchored);
			}
			return when instanceof Condition.All all && !all.parts().isEmpty()
					&& all.parts().get(0).evaluate(facts) == Truth.TRUE;
		}


		/** The rule's anchor is a measurement or sex, and it is met ("age under 1" for a baby's rule). */
		private boolean measureAnchorMet(Condition when) {
			return when instanceof Condition.All all && !all.parts().isEmpty()
					&& (all.parts().get(0) instanceof Condition.Compare || all.parts().get(0) instanceof Condition.SexIs)
					&& all.parts().get(0).evaluate(facts) == Truth.TRUE;
		}

		/**
		 * Everything but the anchor is met, and the anchor is not known yet (in any branch): one question decides it.
		 */
		private boolean onlyAnchorUnknown(Condition when) {
			if (when instanceof Condition.Any any) {
				return any.parts().stream().anyMatch(this::onlyAnchorUnknown);
			}
			return when instanceof Condition.All all && all.parts().size() >= 2
					&& all.parts().get(0).evaluate(facts) == Truth.UNKNOWN
					&& all.parts().subList(1, all.parts().size()).stream().allMatch(c -> c.evaluate(facts) == Truth.TRUE);
		}

		/**
		 * Partly met: anchored, and at least two of the rule's findings are present. Only then does "I'm not
		 * sure" about the rest keep an emergency open (a context such as "pregnant" alone is not enough).
		 */
		private boolean partlyMet(Condition when) {
			return anchored(when) && support(when) >= 2;
		}

		private int support(Condition when) {
			Set<String> findings = new LinkedHashSet<>();
			when.collectFindings(findings);
			return (int) findings.stream().filter(f -> facts.truthOf(f) == Truth.TRUE).count();
		}

		private static int rank(List<String> order, String id) {
			int i = order.indexOf(id);
			return i < 0 ? Integer.MAX_VALUE : i;
		}

		Ask ask(String key) {
			if (key.startsWith(FINDING)) {
				Finding f = kb.findings().get(key.substring(FINDING.length()));
				String question = say("findings." + f.id() + ".question", f.question());
				if (question.equals(f.question()) && aboutSomeoneElse()) {
					question = aboutThem(question, facts.sex().orElseGet(this::sexOfWhoIsUnwell));
				}
				return new Ask(key, question, List.of(text("answer.yes"), text("answer.no"), text("answer.unsure")));
			}
			var q = kb.measureQuestions().get(key.substring(MEASURE.length()));
			List<String> options = new ArrayList<>();
			for (int i = 0; i < q.options().size(); i++) {
				options.add(say("measures." + q.measure() + ".options." + i, q.options().get(i)));
			}
			options.add(text("answer.unsure"));
			return new Ask(key, say("measures." + q.measure() + ".question", q.question()), options);
		}

		/**
		 * Whether the opening says the patient is someone else ("my mum's not herself", "my 4-year-old has..."): then
		 * the questions written for either ("Are you (or the person who is unwell)...") ask about them, shorter and
		 * plainer for the carer who answers.
		 */
		private boolean aboutSomeoneElse() {
			return Interviewer.aboutSomeoneElse(openingText);
		}

		/** The sex the opening's words for the patient say ("my grandad", "my daughter"), for a pronoun only; or null. */
		private Facts.Sex sexOfWhoIsUnwell() {
			return Interviewer.sexOfWhoIsUnwell(openingText);
		}

		/** Rules that might still have fired: what the engine could not rule out. */
		List<Open> openRules(List<Protocol> active) {
			List<Open> open = new ArrayList<>();
			for (Protocol p : active) {
				for (Rule r : p.rules()) {
					if (r.when().evaluate(facts) == Truth.UNKNOWN) {
						open.add(new Open(r.id(), r.disposition(), r.reason(), r.source(), partlyMet(r.when()),
								unknownsAllAsked(r.when())));
					}
				}
			}
			for (RedFlag f : kb.redFlags()) {
				if (f.when().evaluate(facts) == Truth.UNKNOWN && anchored(f.when())) {
					open.add(new Open(f.id(), f.disposition(), f.reason(), f.source(), partlyMet(f.when()),
							unknownsAllAsked(f.when())));
				}
			}
			return open;
		}

		private boolean unknownsAllAsked(Condition when) {
			Set<String> findings = new LinkedHashSet<>();
			when.collectFindings(findings);
			return findings.stream()
				.filter(f -> facts.truthOf(f) == Truth.UNKNOWN)
				.allMatch(f -> asked.contains(FINDING + f));
		}

		Conclude conclude(List<Protocol> active, List<Hit> hits, List<Open> open, String emergencyNumber) {
			List<Assessment.Reason> reasons = new ArrayList<>();
			Disposition disposition = null;
			for (Hit hit : hits) {
				disposition = Disposition.mostUrgent(disposition, hit.disposition());
				reasons.add(new Assessment.Reason(hit.id(), hit.disposition(), hit.reason(), cite(hit.source())));
			}
			for (Protocol p : active) {
				disposition = Disposition.mostUrgent(disposition, p.fallback());
				reasons.add(new Assessment.Reason(p.id(), p.fallback(),
						"Usual level of care for " + p.title().toLowerCase(java.util.Locale.ROOT)
								+ " when no warning sign is found.",
						cite(p.source())));
			}
			List<String> uncertainties = new ArrayList<>();
			if (complaintByMeaning != null) {
				uncertainties.add("The complaint was matched by meaning, not by a known phrase, to: "
						+ kb.findings().get(complaintByMeaning).label() + ". Check it against the transcript.");
			}
			for (Open o : open) {
				if (o.disposition() == Disposition.EMERGENCY && o.partlyMet() && o.askedAndUnsure()) {
					// "I'm not sure" about the sign that would make an anchored rule an emergency: not ruled out.
					if (Disposition.URGENT.isMoreUrgentThan(disposition)) {
						disposition = Disposition.URGENT;
					}
					reasons.add(new Assessment.Reason(o.id(), Disposition.URGENT,
							"Could not be ruled out (the patient was not sure): " + o.reason(), cite(o.source())));
				}
				if (o.disposition().isMoreUrgentThan(disposition)) {
					uncertainties.add("Not ruled out (" + o.disposition() + "): " + o.reason());
				}
			}
			if (active.isEmpty()) {
				disposition = Disposition.mostUrgent(disposition, Disposition.URGENT);
				uncertainties.add("The complaint did not match any protocol: the nurse should read the transcript.");
				reasons.add(new Assessment.Reason("unrecognised-complaint", Disposition.URGENT,
						"No protocol matched the complaint; when unsure, MedAssist escalates.", null));
			}
			boolean emergency = disposition == Disposition.EMERGENCY;
			List<Assessment.RedFlagHit> flags = hits.stream()
				.filter(h -> h.flag() != null)
				.map(h -> new Assessment.RedFlagHit(h.id(), h.flag().name(), h.disposition(),
						say("red_flags." + h.id() + ".instruction", h.flag().instruction())
							.replace("{emergency_number}", emergencyNumber),
						cite(h.source())))
				.toList();
			List<Assessment.Advice> advice = new ArrayList<>();
			List<String> seekCareIf = new ArrayList<>();
			Set<String> seekCareIfInEnglish = new LinkedHashSet<>();
			for (Protocol p : active) {
				if (!emergency) {
					advice.add(new Assessment.Advice(p.id(), items(p, "advice", p.advice()), cite(p.source())));
				}
				List<String> signs = items(p, "seek_care_if", p.seekCareIf());
				for (int i = 0; i < signs.size(); i++) {
					// The same sign in two protocols is said once (compared in English, as written in the knowledge base).
					if (seekCareIfInEnglish.add(p.seekCareIf().get(i))) {
						seekCareIf.add(signs.get(i));
					}
				}
			}
			Assessment assessment = new Assessment(disposition, flags, notes(Facts.State.PRESENT),
					notes(Facts.State.ABSENT), notes(Facts.State.UNSURE), reasons, uncertainties, advice, seekCareIf,
					active.stream().map(Protocol::id).toList(), measurements(), VERSION, kb.version());
			return new Conclude(assessment, emergency, patientMessages(assessment, hits, active, emergencyNumber));
		}

		/** A protocol's advice or "seek care if" items in the patient's language. */
		private List<String> items(Protocol p, String field, List<String> english) {
			List<String> out = new ArrayList<>();
			for (int i = 0; i < english.size(); i++) {
				out.add(say("protocols." + p.id() + "." + field + "." + i, english.get(i)));
			}
			return out;
		}

		private List<String> patientMessages(Assessment a, List<Hit> hits, List<Protocol> active, String number) {
			List<String> messages = new ArrayList<>();
			if (a.disposition() == Disposition.EMERGENCY) {
				messages.add(text("outcome.EMERGENCY").replace("{emergency_number}", number));
				a.redFlags().stream()
					.filter(f -> f.disposition() == Disposition.EMERGENCY)
					.map(Assessment.RedFlagHit::instruction)
					.distinct()
					.forEach(messages::add);
				if (a.redFlags().isEmpty()) {
					hits.stream().filter(h -> h.disposition() == Disposition.EMERGENCY).findFirst()
						.ifPresent(h -> messages.add(say("rules." + h.id() + ".reason", h.reason())));
				}
				messages.add(text("nurse-review"));
				return messages;
			}
			if (active.isEmpty()) {
				messages.add(text("unrecognised"));
			}
			else {
				messages.add(text("outcome." + a.disposition().name()));
			}
			a.redFlags().forEach(f -> messages.add(f.instruction()));
			if (a.disposition() == Disposition.SELF_CARE || a.disposition() == Disposition.ROUTINE) {
				for (Assessment.Advice advice : a.advice()) {
					messages.add(text("advice-heading") + "\n- " + String.join("\n- ", advice.items()));
				}
			}
			if (!a.seekCareIf().isEmpty()) {
				messages.add(text("seek-care-heading") + "\n- " + String.join("\n- ", a.seekCareIf()));
			}
			messages.add(text("nurse-review"));
			messages.add(text("worse").replace("{emergency_number}", number));
			return messages;
		}

		private List<Assessment.FindingNote> notes(Facts.State state) {
			return facts.findings().entrySet().stream()
				.filter(e -> e.getValue() == state)
				.map(e -> new Assessment.FindingNote(e.getKey(), kb.findings().get(e.getKey()).label()))
				.toList();
		}


		private List<String> measurements() {
			List<String> out = new ArrayList<>();
			facts.measures().forEach((m, v) -> out.add(m.key() + ": " + (Math.round(v * 100) / 100.0)));
			facts.sex().ifPresent(s -> out.add("sex: " + s.name().toLowerCase(java.util.Locale.ROOT)));
			return out;
		}
	}

	/**
	 * Whether an opening is about someone else: a carer's ("my son...", "my 4-year-old...", "nan is...") or a
	 * clinician's ("A 9-month-old infant is brought in with...", "An 11-year-old girl presents with...").
	 */
	static boolean aboutSomeoneElse(String openingText) {
		String opening = Text.normalize(openingText);
		return CARER.matcher(opening).find() || CLINICIAN.matcher(opening).find();
	}

	/**
	 * The sex the opening's first word for the patient says ("my grandad", "my daughter", "a 9-year-old boy is brought
	 * in by his mother": a boy), for a pronoun only; or null.
	 */
	static Facts.Sex sexOfWhoIsUnwell(String openingText) {
		String opening = Text.normalize(openingText);
		var her = HER.matcher(opening);
		var him = HIM.matcher(opening);
		int she = her.find() ? her.start() : Integer.MAX_VALUE;
		int he = him.find() ? him.start() : Integer.MAX_VALUE;
		if (she == Integer.MAX_VALUE && he == Integer.MAX_VALUE) {
			return null;
		}
		return she < he ? Facts.Sex.FEMALE : Facts.Sex.MALE;
	}

	/** A clinician's case: "A 9-month-old infant...", "An 11-year-old girl presents...", "...is brought in by her mother". */
	private static final Pattern CLINICIAN = Pattern.compile(
			"^(?:a|an)\\s+\\d+(?:\\.\\d+)?[- ]?(?:year|month|week|day)s?[- ]old\\b|\\b(?:is|was) brought (?:in|to)\\b");

	/** A clinician's note, or a patient or carer who mentions a monitor: readings may well have been taken. */
	private static final Pattern READINGS_LIKELY = Pattern.compile(
			"\\b(?:presents?|presenting|presented|c/o|complains? of|complaining of|brought in|on examination|o/e|obs|observations"
			+ "|vitals|vital signs|pmh|h/o|pulse oximeter|oximeter|oxygen monitor|blood pressure monitor|bp monitor|smartwatch"
			+ "|heart rate monitor|home monitor)\\b|^\\s*(?:an?\\s+)?\\d{1,3}[- ]?(?:years?|yrs?|y/o|yo|months?|weeks?)[- ]?(?:old\\b)?"
			+ "(?:\\s+(?:man|woman|male|female|boy|girl|lady|gentleman|patient|infant|baby|child|m|f)\\b)");
	/**
	 * An opening about someone else: "my son...", "my 4-year-old...", "nan is...". Also what sets aside an age the
	 * speaker gives of themself (see {@code apply}).
	 */
	private static final Pattern CARER = Pattern.compile(
			"^(?:nan|nana|nanna|granny|grandma|grandad|granddad|grandpa|mum|mom|dad)\\b|\\b(?:my|our)\\s+(?:(?:little|baby|teenage|elderly|old|\\d+[- ]?(?:year|month|week|day)s?[- ]old)\\s+)?"
					+ "(?:son|daughter|baby|child|kid|kids|toddler|boy|girl|mum|mom|mother|dad|father|husband|wife|partner|"
					+ "grandad|granddad|grandpa|grandma|nan|nana|nanna|granny|grandmother|grandfather|grandson|granddaughter|"
					+ "friend|brother|sister|teenager|teen|one|newborn|aunt|uncle|neighbour|neighbor|flatmate)\\b"
					+ "|\\bmy\\s+\\d+[- ]?(?:year|month|week|day)s?[- ]old\\b");

	private static final Pattern HER = Pattern.compile(
			"\\b(?:mum|mom|mother|daughter|wife|girl|woman|lady|sister|nan|nana|nanna|granny|grandma|grandmother|granddaughter|aunt|she)\\b");
	private static final Pattern HIM = Pattern.compile(
			"\\b(?:dad|father|son|husband|boy|man|gentleman|brother|grandad|granddad|grandpa|grandfather|grandson|uncle|he)\\b");

	/**
	 * A question written for the patient or their carer, put to the carer about the patient: "Is she", "Has he", or
	 * "Are they" when the sex is not known.
	 */
	static String aboutThem(String question, Facts.Sex sex) {
		String subject = sex == null ? "they" : sex == Facts.Sex.FEMALE ? "she" : "he";
		String possessive = sex == null ? "their" : sex == Facts.Sex.FEMALE ? "her" : "his";
		String reflexive = sex == null ? "themselves" : sex == Facts.Sex.FEMALE ? "herself" : "himself";
		for (String verb : List.of("Are", "Have")) {
			String both = verb + " you (or the person who is unwell)";
			if (question.startsWith(both)) {
				String asked = sex == null ? verb : verb.equals("Are") ? "Is" : "Has";
				return asked + " " + subject + question.substring(both.length()).replaceAll("\\byou\\b", subject)
					.replaceAll("\\byour\\b", possessive);
			}
		}
		// A question written for the patient ("Do you have any pain ... in your chest?") put to a carer would ask
		// about the carer, whose "no" would then be recorded as the patient's. Put to them about the patient when the
		// grammar allows it: "you" only as the subject at the start, and not the carer's own view or situation.
		Matcher start = PATIENT_QUESTION.matcher(question);
		if (!start.lookingAt() || YOU.matcher(question).results().count() > (start.group(3) != null ? 0 : 1)
				|| CARERS_OWN.matcher(question).find()) {
			return question;
		}
		String rest = question.substring(start.end()).replaceAll("\\byourself\\b", reflexive)
			.replaceAll("\\byour\\b", possessive);
		if (start.group(3) != null) {
			return start.group(3) + " " + possessive + rest; // "Is your skin itchy?": "Is his skin itchy?"
		}
		String verb = start.group(1);
		String asked = sex == null ? verb : switch (verb) {
			case "Do" -> "Does";
			case "Have" -> "Has";
			case "Are" -> "Is";
			case "Were" -> "Was";
			default -> verb;
		};
		return asked + " " + subject + rest;
	}

	/** "Do you", "Have you"... (the verb in group 1), or "Is your", "Does your"... (the verb in group 3). */
	private static final Pattern PATIENT_QUESTION = Pattern.compile(
			"(Do|Have|Are|Were|Did|Can|Could) (you)\\b|(Is|Does|Are|Have|Has|Do) your\\b(?! (?:child|baby|children))");
	private static final Pattern YOU = Pattern.compile("\\byou\\b", Pattern.CASE_INSENSITIVE);
	/**
	 * Questions about the one who answers: their opinion, their own caring, what they saw or checked ("Have you seen
	 * blood in your poo?" is asked of whoever looks: a carer's "no, I haven't seen any" is not the patient's), or
	 * someone else than the patient.
	 */
	private static final Pattern CARERS_OWN = Pattern.compile(
			"^Do you think\\b|looking after someone|\\(or (?:your child|they|someone else)\\)"
					+ "|^(?:Do|Have|Did|Can|Could) you (?:see|seen|notice|noticed|find|found|check|checked|measure|measured|"
					+ "feel|felt|tried|given|give)\\b");

	private static Assessment.Citation cite(Source source) {
		return source == null ? null : new Assessment.Citation(source.title(), source.url());
	}

	private record Hit(String id, Disposition disposition, String reason, Source source, RedFlag flag) {
	}

	/** A question worth asking; {@code tier} 0 for the complaint's rules and anchored red flags, 1 for a guessed anchor. */
	private record Candidate(String key, Disposition disposition, int tier, int support, int order, boolean ownRule) {
	}

	private record Open(String id, Disposition disposition, String reason, Source source, boolean partlyMet,
			boolean askedAndUnsure) {
	}
}
