package org.medassist.triage.internal.engine;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whose a clause's findings are, and when: the person described, now (the default), or not. Like negation, a
 * clause-level scope, kept narrow: only a clear family history ("diabetes runs in the family", "my dad died of a
 * heart attack at 50", "my aunt had breast cancer" in a story about the writer) or a clearly remote past ("I had
 * chickenpox as a boy", "I had shingles years ago", "when I was pregnant with my first") stops a finding being read
 * as current. A carer telling about the patient ("my mum has chest pain and is sweating") is the patient: what a
 * relative has, or had today, stays present. A sentence that says the problem is back, still there or started then
 * ("it started years ago", "it's come back", "and now my face is drooping") is current as a whole. When unsure,
 * current: the scope only ever stops a reading, so it must be sure.
 */
final class Attribution {

	enum Scope {
		/** The person described, now. */
		CURRENT,
		/** The person described, long ago: only lasting conditions and history findings are read. */
		REMOTE_PAST,
		/** Someone else in the family: only family-history findings are read. */
		FAMILY,
		/**
		 * A relative's plain past illness in a story about the writer ("my aunt had breast cancer"): its lasting
		 * conditions are the relative's; whatever else it says is read, in case the relative is the patient after all.
		 */
		RELATIVE_CONDITIONS,
		/**
		 * The writer, now, or someone aged in years, and no baby or other person in the clause: what only a baby can be
		 * is not theirs ("I'm 45 and otherwise well", "58-year-old man, otherwise well").
		 */
		WRITER
	}

	/**
	 * Findings that are history by nature, so a remote past still says them: a lasting condition ("I had cancer years
	 * ago" has had cancer; "a heart attack in 2015" is heart disease) or a finding worded as the past ("had chickenpox
	 * as a child").
	 */
	static final Set<String> LASTING = Set.of("history_of_cancer", "heart_disease", "diabetes", "lung_disease",
			"kidney_disease", "sickle_cell_disease", "known_epilepsy", "adrenal_insufficiency", "immunosuppressed",
			"anticoagulant", "serious_mental_illness", "bleeding_disorder", "overactive_thyroid", "underactive_thyroid",
			"previous_anaphylaxis", "past_kidney_stone", "had_chickenpox_before", "had_thrush_before", "known_gout_flare",
			"family_history_sudden_death",
			// Said by a date long ago, and so still true: periods that stopped years ago, a last tetanus jab years ago.
			"postmenopausal", "tetanus_not_up_to_date");

	/** Findings only a baby has, which the writer telling of themselves is not ("I'm 45 and otherwise well"). */
	static final Set<String> BABY_ONLY = Set.of("baby_seems_well");

	/**
	 * What a relative's illness or death says of the patient: a family history, and a bereavement ("my dad died of a
	 * heart attack" is the writer's loss).
	 */
	static final Set<String> FAMILY_HISTORY = Set.of("family_history_sudden_death", "bereavement");

	/** Blood relatives who may be someone other than the patient; not a child or partner, whom carers describe. */
	private static final String RELATIVE = "(?:mum|mom|mam|mother|mummy|dad|father|daddy|brother|sister|aunt|auntie|aunty|"
			+ "uncle|gran|granny|grandma|grandmother|nan|nana|nanna|grandad|granddad|grandpa|grandfather|grandparents?|"
			+ "cousin|parents|siblings?|great[- ]grand(?:mother|father|ma|pa|ad))";
	private static final Pattern A_RELATIVE = Pattern.compile("\\b(?:my|our|his|her|their|the patient's)\\s+(?:late\\s+)?"
			+ "(?:(?:mum|mom|dad|mother|father)'s\\s+)?" + RELATIVE + "\\b");

	/** "Runs in the family": the extractor reads it as "familial" (not "the runs"). */
	static final Pattern RUNS_IN_THE_FAMILY = Pattern.compile("\\bruns? in (?:the|my|our|his|her|their) family\\b");

	/** Said of an illness in the family, whoever the story is about. */
	private static final Pattern FAMILY_WORDS = Pattern.compile("\\bruns? in (?:the|my|our|his|her|their) family\\b|\\bfamilial\\b"
			+ "|\\bfamily history\\b|\\bfamily hx\\b|\\bhistory in the family\\b");

	/** Someone said to have something in the clause itself. */
	private static final Pattern PERSON_SUBJECT = Pattern.compile("\\b(?:i|i'm|i've|im|ive|he|she|he's|she's|we|we've|they've)\\b");

	/** A relative who died of something is not the patient. */
	private static final Pattern DIED = Pattern.compile("\\b(?:died|passed away|passed on)\\b");
	private static final Pattern DIED_OF = Pattern.compile("\\b(?:died|passed away|passed on) (?:of|from|with|after)\\b");
	private static final Pattern NEARLY = Pattern.compile("\\b(?:nearly|almost|could have|thought|think|might|may|scared|worried)\\b");

	/** The age at which a relative had something ("at 50", "in his forties", "young"); not a clock time ("at 11"). */
	private static final Pattern AGE_AT_EVENT = Pattern.compile("\\bat (?:the age of |age |aged )?(?:2[5-9]|[3-9]\\d)\\b(?!\\s*(?:am|pm|o'clock|[:.]\\d|mins?\\b|minutes|hours?|hrs?))"
			+ "|\\baged \\d{2}\\b|\\bin (?:his|her|their) (?:early |late |mid )?(?:\\d0s|\\d0's|twenties|thirties|forties|fifties|sixties|seventies|eighties)\\b"
			+ "|\\b(?:young|at a young age)\\b");

	/** A relative's own past illness: simple past, not "has had" (a carer's "she has had diarrhoea" is now). */
	private static final Pattern RELATIVE_HAD = Pattern.compile("(?<!\\bhas |\\bhave |'s |'ve )\\b(?:had|was diagnosed with|got diagnosed with|suffered from|battled)\\b");

	/** Clearly long ago. */
	private static final Pattern REMOTE = Pattern.compile(
			"\\b(?:\\d+|a few|few|several|many|some|two|three|four|five|six|seven|eight|nine|ten|twenty|a couple of|couple of) (?:years?|decades?) ago\\b"
			+ "|\\b(?:years|decades|a long time|long ago|a lifetime) ago\\b|\\blong ago\\b"
			+ "|\\bas a (?:child|kid|boy|girl|baby|teenager|teen|toddler|youngster|student|young (?:man|woman|lad|girl))\\b"
			+ "|\\bwhen i was (?:a )?(?:child|kid|little|young|younger|small|boy|girl|baby|teenager|teen|at school|in school)\\b"
			// Not "in her 30s" or "in his twenties": that is how old someone is now ("a woman in her 30s with...").
			+ "|\\bin (?:my|his|her) (?:childhood|youth)\\b"
			+ "|\\bwhen i was pregnant with (?:my|our) (?:first|eldest|oldest|older|second|third|last|other|previous|son|daughter|boy|girl|twins)\\b"
			+ "|\\b(?:in|during|with) (?:my|her) (?:first|last|previous|earlier|other|second) pregnancy\\b"
			+ "|\\bin (?:19[0-9]{2}|20[01][0-9]|202[0-3])\\b");

	/** A clause dating a relative's illness to now: a carer telling what happened ("my dad had a fall this morning"). */
	private static final Pattern RECENT = Pattern.compile("\\b(?:now|today|tonight|this (?:morning|afternoon|evening|week)|yesterday|"
			+ "last night|earlier|just|recently|since|still|again|currently|at the moment|hours? ago|minutes? ago|days? ago|weeks? ago|"
			+ "last (?:week|month|weekend)|is|are|has|have|"
			+ "keeps?|can't|cannot|won't)\\b|'s\\b");

	/** A sentence saying the problem is here now, or ongoing: no remote past for any of its clauses. */
	private static final Pattern ONGOING = Pattern.compile("\\b(?:now|again|still|since|ever since|back|returned|recurr\\w*|"
			+ "keeps?|kept|started|starting|began|begun|came on|come on|on and off|every|these days|currently|at the moment|"
			+ "today|tonight|this (?:morning|afternoon|evening|week)|yesterday|last night|earlier|just|recently|same again|"
			+ "flare\\w*|worse|getting|"
			// Said in the present tense: "in 2019 I had a heart attack, I have crushing chest pain".
			+ "have|has|am|i'm|im|is|are|can't|cannot|feel|feels|hurts?)\\b");

	/** The person described is someone else: a third person named outside the clause. */
	private static final Pattern THIRD_PERSON = Pattern.compile("\\b(?:he|she|him|her|his|hers|he's|she's|himself|herself|they|them|their|they're)\\b");

	/** Someone other than the writer: a person named, or a baby or child by age. */
	private static final Pattern SOMEONE_ELSE = Pattern.compile("\\b(?:he|she|him|her|his|hers|he's|she's|himself|herself|they|them|their|"
			+ "they're|baby|baby's|babies|newborn|infant|son|daughter|child|kid|toddler|boy|girl|little one|lo|twins?)\\b"
			+ "|\\b(?:weeks?|months?|wks?|mths?) old\\b|\\b\\d+\\s*(?:weeks?|months?|wks?|mths?)\\b");
	/** The writer as the subject ("i", "i'm", "i've"), or someone aged in years ("58-year-old man", "aged 45", "45m"). */
	private static final Pattern NOT_A_BABY = Pattern.compile("\\b(?:i|i'm|im|i've|ive|i'd|myself)\\b"
			+ "|\\b(?:[2-9]|\\d{2,3})[- ]?(?:years?|yrs?|yo|y/o)\\b|\\baged? (?:[2-9]|\\d{2,3})\\b|\\b\\d{2}\\s?(?:m|f|male|female)\\b");

	/** The writer describes themselves. */
	private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|i've|im|ive|me|my|myself)\\b");

	private Attribution() {
	}

	/** A clause of a message, with whose and when its findings are. */
	record ScopedClause(String text, Scope scope) {
	}

	/** Every clause of a normalized message, sentence by sentence, with its scope. */
	static List<ScopedClause> clauses(String message) {
		List<ScopedClause> out = new java.util.ArrayList<>();
		for (String sentence : Text.sentences(message)) {
			List<String> clauses = Text.clauses(sentence);
			Scope[] scopes = of(message, sentence, clauses);
			for (int c = 0; c < clauses.size(); c++) {
				out.add(new ScopedClause(clauses.get(c), scopes[c]));
			}
		}
		return out;
	}

	/**
	 * The scope of each clause of a sentence, in order. {@code message}: the whole normalized message, to tell whether
	 * the relative a clause names is the person described elsewhere.
	 */
	private static Scope[] of(String message, String sentence, List<String> clauses) {
		Scope[] out = new Scope[clauses.size()];
		boolean ongoing = ONGOING.matcher(sentence).find();
		Scope carried = Scope.CURRENT;
		for (int i = 0; i < clauses.size(); i++) {
			String clause = clauses.get(i);
			Scope scope = of(message, clause, ongoing);
			// A leading "when I was pregnant with my first, I had..." or "as a child, I had..." dates the clause after it.
			if ((scope == Scope.CURRENT || scope == Scope.WRITER) && carried != Scope.CURRENT) {
				scope = carried;
			}
			carried = scope == Scope.REMOTE_PAST && clause.matches("^(?:when|as a|as an|back|in|during|with|years|decades|many|a few)\\b.*")
					&& REMOTE.matcher(clause).find() && Text.tokens(clause).size() <= 8 ? Scope.REMOTE_PAST : Scope.CURRENT;
			out[i] = scope;
		}
		return out;
	}

	private static Scope of(String message, String clause, boolean ongoing) {
		// "Diabetes runs in my family", but not "I have diabetes, it runs in the family" (the writer's own).
		// Not a clause that lists more ("58m, family history of heart attacks, central chest pain"): when unsure, current.
		if (FAMILY_WORDS.matcher(clause).find() && !PERSON_SUBJECT.matcher(clause).find() && !clause.contains(",")) {
			return Scope.FAMILY;
		}
		if (A_RELATIVE.matcher(clause).find() && !RECENT.matcher(clause).find()) {
			boolean described = described(message, clause);
			// "My dad died of a heart attack at 50", not "my grandad collapsed and died" (now: an emergency).
			if (DIED.matcher(clause).find() && !NEARLY.matcher(clause).find() && (DIED_OF.matcher(clause).find()
					|| AGE_AT_EVENT.matcher(clause).find() || REMOTE.matcher(clause).find())) {
				return Scope.FAMILY;
			}
			if (!described && RELATIVE_HAD.matcher(clause).find()) {
				if (AGE_AT_EVENT.matcher(clause).find() || REMOTE.matcher(clause).find()) {
					return Scope.FAMILY;
				}
				// A relative's plain past illness ("my aunt had breast cancer") in a story the writer tells of themselves.
				if (!ongoing && FIRST_PERSON.matcher(message.replace(clause, " ")).find()) {
					return Scope.RELATIVE_CONDITIONS;
				}
			}
		}
		if (!ongoing && REMOTE.matcher(clause).find()) {
			return Scope.REMOTE_PAST;
		}
		if (NOT_A_BABY.matcher(clause).find() && !SOMEONE_ELSE.matcher(clause).find() && !A_RELATIVE.matcher(clause).find()) {
			return Scope.WRITER;
		}
		return Scope.CURRENT;
	}

	/** Whether the relative a clause names is (or may be) the person the message describes. */
	private static boolean described(String message, String clause) {
		String rest = message.replace(clause, " ");
		if (THIRD_PERSON.matcher(rest).find()) {
			return true;
		}
		java.util.regex.Matcher m = A_RELATIVE.matcher(clause);
		while (m.find()) {
			if (Pattern.compile("\\b" + Pattern.quote(m.group().replaceFirst("^\\S+\\s+", "")) + "\\b").matcher(rest).find()) {
				return true;
			}
		}
		return false;
	}

	/** Whether a clause of this scope still says the finding. */
	static boolean keeps(Scope scope, String finding) {
		return switch (scope) {
			case CURRENT -> true;
			case REMOTE_PAST -> LASTING.contains(finding);
			case FAMILY -> FAMILY_HISTORY.contains(finding);
			case RELATIVE_CONDITIONS -> FAMILY_HISTORY.contains(finding) || !LASTING.contains(finding);
			case WRITER -> !BABY_ONLY.contains(finding);
		};
	}
}
