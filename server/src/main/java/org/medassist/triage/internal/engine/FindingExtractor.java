package org.medassist.triage.internal.engine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.medassist.triage.internal.engine.KnowledgeBase.Finding;

/**
 * Reads findings, measurements and yes/no answers from what a patient wrote: phrases word by word with
 * negation, then by meaning (when an embedding model is available) for what the phrases miss.
 */
final class FindingExtractor {

	/** Short affirmations; the pronoun forms ("i do", "she has") only when nothing follows them. */
	private static final Pattern YES = Pattern.compile("^(?:(?:yes|yeah|yep|yup|ya|yea|y|correct|definitely|absolutely|certainly|a bit|a little|slightly|sometimes|kind of|sort of|somewhat|mildly|i think so|probably|affirmative|si|sí)\\b.*"
			+ "|(?:i do|i have|i am|i did|it is|it does|he does|she does|he is|she is|he has|she has|they do|sure|true|right)\\s*(?:[,.!]|$).*)");
	private static final Pattern NO = Pattern.compile("^(?:(?:no|nope|nah|n|not really|not at all|none|never|negative|i don't think so|don't think so|i haven't|i havent|i have not|not that i know|not that i've noticed)\\b.*"
			+ "|(?:i don't|i dont|i do not|i'm not|im not|i am not|it isn't|it doesn't|he doesn't|she doesn't|he isn't|she isn't|he hasn't|she hasn't)\\s*(?:[,.!]|$).*)");
	private static final Pattern UNSURE = Pattern.compile("^(i'm not sure|im not sure|i am not sure|not sure|unsure|i don't know|i dont know|don't know|dont know|dunno|no idea|maybe|possibly|perhaps|can't tell|cannot tell|hard to say|i can't say|not certain)\\b.*");
	/**
	 * "Not sure" in Spanish (its "sí" is in {@link #YES}, its "no" in {@link #NO}); checked before them, as "no estoy
	 * segura" starts with "no". "No sé" only on its own: "no se ..." also starts a denial ("no se me quita").
	 */
	private static final Pattern UNSURE_ES = Pattern.compile(
			"^(?:no estoy segur[oa]|no lo s[eé]|no sabr[ií]a decir|quiz[aá]s?|tal vez|a lo mejor)(?![\\p{L}]).*|^no s[eé]\\s*(?:[,.!?].*)?$");

	private final Set<String> known = new HashSet<>();

	/**
	 * Many tablets taken: "took 20 paracetamol", "it was about 16 pills". Ten or more is more than a day's most of any
	 * common tablet bought without prescription (paracetamol: 8 in 24 hours; Paracetamol for adults - NHS,
	 * https://www.nhs.uk/medicines/paracetamol-for-adults/), so an overdose.
	 */
	private static final Pattern MANY_TABLETS = Pattern.compile("\\b(?:took|taken|take|swallowed|had|ate|eaten|was|were)\\s+"
			+ "(?:about\\s+|around\\s+|like\\s+|over\\s+|more than\\s+|maybe\\s+|at least\\s+|nearly\\s+|roughly\\s+)?(\\d{1,3})\\s+"
			+ "(?:of\\s+(?:my|his|her|their|the|mum's|dad's)\\s+)?(?:[a-z'-]+\\s+)?"
			+ "(?:tablets|pills|capsules|paracetamol|paracetamols|ibuprofen|ibuprofens|aspirin|aspirins|co-codamol|codeine|sleeping pills)\\b");

	/**
	 * A problem dated from starting a medicine: "since starting amlodipine I've had swollen ankles", "ever since I
	 * started on the new tablets". The word after the start must name a medicine: a word for medicines, or a
	 * medicine's name by its international ending (-pine, -pril, -sartan, -olol, -statin...), so that "since starting
	 * school" or "since starting my new job" is not a medicine.
	 */
	private static final Pattern SINCE_STARTING = Pattern.compile("\\b(?:since|after) (?:i |he |she |they |we |mum |dad )?"
			+ "(?:started|starting|began|begun|beginning|went on|going on)(?: on| taking| to take| using)?\\s+"
			+ "(?:(?:the|my|his|her|their|a|an|this|these|that|new|some|course of)\\s+)*([a-z][a-z-]{2,})\\b");
	private static final Pattern MEDICINE_WORD = Pattern.compile("(?:tablets?|pills?|capsules?|medicines?|medications?|meds|"
			+ "antibiotics?|antidepressants?|statins?|steroids?|inhalers?|injections?|patch(?:es)?|insulin|hrt|contraceptives?|"
			+ "implant|coil|mirena|chemo|chemotherapy|drugs?|prescription|dose|jabs?|"
			+ "[a-z-]*(?:dipine|pril|sartan|olol|statin|formin|gliptin|flozin|glutide|prazole|tidine|cillin|mycin|cycline|"
			+ "floxacin|azole|oxetine|traline|alopram|faxine|tazapine|triptyline|gabalin|pentin|azepam|azolam|triptan|tadine|"
			+ "tirizine|olone|isone|asone|lukast|terol|profen|codeine|codamol|tramadol|phine|codone|xaban|farin|grel|oxine|"
			+ "thyroxine|lithium|valproate|trigine|mazepine|cetam|purinol|colchicine|steride|osin|butynin|pezil|mantine|"
			+ "peridone|apine|piprazole|peridol|trexate|oquine|tinoin|lactone|digoxin|darone|semide|thiazide|pamide|"
			+ "dronate|tropium|xetine|tamide|vastatin))");

	/**
	 * A person who feels "burning hot" has a temperature, not a burn: "my forehead is burning hot", "he feels burning
	 * hot", "she's burning up". Said of a person or how they feel, "burning" is read as "feverish"; a thing that is
	 * burning hot ("the pan was burning hot") and a burn someone got ("I burnt my hand") are read as before.
	 */
	private static final Pattern FEELS_BURNING_HOT = Pattern.compile("(?<=\\b(?:feels?|felt|feeling|seems?|forehead(?: is| was|'s)?|"
			+ "head(?: is| was|'s)?|skin(?: is| was)?|body(?: is| was)?|he's|she's|i'm|he is|she is|i am|i was|he was|she was|"
			+ "baby is|baby's|they're)\\s(?:really\\s|so\\s|very\\s|absolutely\\s)?)burning(?=\\s(?:hot|up)\\b)");

	/**
	 * A patch of skin, a joint or a limb that is "warm to touch" or "hot to the touch" is hot, a sign of inflammation or
	 * infection there (Cellulitis - NHS, https://www.nhs.uk/conditions/cellulitis/; Septic arthritis - NHS,
	 * https://www.nhs.uk/conditions/septic-arthritis/), not a fever: "the skin on my shin is red and warm to touch" is
	 * read as red and hot skin. Said of a person, a forehead or a body ("he's hot to touch", "her skin is warm to the
	 * touch") it stays a fever; bare "skin" is the person's unless it is the skin on, around or over some part.
	 */
	private static final Pattern LOCALLY_WARM_TO_TOUCH = Pattern.compile("(\\b(?:knee|knees|ankle|ankles|wrist|wrists|elbow|"
			+ "elbows|shoulder|hip|joint|joints|toe|toes|finger|fingers|thumb|foot|calf|shin|thigh|leg|arm|hand|patch|area|"
			+ "spot|lump|bump|swelling|wound|cut|scar|bite|sting|boil|abscess|ulcer|breast|tattoo|piercing|site|redness|"
			+ "(?:skin|bit) (?:on|around|over|of|near|at|by) (?:my |his |her |the |their )?[a-z]+)\\b"
			+ "(?:(?!\\b(?:he|she|he's|she's|i|i'm|baby|they|forehead|head|body|temperature)\\b)[^,.;]){0,40}?)"
			+ "\\b(?:warm|hot) to (?:the )?touch\\b");

	/**
	 * "Manic" said of a time or a place is busy, not mania: "work has been manic", "a manic week at home". Said of a
	 * person ("she's been manic", "I feel manic") it is read as before.
	 */
	private static final Pattern MANIC_TIMES = Pattern.compile("(?<=\\b(?:work|things|life|it|everything|week|day|month|"
			+ "year|morning|today|home|house|job|school|office|shop|ward|christmas|the kids|shift|weekend)\\s"
			+ "(?:has been|have been|had been|is|was|are|were|'s been|'s|gets|got|being)\\s(?:a bit |so |really |very |pretty |"
			+ "absolutely |totally |quite |super |crazy |insanely |just |completely )?)manic\\b"
			+ "|(?<=\\b(?:work|things|life|everything)'s (?:been )?(?:a bit |so |really |very |pretty |absolutely |totally |quite |just )?)manic\\b"
			+ "|\\bmanic(?= (?:week|day|month|few (?:days|weeks|months)|time|period|schedule|job|shift|morning|weekend|christmas|year)s?\\b)");

	/** The English phrases (and, by meaning, the embedding model's reading): the knowledge base's own language. */
	private final Lexicon lexicon;
	private final SemanticIndex semantic;
	/** Phrases of the patient's language read besides the English ones, in their own wording; or none. */
	private final Lexicon translated;
	private final Wording translatedWording;
	/** Findings an emergency may hang on: their reading by meaning is never set aside. */
	private final Set<String> emergencyFindings;
	private final Map<String, Set<String>> decidedByMeasures;
	/** Every finding some reading decides (the union of {@link #decidedByMeasures}), checked for each clause. */
	private final Set<String> decidedByAnyReading;
	/** How much closer in meaning a finding named in known words must be to set aside another's reading by meaning. */
	static final double CLOSER_BY = 0.1;
	/** How close a clause must be to a phrase of the finding it names to set aside an emergency finding's reading. */
	static final double NAMED_ALMOST_VERBATIM = 0.9;

	FindingExtractor(Iterable<Finding> findings, SemanticIndex semantic) {
		this(findings, semantic, Set.of());
	}

	/**
	 * {@code emergencyFindings}: the findings an emergency may hang on, whose reading by meaning is always kept (see
	 * {@link #closerNamed}).
	 */
	FindingExtractor(Iterable<Finding> findings, SemanticIndex semantic, Set<String> emergencyFindings) {
		this(findings, semantic, emergencyFindings, Map.of());
	}

	/** {@code decidedByMeasures}: by measure key, the findings a reading of it decides (see KnowledgeBase). */
	FindingExtractor(Iterable<Finding> findings, SemanticIndex semantic, Set<String> emergencyFindings,
			Map<String, Set<String>> decidedByMeasures) {
		this.decidedByMeasures = Map.copyOf(decidedByMeasures);
		this.decidedByAnyReading = decidedByMeasures.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
		this.emergencyFindings = Set.copyOf(emergencyFindings);
		findings.forEach(f -> known.add(f.id()));
		this.lexicon = new Lexicon(findings);
		this.semantic = semantic;
		this.translated = null;
		this.translatedWording = null;
	}

	/**
	 * For a consultation in another language: the English phrases (a patient may write "rash" or "epipen") and the
	 * language's own phrases, both word by word; never the English embedding model, which would mis-read the
	 * language's words (a negation it cannot see would record a finding as absent).
	 */
	FindingExtractor(Iterable<Finding> findings, Iterable<Finding> translatedPhrases, Wording wording) {
		this.decidedByMeasures = Map.of();
		this.decidedByAnyReading = Set.of();
		this.emergencyFindings = Set.of();
		findings.forEach(f -> known.add(f.id()));
		this.lexicon = new Lexicon(findings);
		this.semantic = null;
		this.translated = new Lexicon(translatedPhrases, wording);
		this.translatedWording = wording;
	}

	/** What a message says, in the context of the measure it answers (if any). */
	private record Said(String text, Optional<Measure> askedMeasure) {
	}

	/** An answer read in the context of the finding its question asked about. */
	private record InContext(String text, String finding, double threshold) {
	}

	/** Readings of recent messages: the interview re-reads every earlier message of a conversation at each turn. */
	private final Cache<Said, Reading> readings = Caffeine.newBuilder().maximumSize(4096).build();
	private final Cache<InContext, Optional<Facts.State>> contextual = Caffeine.newBuilder().maximumSize(1024).build();

	Reading read(String raw, Optional<Measure> askedMeasure) {
		return readings.get(new Said(raw, askedMeasure), said -> readNow(said.text(), said.askedMeasure()));
	}

	private Reading readNow(String raw, Optional<Measure> askedMeasure) {
		String text = FEELS_BURNING_HOT.matcher(Text.normalize(raw)).replaceAll("feverish");
		text = LOCALLY_WARM_TO_TOUCH.matcher(text).replaceAll("$1hot");
		text = MANIC_TIMES.matcher(text).replaceAll("busy");
		// An illness that "runs in the family" is familial, not "the runs" (diarrhoea).
		text = Attribution.RUNS_IN_THE_FAMILY.matcher(text).replaceAll("familial");
		Map<String, Facts.State> found = new LinkedHashMap<>();
		for (Attribution.ScopedClause scoped : Attribution.clauses(text)) {
			String clause = scoped.text();
			List<String> tokens = Text.tokens(clause);
			if (tokens.isEmpty()) {
				continue;
			}
			// Whose the clause's findings are, and when: a relative's illness or the patient's distant past is not a
			// finding now (the few findings that are history by nature still are).
			Attribution.Scope scope = scoped.scope();
			var mentions = lexicon.find(tokens);
			for (var mention : mentions) {
				if (!Attribution.keeps(scope, mention.finding())) {
					continue;
				}
				// A negation between the phrase's words ("i'm 27 and not pregnant" for "i'm pregnant") counts too.
				Negation.Polarity polarity = Negation.hasCue(String.join(" ", mention.gaps()))
						? Negation.Polarity.NEGATED : Negation.of(tokens, mention.start());
				if (polarity == Negation.Polarity.AFFIRMED && Negation.negativeResultAfter(tokens, mention.end())) {
					polarity = Negation.Polarity.NEGATED;
				}
				merge(found, mention.finding(), state(polarity));
				// The denial inside the phrase denies the phrase, not what was said before it: "he is cough since one
				// month no blood" denies coughing blood but still says he coughs.
				int cue = firstGapCue(tokens, mention);
				if (cue > mention.start()) {
					for (var before : lexicon.find(tokens.subList(mention.start(), cue))) {
						if (!before.finding().equals(mention.finding()) && Attribution.keeps(scope, before.finding())) {
							merge(found, before.finding(), state(Negation.of(tokens, mention.start() + before.start())));
						}
					}
				}
			}
			// A clinician's one-word negative ("afebrile") denies its finding without denying what follows it; a list's
			// "no" before it ("no cough, afebrile") does not undo it, only "not afebrile" does.
			Set<String> deniedByTerm = new HashSet<>();
			for (int i = 0; i < tokens.size(); i++) {
				String denied = Negation.NEGATIVE_TERMS.get(tokens.get(i));
				if (denied != null && known.contains(denied)
						&& (i == 0 || !Negation.NEGATES_TERM.contains(tokens.get(i - 1)))) {
					deniedByTerm.add(denied);
					merge(found, denied, Facts.State.ABSENT);
				}
			}
			if (semantic != null && tokens.size() >= 2) {
				Facts.State clauseState = state(Negation.ofClause(tokens));
				Map<String, SemanticIndex.Similarity> resembled = semantic.match(clause);
				// The clause's readings are looked for only when it resembles a finding a reading decides.
				Set<String> decidedHere = resembled.keySet().stream().anyMatch(decidedByAnyReading::contains)
						? decidedByReadingsIn(clause) : Set.of();
				resembled.forEach((id, similarity) -> {
					if (Attribution.keeps(scope, id) && mentions.stream().noneMatch(m -> m.finding().equals(id)) && !deniedByTerm.contains(id)
							&& !decidedHere.contains(id)
							&& !closerNamed(clause, mentions, id, similarity.score())) {
						merge(found, id, meaning(clause, clauseState, similarity));
					}
				});
			}
		}
		Map<Measure, Double> measures = MeasureReader.read(text, askedMeasure);
		Optional<Facts.Sex> sex = MeasureReader.sex(text);
		Reading.Answer answer = answer(text);
		java.util.regex.Matcher tablets = MANY_TABLETS.matcher(text);
		if (known.contains("overdose") && tablets.find() && Integer.parseInt(tablets.group(1)) >= 10) {
			found.put("overdose", Facts.State.PRESENT);
		}
		// A problem since starting a medicine: the medicine is new, which the rules of a reaction to a medicine read (a
		// rash, hives or blistering after it). Not by itself a side effect complaint: its protocol would send every
		// expected, mild effect (loose stools on amoxicillin) to a GP, and take the place of the screen for what else
		// the message says.
		java.util.regex.Matcher starting = SINCE_STARTING.matcher(text);
		while (starting.find()) {
			if (MEDICINE_WORD.matcher(starting.group(1)).matches() && known.contains("new_medicine")) {
				found.putIfAbsent("new_medicine", Facts.State.PRESENT);
				break;
			}
		}
		if (translated != null) {
			readTranslated(text, found);
			// Measurements said in Spanish, for what the English reader did not find.
			if (translatedWording == Spanish.WORDING) {
				String folded = Spanish.fold(text);
				Map<Measure, Double> all = new java.util.EnumMap<>(Measure.class);
				all.putAll(measures);
				all.putAll(SpanishMeasures.read(folded, measures));
				measures = all;
				if (sex.isEmpty()) {
					sex = SpanishMeasures.sex(folded);
				}
				if (answer == Reading.Answer.OTHER) {
					answer = Spanish.answer(folded);
				}
				// A blood sugar reading ("glucosa en 450") is a finding when no phrase said it.
				SpanishMeasures.sugar(folded).ifPresent(id -> found.putIfAbsent(id, Facts.State.PRESENT));
				if (SpanishMeasures.manyTablets(folded)) {
					found.put("overdose", Facts.State.PRESENT);
				}
			}
		}
		// Shared by every later turn that re-reads this message: nobody may change it.
		return new Reading(java.util.Collections.unmodifiableMap(found), java.util.Collections.unmodifiableMap(measures),
				sex, answer);
	}

	/**
	 * The language's own phrases, with its clauses and negation. What they say of a finding replaces what the English
	 * phrases read of it in this message: English negation cannot see "tampoco tengo diarrea" (the English lexicon
	 * knows the word "diarrea"). Findings only the English phrases found are kept as read.
	 */
	private void readTranslated(String normalized, Map<String, Facts.State> found) {
		Map<String, Facts.State> said = new LinkedHashMap<>();
		for (String sentence : Text.sentences(translatedWording.prepare(normalized))) {
			for (String clause : translatedWording.clauses(sentence)) {
				List<String> tokens = Text.tokens(clause);
				var mentions = translated.find(tokens);
				for (var mention : mentions) {
					// The negation inside another phrase ("no quiero vivir") does not deny what follows it ("...tengo un
					// plan para matarme"): the words of the other mentions are not cues for this one.
					List<String> others = new java.util.ArrayList<>(tokens);
					for (var other : mentions) {
						if (other != mention) {
							other.positions().forEach(i -> others.set(i, ""));
						}
					}
					Negation.Polarity polarity = translatedWording.negative(String.join(" ", mention.gaps()))
							? Negation.Polarity.NEGATED : translatedWording.polarity(others, mention.start());
					merge(said, mention.finding(), state(polarity));
				}
			}
		}
		found.putAll(said);
	}

	/**
	 * Where a list's denial ("no", "without", "nil") between a phrase's own words is, or -1 when there is none. A
	 * denied predicate ("the skin around the spots isn't red") is not a list: what comes before it is its subject,
	 * said only to be denied something.
	 */
	private static int firstGapCue(List<String> tokens, Lexicon.Mention mention) {
		for (int i = mention.start(); i < mention.end(); i++) {
			if (!mention.positions().contains(i) && LIST_DENIALS.contains(tokens.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private static final Set<String> LIST_DENIALS = Set.of("no", "without", "nil");

	/** Within one message, a mention that affirms wins over one that denies ("no fever... actually yes, 38.5"). */
	private static void merge(Map<String, Facts.State> found, String id, Facts.State state) {
		found.merge(id, state, (a, b) -> a == Facts.State.PRESENT || b == Facts.State.PRESENT ? Facts.State.PRESENT
				: a == Facts.State.UNSURE || b == Facts.State.UNSURE ? Facts.State.UNSURE : Facts.State.ABSENT);
	}

	private static Facts.State state(Negation.Polarity polarity) {
		return switch (polarity) {
			case AFFIRMED -> Facts.State.PRESENT;
			case NEGATED -> Facts.State.ABSENT;
			case UNCERTAIN -> Facts.State.UNSURE;
		};
	}

	/** Words that, in an answer about a symptom, say it is not there ("my breathing is fine"). */
	private static final Pattern FINE = Pattern.compile(".*\\b(fine|normal|ok|okay|alright|all right|no problem|no problems|not a problem|as usual|unchanged|stopped|settled|gone|resolved|better now|back to normal|fades|faded|usual self|as always|just like always|normally|properly|[a-z]+ing (?:well|ok|okay|fine)|no trouble|no difficulty|without (?:any )?(?:trouble|difficulty|problems?))\\b.*");

	/**
	 * A statement of what the patient can do ("I can pee normally", "I can still talk in full sentences", "able to walk"):
	 * close in meaning to a finding worded as an inability ("can't speak in full sentences"), it says that finding is
	 * not there.
	 */
	private static final Pattern ABLE = Pattern.compile(".*\\b(?:can|could|able to|managing to|manage to)\\s+(?:still\\s+|just\\s+|now\\s+)?(?!not\\b|hardly\\b|barely\\b|only\\b)[a-z]+.*");

	/**
	 * Reads an answer that neither says yes or no nor names the finding asked about in known words, in the
	 * context of the question: a clause close in meaning to the finding answers it (negated or not).
	 */
	Optional<Facts.State> inContext(String raw, String finding, double threshold) {
		if (semantic == null) {
			return Optional.empty();
		}
		return contextual.get(new InContext(raw, finding, threshold), c -> inContextNow(c.text(), c.finding(), c.threshold()));
	}

	private Optional<Facts.State> inContextNow(String raw, String finding, double threshold) {
		String text = Text.normalize(raw);
		Facts.State best = null;
		double bestScore = threshold;
		for (Attribution.ScopedClause scoped : Attribution.clauses(text)) {
			String clause = scoped.text();
			List<String> tokens = Text.tokens(clause);
			if (tokens.isEmpty() || !Attribution.keeps(scoped.scope(), finding)) {
				continue;
			}
			float[] vector = semantic.vector(clause);
			SemanticIndex.Similarity similarity = semantic.similarity(vector, finding);
			if (similarity.score() >= bestScore && !aboutAnother(vector, tokens, finding, similarity.score())) {
				bestScore = similarity.score();
				// A clause close to a negatively worded phrase ("haven't felt the baby move" ~ "baby not
				// moving") says the finding is there; its negation is part of the meaning.
				best = meaning(clause, state(Negation.ofClause(tokens)), similarity);
			}
		}
		return Optional.ofNullable(best);
	}

	/** The findings that the readings stated in the clause decide: its number, not its resemblance, says whether. */
	private Set<String> decidedByReadingsIn(String clause) {
		return decidedBy(MeasureReader.read(clause, Optional.empty()).keySet());
	}

	/** The findings that readings of these measures decide (a temperature decides a fever). */
	Set<String> decidedBy(Set<Measure> measures) {
		Set<String> out = new HashSet<>();
		measures.forEach(m -> out.addAll(decidedByMeasures.getOrDefault(m.key(), Set.of())));
		return out;
	}

	/**
	 * Whether the clause names in known words a finding clearly closer in meaning to it than {@code id}, which it
	 * only resembles: "it's red, swollen and sore around the sting" names a bite's usual local reaction, and is not
	 * also read as a large reaction spreading over a hand's width. For a finding an emergency may hang on, only when
	 * the clause all but repeats a phrase of the finding it names.
	 */
	private boolean closerNamed(String clause, List<Lexicon.Mention> mentions, String id, double score) {
		if (mentions.isEmpty()) {
			return false;
		}
		// A finding an emergency may hang on is set aside only for a clause that all but repeats a phrase of the
		// finding it names ("paracetamol helps" is not an overdose).
		double atLeast = emergencyFindings.contains(id) ? NAMED_ALMOST_VERBATIM : 0;
		float[] vector = semantic.vector(clause);
		for (var mention : mentions) {
			double named = semantic.similarity(vector, mention.finding()).score();
			if (!mention.finding().equals(id) && named >= score + CLOSER_BY && named >= atLeast) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a clause that names another finding in known words is about that one rather than the finding
	 * asked about: "I've had a dull headache since this afternoon" names a headache, and answers "did it come on
	 * suddenly, like the worst headache ever?" only if it is closer in meaning to the latter than to a headache.
	 */
	private boolean aboutAnother(float[] vector, List<String> tokens, String asked, double score) {
		for (var mention : lexicon.find(tokens)) {
			if (!mention.finding().equals(asked) && semantic.similarity(vector, mention.finding()).score() >= score) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The complaint finding closest in meaning to what the patient wrote, when no phrase named one: how an
	 * unusual description of a common problem ("my lower back went when I lifted a box") still finds its
	 * protocol.
	 */
	Optional<String> closestComplaint(String raw, java.util.Collection<String> complaints, double threshold) {
		if (semantic == null) {
			return Optional.empty();
		}
		String best = null;
		double bestScore = threshold;
		for (Attribution.ScopedClause scoped : Attribution.clauses(Text.normalize(raw))) {
			String clause = scoped.text();
			List<String> tokens = Text.tokens(clause);
			// A clause that says something has stopped or is fine ("the bleeding has stopped") names no complaint; one
			// about a relative's illness or the distant past ("I had shingles years ago") only what it says of the patient.
			if (tokens.size() < 2 || Negation.ofClause(tokens) != Negation.Polarity.AFFIRMED
					|| FINE.matcher(clause).matches()) {
				continue;
			}
			float[] vector = semantic.vector(clause);
			for (String complaint : complaints) {
				if (!Attribution.keeps(scoped.scope(), complaint)) {
					continue;
				}
				double score = semantic.similarity(vector, complaint).score();
				if (score > bestScore) {
					bestScore = score;
					best = complaint;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * What a clause close in meaning to a finding says about it. Close to a negatively worded phrase ("baby not
	 * moving"), an affirmative clause ("the baby has stopped moving") says the finding is there; a negated one
	 * ("there's no rash" near "rash that does not fade") is ambiguous, so it says nothing certain. "Fine",
	 * "normal", "stopped"... say the finding is not there.
	 */
	private static Facts.State meaning(String clause, Facts.State clauseState, SemanticIndex.Similarity similarity) {
		Facts.State state = clauseState;
		if (similarity.negativePhrase()) {
			if (clauseState == Facts.State.PRESENT && ABLE.matcher(clause).matches()) {
				return Facts.State.ABSENT;
			}
			state = clauseState == Facts.State.PRESENT ? Facts.State.PRESENT : Facts.State.UNSURE;
		}
		return state == Facts.State.PRESENT && FINE.matcher(clause).matches() ? Facts.State.ABSENT : state;
	}

	static Reading.Answer answer(String normalized) {
		String start = normalized.replaceAll("^[^\\p{L}]+", "");
		if (UNSURE.matcher(start).matches() || UNSURE_ES.matcher(start).matches()) {
			return Reading.Answer.UNSURE;
		}
		if (NO.matcher(start).matches()) {
			return Reading.Answer.NO;
		}
		if (YES.matcher(start).matches()) {
			return Reading.Answer.YES;
		}
		return Reading.Answer.OTHER;
	}
}
