package org.medassist.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medassist.platform.Redaction.Finding;
import org.medassist.platform.Redaction.Type;

/**
 * The rules behind {@link org.medassist.platform.Redaction}. Each rule proposes spans; overlaps are resolved by
 * rule strength (an email or a check-digit-valid number beats a phone-shaped guess) and then by position.
 * Numbers are only taken when their shape is unambiguous (separators, a leading + or 0, a valid check digit) or
 * a cue word precedes them, so clinical numbers ("38.5", "140/90", "1-2 times", "10 mg") stay.
 */
public final class IdentifierDetector {

	private static final String UPPER = "A-ZÁÉÍÓÚÑÜ";
	private static final String LOWER = "a-záéíóúñüç";
	private static final String CAPITALISED = "[" + UPPER + "][" + LOWER + "'’-]+";
	private static final String WORD = "[" + UPPER + LOWER + "'’-]+";

	private static final Pattern UUID = Pattern
		.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

	private static final Pattern EMAIL = Pattern.compile(
			"(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+"
			+ "|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|info|io|gov|edu|es|uk|eu|de|fr|it|pt|mx|health)(?:/[^\\s<>\"']*)?(?![\\w@])");

	private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\d-])");

	private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\d+.-])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?!\\d|[.,/-]\\d)");

	private static final Pattern NATIONAL_INSURANCE = Pattern
		.compile("\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");

	private static final Pattern DNI = Pattern.compile("\\b(\\d{8})[ -]?([A-Za-z])\\b");

	private static final Pattern NIE = Pattern.compile("\\b([XYZxyz])[ -]?(\\d{7})[ -]?([A-Za-z])\\b");

	/** A cue word, then within a few words a run of at least six digits (letters allowed as a prefix). */
	private static final Pattern CUED_NUMBER = Pattern.compile("(?iu)(?:insurance|policy|member(?:ship)?\\s*(?:id|no|number|#)"
			+ "|afiliaci[oó]n|p[oó]liza|seguro|tarjeta sanitaria|health card|patient\\s*(?:id|number|no)|mrn"
			+ "|medical record(?: number)?|hospital number|nhs(?: number| no)?|ssn|social security|seguridad social|nss"
			+ "|passport|pasaporte|dni|nie|cip|id number|identification number|n[º°o]\\.? de)"
			+ "[^\\d\\n]{0,30}?(?<![\\p{L}\\d])((?-i:[A-Z]{0,3})[ -]?\\d[\\d -]{4,}\\d[A-Z]?)(?![\\w])");

	private static final Pattern PHONE_INTERNATIONAL = Pattern
		.compile("(?:(?<![\\w+])\\+|\\b00)\\d{1,3}[ .-]?(?:\\(0?\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}(?![\\d])");

	private static final Pattern PHONE_UK = Pattern.compile("(?<![\\d.+-])\\(?0\\d{2,4}\\)?[ .-]?\\d{3,4}[ .-]?\\d{3,4}(?!\\d|[.,/-]\\d)");

	private static final Pattern PHONE_US = Pattern
		.compile("(?<![\\d.+/-])(?:1[ .-])?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?!\\d|[.,/-]\\d)");

	private static final Pattern PHONE_SPAIN = Pattern.compile("(?<![\\d.+/-])(?:[6789]\\d{2}(?:[ .]?\\d{3}){2}"
			+ "|[89]\\d[ .]\\d{3}[ .]\\d{2}[ .]\\d{2}|[6789]\\d{2} \\d{2} \\d{2} \\d{2})(?!\\d|[.,/-]\\d)");

	private static final Pattern CUED_PHONE = Pattern.compile("(?iu)\\b(?:phone|tel|telephone|mobile|cell|call me (?:on|at)"
			+ "|text me (?:on|at)|reach me (?:on|at)|number is|tel[eé]fono|m[oó]vil|ll[aá]mame al)"
			+ "[^\\d\\n]{0,15}?(\\+?\\d[\\d ().-]{6,}\\d)");

	private static final String MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
			+ "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

	private static final String MONTHS_ES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";

	private static final Pattern DATE_NUMERIC = Pattern
		.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)");

	private static final Pattern DATE_ISO = Pattern.compile("(?<![\\d-])(19|20)\\d{2}([-/.])(0?[1-9]|1[0-2])\\2(0?[1-9]|[12]\\d|3[01])(?![\\d])");

	private static final Pattern DATE_WORDS = Pattern.compile("(?iu)\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:" + MONTHS_EN
			+ ")\\.?,?\\s+(?:19|20)\\d{2}|(?:" + MONTHS_EN + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}"
			+ "|\\d{1,2}\\s+de\\s+(?:" + MONTHS_ES + ")\\s+(?:de(?:l)?\\s+)?(?:19|20)\\d{2})\\b");

	/** Birth cues make a year, or a month and year, an identifier too. */
	private static final Pattern DATE_CUED = Pattern.compile("(?iu)(?:\\bborn(?: on| in)?|\\bd\\.?o\\.?b\\.?|date of birth|birthday"
			+ "|fecha de nacimiento|f\\. ?nac\\.?|nac[ií] (?:el|en)|nacid[oa] (?:el|en))[:\\s]*(?:is\\s+|es\\s+)?"
			+ "((?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?)?(?:(?:" + MONTHS_EN + "|" + MONTHS_ES
			+ ")\\.?,?\\s+(?:de(?:l)?\\s+)?)?(?:19|20)\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})\\b");

	private static final String STREET_TYPES = "Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Close"
			+ "|Way|Place|Pl|Terrace|Crescent|Square|Sq|Gardens|Grove|Parkway|Hill|Row|Mews|Walk|Highway|Hwy";

	private static final Pattern ADDRESS_EN = Pattern.compile("(?u)(?:\\b(?:Flat|Apt|Apartment|Unit|Suite)\\.?\\s+\\w+,?\\s+)?"
			+ "(?<![\\d.])\\b\\d{1,5}[A-Za-z]?,?\\s+(?:" + CAPITALISED + "\\s+){1,4}(?:" + STREET_TYPES + ")\\b"
			+ "(?:,?\\s+(?:Apt|Apartment|Flat|Unit|Suite)\\.?\\s+\\w+)?");

	private static final Pattern ADDRESS_ES = Pattern.compile("(?u)\\b(?:Calle|C/|Avenida|Avda\\.?|Av\\.|Plaza|Pza\\.|Paseo|Pº|Camino"
			+ "|Carretera|Ctra\\.|Ronda|Traves[ií]a|Glorieta|Rambla|Carrer|Pasaje|Urbanizaci[oó]n|Urb\\.)\\s*"
			+ "(?:(?:de|del|de la|de los|de las)\\s+)?(?:" + CAPITALISED + "|\\d{1,2} de [" + LOWER + "]+)(?:\\s+(?:(?:de|del|de la|y)\\s+)?"
			+ CAPITALISED + "){0,3},?\\s*(?:n[º°o]\\.?\\s*)?\\d{1,4}(?:\\s*,?\\s*\\d{1,2}[º°ª]?\\s*[A-Z]?\\b)?");

	private static final Pattern UK_POSTCODE = Pattern.compile("\\b(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?) ?\\d[ABD-HJLNP-UW-Z]{2}\\b");

	private static final Pattern US_ZIP = Pattern.compile(",\\s*(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]"
			+ "|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\\s+(\\d{5}(?:-\\d{4})?)\\b");

	private static final Pattern ES_POSTCODE_CITY = Pattern.compile("(?u)(?<![\\d.])\\b(?:0[1-9]|[1-4]\\d|5[0-2])\\d{3}\\s+" + CAPITALISED + "\\b");

	private static final Pattern ADDRESS_CUE = Pattern.compile("(?iu)\\b(?:i live (?:at|on|in)|my address is|address:|lives at|"
			+ "vivo en(?: la| el)?|mi direcci[oó]n es|direcci[oó]n:|domicilio:?)\\s+");

	private static final Pattern ADDRESS_AFTER_CUE = Pattern.compile("(?u)\\d{1,5}[A-Za-z]?,?\\s+(?:" + CAPITALISED
			+ "\\s*){1,4}|(?:" + CAPITALISED + "\\s*){1,4},?\\s*\\d{1,4}");

	private static final Pattern NAME_CUE = Pattern.compile("(?u)(?:(?i:\\bmy name is|\\bmy name's|\\bi'?m called|\\bi am called"
			+ "|\\bthis is|\\bcall me|\\bme llamo|\\bmi nombre es|\\bsoy|\\bname\\s*:|\\bnombre\\s*:|\\bpatient\\s*:|\\bpaciente\\s*:"
			+ "|\\bse llama|\\bllamad[oa]|\\bnamed|\\bcalled|\\bsigned,?|\\bregards,|\\bsaludos,|\\bfirmado:?|\\bthanks,|\\bgracias,"
			+ "|\\bmy (?:wife|husband|son|daughter|mother|father|mum|mom|dad|partner|baby|child|brother|sister),?"
			+ "|\\bmi (?:hijo|hija|madre|padre|marido|mujer|esposa|esposo|pareja|beb[eé]|hermano|hermana),?)"
			+ "|\\b(?:Dr|Dra|Mrs?|Ms|Miss|Sr|Sra|Doña|Don)\\.?)\\s+");

	private static final Pattern NAME_WORDS = Pattern.compile("(?u)(?:(?:Dr|Dra|Mr|Mrs|Ms|Miss|Sr|Sra|Don|Doña)\\.?\\s+)?" + "("
			+ CAPITALISED + ")(?:\\s+(?:(?:de|del|de la|van|von|da|di|y)\\s+)?" + CAPITALISED + "){0,3}");

	/** After the strongest cues patients often type their name in lower case. */
	private static final Pattern STRONG_NAME_CUE = Pattern
		.compile("(?iu)(?:\\bmy name is|\\bmy name's|\\bme llamo|\\bmi nombre es|\\bname\\s*:|\\bnombre\\s*:)\\s+([" + LOWER + "]{2,}(?:\\s+["
				+ LOWER + "]{2,})?)");

	private static final Set<String> NOT_NAMES = Set.of("i", "the", "a", "an", "it", "my", "me", "not", "very", "really", "so", "just",
			"and", "or", "but", "is", "was", "to", "in", "on", "at", "for", "with", "from", "of", "this", "that", "here", "there",
			"what", "when", "where", "why", "how", "who", "no", "yes", "ok", "okay", "hi", "hello", "please", "thanks", "thank",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
			"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
			"getting", "worse", "better", "bad", "good", "fine", "normal", "urgent", "serious", "important", "new", "about",
			"going", "having", "feeling", "being", "still", "also", "because", "after", "before", "since", "again", "pain", "covid",
			"english", "spanish", "british", "american", "diabetic", "asthmatic", "pregnant", "allergic", "el", "la", "los", "las",
			"un", "una", "muy", "sí", "si", "de", "del", "que", "en", "con", "por", "para", "lunes", "martes", "miércoles",
			"jueves", "viernes", "sábado", "domingo", "hoy", "ayer", "mañana", "español", "española", "diabética", "diabético",
			"asmático", "asmática", "alérgico", "alérgica", "embarazada", "nurse", "doctor", "doctora", "enfermera", "médico", "médica",
			"emergency", "emergencia", "urgencias", "unknown", "anonymous", "private", "privado", "one", "two", "three", "uno",
			"dos", "tres", "nhs", "gp", "a&e", "er", "icu", "ibuprofen", "paracetamol", "ibuprofeno", "tylenol", "advil", "aspirin",
			"aspirina", "street", "road", "calle");

	private IdentifierDetector() {
	}

	public static List<Finding> find(String text) {
		List<Candidate> candidates = new ArrayList<>();
		// Cheap gates first: most log lines have no '@', and every number-based rule needs a digit.
		if (text.indexOf('@') >= 0) {
			add(candidates, Type.EMAIL, 0, EMAIL.matcher(text), 0);
		}
		if (text.indexOf('.') >= 0) {
			urls(candidates, text);
		}
		if (text.chars().anyMatch(Character::isDigit)) {
			ids(candidates, text);
			dates(candidates, text);
			phones(candidates, text);
			addresses(candidates, text);
		}
		names(candidates, text);
		// Our own ids (UUIDs in log lines and problem details) contain digit groups that look like phone numbers.
		Matcher uuid = UUID.matcher(text);
		while (uuid.find()) {
			int start = uuid.start();
			int end = uuid.end();
			candidates.removeIf(c -> c.start() < end && start < c.end());
		}
		return resolve(candidates);
	}

	private record Candidate(Type type, int strength, int start, int end) {
	}

	private static void add(List<Candidate> out, Type type, int strength, Matcher matcher, int group) {
		while (matcher.find()) {
			if (matcher.start(group) >= 0) {
				out.add(new Candidate(type, strength, matcher.start(group), matcher.end(group)));
			}
		}
	}

	private static void urls(List<Candidate> out, String text) {
		Matcher m = URL.matcher(text);
		while (m.find()) {
			int end = m.end();
			while (end > m.start() && ".,;:!?)]".indexOf(text.charAt(end - 1)) >= 0) {
				end--;
			}
			if (end > m.start()) {
				out.add(new Candidate(Type.URL, 1, m.start(), end));
			}
		}
	}

	private static void ids(List<Candidate> out, String text) {
		Matcher m = SSN.matcher(text);
		while (m.find()) {
			int area = Integer.parseInt(m.group(1));
			if (area != 0 && area != 666 && area < 900 && !m.group(2).equals("00") && !m.group(3).equals("0000")) {
				out.add(new Candidate(Type.ID, 2, m.start(), m.end()));
			}
		}
		m = TEN_DIGITS.matcher(text);
		while (m.find()) {
			String digits = m.group(1) + m.group(3) + m.group(4);
			boolean nhsShaped = !m.group(2).equals("-");
			boolean nhsCue = before(text, m.start(), 40).contains("nhs");
			// A US phone number can pass the mod-11 check by chance: dashes without an NHS cue stay a phone.
			if (Checksums.nhsNumber(digits) && (nhsShaped || nhsCue)) {
				out.add(new Candidate(Type.ID, 2, m.start(), m.end()));
			}
		}
		add(out, Type.ID, 2, NATIONAL_INSURANCE.matcher(text), 0);
		m = DNI.matcher(text);
		while (m.find()) {
			if (Checksums.spanishDni(m.group(1), m.group(2).charAt(0))) {
				out.add(new Candidate(Type.ID, 2, m.start(), m.end()));
			}
		}
		m = NIE.matcher(text);
		while (m.find()) {
			if (Checksums.spanishNie(m.group(1).charAt(0), m.group(2), m.group(3).charAt(0))) {
				out.add(new Candidate(Type.ID, 2, m.start(), m.end()));
			}
		}
		m = CUED_NUMBER.matcher(text);
		while (m.find()) {
			String value = m.group(1);
			if (value.replaceAll("\\D", "").length() >= 6) {
				int end = m.end(1);
				while (end > m.start(1) && text.charAt(end - 1) == ' ') {
					end--;
				}
				out.add(new Candidate(Type.ID, 3, m.start(1), end));
			}
		}
	}

	private static void dates(List<Candidate> out, String text) {
		Matcher m = DATE_NUMERIC.matcher(text);
		while (m.find()) {
			int a = Integer.parseInt(m.group(1));
			int b = Integer.parseInt(m.group(3));
			String year = m.group(4);
			boolean validDayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
			boolean validMonthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
			// "1.2.10" is more likely a version or a list than a date: two-digit years need two-digit parts.
			boolean shapedLikeDate = year.length() == 4 || (m.group(1).length() == 2 || m.group(3).length() == 2);
			if ((validDayMonth || validMonthDay) && shapedLikeDate) {
				out.add(new Candidate(Type.DATE, 2, m.start(), m.end()));
			}
		}
		add(out, Type.DATE, 2, DATE_ISO.matcher(text), 0);
		add(out, Type.DATE, 2, DATE_WORDS.matcher(text), 0);
		add(out, Type.DATE, 2, DATE_CUED.matcher(text), 1);
	}

	private static void phones(List<Candidate> out, String text) {
		Matcher m = PHONE_INTERNATIONAL.matcher(text);
		while (m.find()) {
			int digits = digits(m.group());
			if (digits >= 8 && digits <= 15) {
				out.add(new Candidate(Type.PHONE, 3, m.start(), m.end()));
			}
		}
		m = PHONE_UK.matcher(text);
		while (m.find()) {
			int digits = digits(m.group());
			if (digits == 10 || digits == 11) {
				out.add(new Candidate(Type.PHONE, 4, m.start(), m.end()));
			}
		}
		add(out, Type.PHONE, 4, PHONE_US.matcher(text), 0);
		add(out, Type.PHONE, 4, PHONE_SPAIN.matcher(text), 0);
		m = CUED_PHONE.matcher(text);
		while (m.find()) {
			int digits = digits(m.group(1));
			if (digits >= 7 && digits <= 15) {
				out.add(new Candidate(Type.PHONE, 4, m.start(1), m.end(1)));
			}
		}
	}

	private static void addresses(List<Candidate> out, String text) {
		add(out, Type.ADDRESS, 5, ADDRESS_EN.matcher(text), 0);
		add(out, Type.ADDRESS, 5, ADDRESS_ES.matcher(text), 0);
		add(out, Type.ADDRESS, 5, UK_POSTCODE.matcher(text), 0);
		add(out, Type.ADDRESS, 5, US_ZIP.matcher(text), 1);
		add(out, Type.ADDRESS, 5, ES_POSTCODE_CITY.matcher(text), 0);
		// After "I live at" / "vivo en", a house number and capitalised words are an address even without a street type.
		Matcher cue = ADDRESS_CUE.matcher(text);
		while (cue.find()) {
			Matcher rest = ADDRESS_AFTER_CUE.matcher(text);
			rest.region(cue.end(), text.length());
			if (rest.lookingAt()) {
				int end = rest.end();
				while (end > rest.start() && Character.isWhitespace(text.charAt(end - 1))) {
					end--;
				}
				out.add(new Candidate(Type.ADDRESS, 5, rest.start(), end));
			}
		}
	}

	private static void names(List<Candidate> out, String text) {
		Matcher cue = NAME_CUE.matcher(text);
		while (cue.find()) {
			Matcher words = NAME_WORDS.matcher(text);
			words.region(cue.end(), text.length());
			if (words.lookingAt() && !NOT_NAMES.contains(withoutPossessive(words.group(1)).toLowerCase(Locale.ROOT))) {
				int end = trimNotNames(text, words.start(), words.end());
				out.add(new Candidate(Type.NAME, 6, cue.group().matches("(?is)(dr|dra|mrs?|ms|miss|sr|sra|doña|don)\\.?\\s+")
						? cue.start() : words.start(), end));
			}
		}
		Matcher strong = STRONG_NAME_CUE.matcher(text);
		while (strong.find()) {
			String first = strong.group(1).split("\\s+")[0];
			if (!NOT_NAMES.contains(first.toLowerCase(Locale.ROOT))) {
				String[] parts = strong.group(1).split("\\s+");
				boolean second = parts.length > 1 && !NOT_NAMES.contains(parts[1]) && !parts[1].matches("and|y|i|im|am|have|tengo|con");
				out.add(new Candidate(Type.NAME, 6, strong.start(1), second ? strong.end(1) : strong.start(1) + first.length()));
			}
		}
	}

	/** Drops trailing capitalised words that are clearly not part of a name ("Anna Monday" → "Anna"). */
	private static int trimNotNames(String text, int start, int end) {
		String[] words = text.substring(start, end).split("\\s+");
		int keep = words.length;
		while (keep > 1 && NOT_NAMES.contains(withoutPossessive(words[keep - 1]).toLowerCase(Locale.ROOT))) {
			keep--;
		}
		int at = start;
		for (int i = 0; i < keep; i++) {
			at = text.indexOf(words[i], at) + words[i].length();
		}
		return at;
	}

	private static List<Finding> resolve(List<Candidate> candidates) {
		candidates.sort(Comparator.comparingInt(Candidate::strength)
			.thenComparingInt(Candidate::start)
			.thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()));
		List<Candidate> kept = new ArrayList<>();
		for (Candidate candidate : candidates) {
			boolean overlaps = kept.stream().anyMatch(k -> k.start() < candidate.end() && candidate.start() < k.end());
			if (!overlaps) {
				kept.add(candidate);
			}
		}
		kept.sort(Comparator.comparingInt(Candidate::start));
		return kept.stream().map(c -> new Finding(c.type(), c.start(), c.end())).toList();
	}

	private static String withoutPossessive(String word) {
		return word.replaceFirst("['’]s$", "");
	}

	private static int digits(String s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (Character.isDigit(s.charAt(i))) {
				n++;
			}
		}
		return n;
	}

	private static String before(String text, int at, int length) {
		return text.substring(Math.max(0, at - length), at).toLowerCase(Locale.ROOT);
	}
}
