package org.medassist.triage.internal.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers with meaning from what a patient wrote: age (years, months, weeks, "67F"), temperature
 * (°C or °F), how long the problem has lasted, pain scores, weeks of pregnancy, sex, and the vital signs a
 * clinician or a home monitor gives (heart rate, breathing rate, blood pressure, oxygen saturation). When the
 * patient answers a question about one measure, a bare number ("58", "about 39") is read as that measure.
 *
 * <p>Vital signs are read first, each only with its own label or unit ("HR 124", "sats 89%", "BP 84/50",
 * "190 over 120" after "blood pressure", "40 breaths a minute"), and their numbers are then blanked out so that
 * no other reader takes them (a pulse of 104 beside "temp 38" is not 104 °F, "RR 28/min" is no duration).
 */
final class MeasureReader {

	private static final String NUM = "(\\d{1,3}(?:[.,]\\d{1,2})?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|couple of|a few|several)";

	private static final Pattern AGE_UNIT = Pattern.compile(
			"\\b" + NUM + "[- ]?(years?|yrs?|y/o|yo|months?|mos?|weeks?|wks?|days?)[- ]?old\\b");
	private static final Pattern AGE_AGED = Pattern.compile("\\b(?:aged?|age is|age)\\s+(\\d{1,3})\\b");
	private static final Pattern AGE_IM = Pattern.compile("\\b(?:i'm|i am|im|she's|he's|she is|he is)\\s+(\\d{1,3})\\b(?!\\s*(?:weeks?|wks?|months?|mos?|kg|lbs?|cm|/|%|degrees|°|minutes|hours|days|times))");
	/**
	 * A child's age in months said of them without "old": "she's 7 months", "he is 18 months", "my baby is 9 months".
	 * Not "she's 7 months pregnant" (nor in a message about a pregnancy at all, where "she's 7 months" is how far
	 * along she is), and not "i'm 3 months" (the speaker's own pregnancy or recovery).
	 */
	private static final Pattern AGE_MONTHS_SAID = Pattern.compile("\\b(?:she's|he's|she is|he is|baby is|baby's|they're|they are)\\s+"
			+ NUM + "\\s*(?:months?|mos?)\\b(?!\\s*(?:pregnant|gone|along|in|into|post|after|since|ago|late))");
	private static final Pattern ABOUT_PREGNANCY = Pattern.compile("\\b(?:pregnan\\w*|expecting|due date|midwife|weeks gone|months gone)\\b");
	/**
	 * The age of the person a carer describes, said of them by who they are: "my mum is 84", "my husband's 67", "my
	 * dad, 79, has had a fall". Not a baby's (a bare number said of a baby is more likely a temperature), not a
	 * measurement ("my husband is 6 foot", "my mum is 2 hours away"), and not a number that may be a temperature in a
	 * message about one ("my son is 39 and hot").
	 */
	private static final Pattern AGE_RELATIVE = Pattern.compile("\\b(?:my|our)\\s+(?:(?:little|teenage|elderly|old|eldest|youngest|"
			+ "oldest|older|younger)\\s+)?(?:son|daughter|child|kid|boy|girl|mum|mom|mother|dad|father|husband|wife|partner|"
			+ "grandad|granddad|grandpa|grandma|nan|nana|nanna|granny|grandmother|grandfather|grandson|granddaughter|friend|"
			+ "brother|sister|aunt|uncle|neighbour|neighbor|flatmate)(?:'s|,)?\\s+(?:is\\s+|turned\\s+)?(\\d{1,3})\\b"
			+ "(?!\\s*(?:weeks?|wks?|months?|mos?|days?|hours?|hrs?|minutes?|mins?|times|kg|kilos?|lbs?|st\\b|stone|cm|ft\\b|foot|feet|"
			+ "inches|%|/|degrees|°|c\\b|f\\b|am\\b|pm\\b|o'clock|[.,:]\\d))");
	private static final Pattern ABOUT_TEMPERATURE = Pattern.compile("\\b(?:temp\\w*|fever\\w*|hot|thermometer|feverish|burning|boiling)\\b");
	/** A baby or an age in weeks or months anywhere in the message: a relative's age is then not taken as the patient's. */
	private static final Pattern ANOTHER_CHILD = Pattern.compile("\\b(?:baby|babies|newborn|infant|\\d+\\s*(?:weeks?|wks?|months?|mos?))\\b");
	private static final Pattern AGE_SEX_SHORT = Pattern.compile("\\b(\\d{1,3})\\s?(yo\\s?)?([mf])\\b");
	private static final Pattern AGE_YO = Pattern.compile("\\b(\\d{1,3})\\s?(?:yo|y/o|yrs?|years?|y)\\b(?!\\s*(?:ago|of))");
	private static final Pattern AGE_OF_CHILD_AS_SPAN = Pattern.compile("\\b(?:baby|son|daughter|boy|girl|child|kid|infant)"
			+ "(?:\\s+(?:boy|girl))?\\s+(?:is\\s+|has\\s+|have\\s+|of\\s+)?" + NUM + "\\s*(months?|mos?|weeks?|wks?)\\b"
			+ "(?=\\s*(?:old\\b|[.,;!?]|$|and\\b|but\\b))");
	private static final Pattern NEWBORN = Pattern.compile("\\bnew[- ]?born\\b|\\bneonate\\b");

	private static final Pattern TEMP = Pattern.compile("(\\d{2,3}(?:[.,]\\d{1,2})?)\\s?(?:°|º|degrees?|deg)?\\s?(c|f|celsius|centigrade|fahrenheit)?\\b");
	private static final Pattern AGE_BEFORE = Pattern.compile("\\b(?:i'm|i am|im|she's|he's|she is|he is|aged?)\\s*$");
	private static final Pattern OTHER_UNIT = Pattern.compile("\\s*(?:kg|kilos?|lbs?|pounds|cm|mm|mmol|%|weeks?|wks?|hours?|hrs?|days?|minutes?|mins?)(?![a-z])");
	private static final Pattern TEMP_CONTEXT = Pattern.compile("\\b(temp|temperature|fever|febrile|thermometer|degrees|°|º)");
	/** A clinician's label right before the number: "T 38.9", "Tmax 39.4", "temp: 37.2". */
	private static final Pattern TEMP_LABEL = Pattern.compile("\\b(?:t|tmax|temp)\\s*[:=]?\\s*$");

	private static final Pattern DURATION = Pattern.compile("\\b(?:for|since|past|last|about|over|almost|nearly)?\\s*(?:the\\s+)?(?:past\\s+|last\\s+)?"
			+ NUM + "\\s*(minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|years?)\\b");
	// Vital signs. Words that may stand between a label and its number ("pulse is about 130", "oxygen was down to 89").
	private static final String LINK = "(?:\\s*(?:[:=~-]|is|was|were|of|at|reading|readings|reads|read|says|said|shows|showed|showing|around|about|approx|approximately|only|just|now|still|currently|been|has|had|it's|its|went|gone|dropped|dropping|fell|fallen|falling|rose|down|up|to|as|low|high|monitor|machine|cuff|level|levels|today|tonight|this|morning|evening|on|in|the|my|his|her|rate|mmhg|room|air|ra|fingertip|finger|watch|smartwatch|measured|checked|by|nurse|gp|ambulance|paramedic|paramedics|de|es|esta|está|marca|marcaba|tiene|tengo|en|mi|su|la|el|era|fue|da|dio|sale|salió|a|alrededor|school|doctor|hospital|home|blood|pressure)(?:'s)?\\b){0,7}\\s*";
	private static final Pattern SPO2 = Pattern.compile("\\b(?:spo2|sp02|sao2|o2 ?sats?|o2 saturations?|sats|saturations?|saturating|satting|sating|oxygen saturations?|oxygen sats?|oxygen levels?|oxygen|blood oxygen|pulse ?ox(?:imeter|imetry)?|oximeter|oximetry|pulse-ox|saturaci[oó]n(?: de ox[ií]geno)?|ox[ií]geno|ox[ií]metro)"
			+ LINK + "(\\d{2,3})(?:\\s*(?:%|percent|per cent))?(?!\\s*(?:/|over\\b|bpm|beats|breaths|times|mm|kg|l\\b|litres|liters|lpm|years?|days?|weeks?|hours?))");
	private static final Pattern SPO2_ON_AIR = Pattern.compile("\\b(\\d{2,3})\\s*(?:%|percent|per cent)\\s*(?:on (?:room )?air|in air|on ra|ra\\b|on \\d+ ?l|oxygen|o2|sats?\\b|saturation)");
	private static final Pattern SPO2_CONTEXT = Pattern.compile("\\b(?:oximeter|oximetry|pulse ox|oxygen|spo2|sats|saturation|ox[ií]geno|saturaci[oó]n|ox[ií]metro)");
	private static final Pattern BARE_PERCENT = Pattern.compile("\\b(\\d{2,3})\\s*(?:%|percent|per cent)");
	private static final Pattern BP = Pattern.compile("\\b(?:bp|b/p|nibp|blood pressures?|pressure|hypotensive|hypertensive|tensi[oó]n(?: arterial)?|presi[oó]n(?: arterial)?|ta)" + LINK
			+ "(\\d{2,3})\\s*(?:/|over)\\s*(\\d{2,3})\\b(?:\\s*mm ?hg\\b)?");
	private static final Pattern BP_MMHG = Pattern.compile("\\b(\\d{2,3})\\s*/\\s*(\\d{2,3})\\s*mm ?hg\\b");
	private static final Pattern BP_BARE = Pattern.compile("\\b(\\d{2,3})\\s*(?:/|over)\\s*(\\d{2,3})\\b(?:\\s*mm ?hg\\b)?");
	private static final Pattern BP_CONTEXT = Pattern.compile("\\b(?:bp|b/p|blood pressure|blood pressures|tensi[oó]n|presi[oó]n arterial)(?![\\p{L}])");
	private static final Pattern SYSTOLIC = Pattern.compile("\\b(?:systolic|sbp)(?: bp| blood pressure)?" + LINK + "(\\d{2,3})\\b(?!\\s*/)");
	private static final Pattern RR = Pattern.compile("\\b(?:rr|resp(?:iratory|iration)? ?rate|resps|respirations|breathing rate|rate of breathing|tachypnoeic|tachypneic|tachypnoea|tachypnea|frecuencia respiratoria|fr)"
			+ LINK + "(\\d{1,3})\\b(?!\\s*(?:%|/\\s*\\d|bpm|beats|years?|days?|weeks?|hours?))");
	private static final Pattern RR_UNIT = Pattern.compile("\\b(\\d{1,3})\\s*(?:breaths?|breathes|resps|respiraciones)\\s*(?:(?:a|per|/|each|every|por) ?(?:min(?:ute|uto)?|m)\\b)?|\\bbreath(?:ing|es)? (?:at |about |around |roughly )*(\\d{1,3}) (?:times )?(?:a|per|/|each|every) ?min(?:ute)?\\b");
	private static final Pattern HR = Pattern.compile("\\b(?:hr|heart ?rate|heart ?beat|pulse(?! ?ox)(?: rate)?|pr|apical|tachycardic|tachycardia|bradycardic|bradycardia|heart (?:is |was )?(?:racing|beating|going|pounding|running)|pulso|frecuencia card[ií]aca|fc)"
			+ LINK + "(\\d{2,3})\\b(?!\\s*(?:%|/\\s*\\d|breaths|years?|days?|weeks?|hours?|mg|kg))");
	private static final Pattern HR_P = Pattern.compile("\\bp\\s*[:=]?\\s*(\\d{2,3})\\b(?!\\s*(?:%|/))");
	private static final Pattern HR_UNIT = Pattern.compile("\\b(\\d{2,3})\\s*(?:bpm|beats? (?:a|per|/) ?min(?:ute)?|beats/min|b/min|lpm|latidos por minuto|pulsaciones)\\b");

	// Home test readings: blood ketones and blood sugar, each only after its own word ("my ketones are 0.8", "blood
	// sugar 25", "BM 2.9", "glucose 54 mg/dL"); a word of comparison before the number ("under 4") moves it just past.
	private static final String TEST_LINK = "((?:\\s*(?:[:=~-]|is|was|were|are|of|at|reading|readings|reads|read|says|said|shows|showed|"
			+ "showing|around|about|approx|only|just|now|still|currently|been|has|had|have|it's|its|went|gone|dropped|dropping|fell|"
			+ "fallen|falling|rose|risen|rising|down|up|to|as|level|levels|today|tonight|this|morning|evening|on|the|my|his|her|"
			+ "their|meter|monitor|libre|sensor|machine|finger|prick|checked|check|test|tested|came|back|between|over|under|below|"
			+ "above|less|more|than|in|blood|high|low|very|at|de|en|es|esta|está|estan|están|son|me|le|dio|marca|marcan|salio|"
			+ "salió|salieron|mis|sus|las|los)(?:'s)?\\b){0,8})\\s*";
	private static final Pattern KETONES = Pattern.compile("\\b(?:blood ketones?|ketones?|ketone levels?|cetonas?|cuerpos cet[oó]nicos)"
			+ TEST_LINK + "(\\d{1,2}(?:[.,]\\d{1,2})?)(?!\\d|[.,]\\d)(?!\\s*(?:\\+|%|/|years?|days?|weeks?|hours?|times|mg|kg)\\b|\\s*\\+|[.,]\\d)");
	private static final Pattern SUGAR = Pattern.compile("\\b(?:blood sugars?|blood glucose|sugars?|sugar levels?|glucose|glucose levels?|"
			+ "bms?|cbg|bg|capillary glucose)" + TEST_LINK + "(\\d{1,3}(?:[.,]\\d{1,2})?)(?!\\d|[.,]\\d)\\s*(mg|mmol)?"
			+ "(?!\\s*(?:%|/\\s*\\d|years?|days?|weeks?|hours?|times|kg|units?|grams?|g\\b|teaspoons?|spoons?|cubes?|/\\s*mol|mol|mmol\\s*/\\s*mol)|[.,]\\d)");
	private static final Pattern BELOW = Pattern.compile("\\b(?:under|below|less than)\\b");
	private static final Pattern ABOVE = Pattern.compile("\\b(?:over|above|more than)\\b");

	private static final Pattern PAIN = Pattern.compile("\\b(\\d{1,2})\\s?(?:/|out of)\\s?10\\b");
	/**
	 * Pain a patient rates in words at the top of the scale ("the worst pain I've ever had", "excruciating", "in
	 * agony"), read as {@link #PAIN_IN_WORDS}. Pain scores only ever raise a disposition (no rule lowers on a low
	 * score), so this can only escalate; a negation just before ("not the worst pain", "isn't unbearable") is not read.
	 */
	private static final Pattern SEVERE_PAIN_WORDS = Pattern.compile("\\bworst pain (?:i(?:'ve| have)? ever (?:had|felt|known)|(?:i've |i have )?ever|of my life|imaginable|in my life)\\b|\\bexcruciating\\b|\\bunbearable\\b|\\bin (?:absolute |total )?agony\\b|\\bagoni[sz]ing\\b");
	private static final Pattern NEGATED_BEFORE = Pattern.compile("\\b(?:not|never|no|isn't|wasn't|isnt|wasnt)\\s+(?:the\\s+|my\\s+|as\\s+|that\\s+|really\\s+)?$");
	static final double PAIN_IN_WORDS = 9;
	/** Pain called severe or really bad ("severe pain", "it hurts really bad"): 7, where "severe" starts on a 0-10 scale. */
	private static final Pattern SEVERE_PAIN = Pattern.compile("\\b(?:severe|terrible|horrendous|horrible|awful|really bad|very bad|so bad) (?:pain|ache|cramps?)\\b|\\b(?:pain|ache) (?:is|was|has been|got) (?:so |very |really )?(?:severe|terrible|horrendous)\\b|\\b(?:hurts?|hurting|hurt|aches?|aching) (?:really|so|very) (?:bad|badly)\\b");
	static final double SEVERE_PAIN_SCORE = 7;

	private static final Pattern PREGNANT_WEEKS = Pattern.compile("\\b(\\d{1,2})\\s?(?:weeks?|wks?)'?\\s?(?:of\\s)?(?:pregnant|gestation|along|pg|pregnancy)\\b|\\b(\\d{1,2})\\s?/\\s?40\\b|\\bpregnant\\b[^.]{0,20}?\\b(\\d{1,2})\\s?(?:weeks?|wks?)\\b");

	private static final Pattern FEMALE = Pattern.compile("\\b(i'm a|i am a|as a|im a)\\b[^.,]{0,30}\\b(woman|female|girl|lady|mum|mom|mother)\\b|\\b(my|our) (daughter|wife|mum|mom|mother|grandmother|grandma|sister|girlfriend|baby girl|girl|aunt|niece)\\b|\\b(woman|female|lady)\\b");
	private static final Pattern MALE = Pattern.compile("\\b(i'm a|i am a|as a|im a)\\b[^.,]{0,30}\\b(man|male|guy|boy|dad|father)\\b|\\b(my|our) (son|husband|dad|father|grandfather|grandpa|brother|boyfriend|baby boy|boy|uncle|nephew)\\b|\\b(man|male|gentleman)\\b");

	private MeasureReader() {
	}

	static Map<Measure, Double> read(String text, Optional<Measure> asked) {
		Map<Measure, Double> out = new EnumMap<>(Measure.class);
		// Vital signs first; their numbers are then blanked out for every other reader.
		String normalized = vitals(text, out);
		age(normalized).ifPresent(v -> out.put(Measure.AGE, v));
		temperature(normalized, asked.orElse(null) == Measure.TEMPERATURE).ifPresent(v -> out.put(Measure.TEMPERATURE, v));
		Matcher pain = PAIN.matcher(normalized);
		if (pain.find()) {
			out.put(Measure.PAIN, Math.min(10, Double.parseDouble(pain.group(1))));
		}
		else if (severePainInWords(normalized, SEVERE_PAIN_WORDS)) {
			out.put(Measure.PAIN, PAIN_IN_WORDS);
		}
		else if (severePainInWords(normalized, SEVERE_PAIN)) {
			out.put(Measure.PAIN, SEVERE_PAIN_SCORE);
		}
		Matcher weeks = PREGNANT_WEEKS.matcher(normalized);
		if (weeks.find()) {
			String w = weeks.group(1) != null ? weeks.group(1) : weeks.group(2) != null ? weeks.group(2) : weeks.group(3);
			double value = Double.parseDouble(w);
			if (value <= 44) {
				out.put(Measure.PREGNANCY_WEEKS, value);
			}
		}
		duration(normalized).ifPresent(v -> out.put(Measure.DURATION_DAYS, v));
		// An answer to a question about one measure is read as that measure first ("38 to 39.9" -> 39.9).
		asked.ifPresent(measure -> bareNumber(normalized, measure).ifPresent(v -> out.put(measure, v)));
		return out;
	}

	private static boolean severePainInWords(String normalized, Pattern pattern) {
		Matcher words = pattern.matcher(normalized);
		while (words.find()) {
			if (!NEGATED_BEFORE.matcher(normalized.substring(Math.max(0, words.start() - 24), words.start())).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads the vital signs into {@code out} (the worst of several readings of one sign) and returns the text
	 * with each reading blanked out (same length, so positions still match).
	 */
	static String vitals(String text, Map<Measure, Double> out) {
		StringBuilder masked = new StringBuilder(text);
		// Oxygen first: "pulse ox 95%" is an oxygen level, not a pulse.
		read(SPO2, masked, 1, v -> v >= 50 && v <= 100, Measure.OXYGEN_SATURATION, out);
		read(SPO2_ON_AIR, masked, 1, v -> v >= 50 && v <= 100, Measure.OXYGEN_SATURATION, out);
		if (SPO2_CONTEXT.matcher(text).find()) {
			// "I checked my oxygen on the oximeter, it says 97%", "sats 94% then 90%": a percentage where oxygen is
			// talked about.
			read(BARE_PERCENT, masked, 1, v -> v >= 70 && v <= 100, Measure.OXYGEN_SATURATION, out);
		}
		bloodPressure(BP, masked, out);
		bloodPressure(BP_MMHG, masked, out);
		if (BP_CONTEXT.matcher(masked).find()) {
			// "I checked my blood pressure at the pharmacy and it was 186/122": a reading where blood pressure is
			// talked about, in the same sentence.
			for (String sentence : masked.toString().split("(?<!\\d)[.!?;]|[.!?;](?!\\d)")) {
				if (BP_CONTEXT.matcher(sentence).find()) {
					int offset = masked.indexOf(sentence);
					if (offset >= 0) {
						StringBuilder part = new StringBuilder(sentence);
						bloodPressure(BP_BARE, part, out);
						masked.replace(offset, offset + sentence.length(), part.toString());
					}
				}
			}
		}
		read(SYSTOLIC, masked, 1, v -> v >= 40 && v <= 300, Measure.SYSTOLIC_BP, out);
		read(RR, masked, 1, v -> v >= 4 && v <= 120, Measure.RESPIRATORY_RATE, out);
		read(RR_UNIT, masked, 0, v -> v >= 4 && v <= 120, Measure.RESPIRATORY_RATE, out);
		read(HR, masked, 1, v -> v >= 20 && v <= 300, Measure.HEART_RATE, out);
		read(HR_UNIT, masked, 1, v -> v >= 20 && v <= 300, Measure.HEART_RATE, out);
		read(HR_P, masked, 1, v -> v >= 30 && v <= 250, Measure.HEART_RATE, out);
		testReadings(masked, out);
		return masked.toString();
	}

	/**
	 * Blood ketones (mmol/L; the highest counts) and blood sugar (mmol/L, or mg/dL converted: a number over 35, or
	 * with "mg"), each blanked out once read. Of several sugar readings a low one counts first (see {@link #worstSugar}).
	 */
	private static void testReadings(StringBuilder text, Map<Measure, Double> out) {
		Matcher k = KETONES.matcher(text);
		while (k.find()) {
			double value = Double.parseDouble(k.group(2).replace(',', '.')) + nudge(k.group(1), 0.05);
			if (value >= 0 && value <= 12) {
				out.merge(Measure.KETONES, value, Math::max);
				blank(text, k.start(2), k.end(2));
			}
		}
		Matcher g = SUGAR.matcher(text);
		while (g.find()) {
			double value = Double.parseDouble(g.group(2).replace(',', '.'));
			boolean mgdl = "mg".equals(g.group(3)) || "mmol".equals(g.group(3)) ? "mg".equals(g.group(3)) : value > 35;
			double mmol = mgdl ? value / 18.0 : value;
			if (mmol >= 0.5 && mmol <= 50) {
				mmol += nudge(g.group(1), 0.1);
				out.merge(Measure.BLOOD_SUGAR, Math.round(mmol * 10) / 10.0, MeasureReader::worstSugar);
				blank(text, g.start(2), g.end(2));
			}
		}
	}

	/** "Under 4" is just below 4, "over 20" just above 20. */
	private static double nudge(String link, double by) {
		if (link == null) {
			return 0;
		}
		return BELOW.matcher(link).find() ? -by : ABOVE.matcher(link).find() ? by : 0;
	}

	/** Of two blood sugar readings, a low one (under 4 mmol/L, a hypo) counts first, then the higher one. */
	static double worstSugar(double old, double now) {
		return old < 4 || now < 4 ? Math.min(old, now) : Math.max(old, now);
	}

	/** Each match's number (group {@code group}, or the first group that matched when 0) within range, blanked out. */
	private static void read(Pattern pattern, StringBuilder text, int group, java.util.function.DoublePredicate plausible,
			Measure measure, Map<Measure, Double> out) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			String number = group > 0 ? m.group(group) : m.group(1) != null ? m.group(1) : m.group(2);
			double value = Double.parseDouble(number);
			if (!plausible.test(value)) {
				continue;
			}
			worst(measure, value, out);
			blank(text, m.start(), m.end());
		}
	}

	private static void bloodPressure(Pattern pattern, StringBuilder text, Map<Measure, Double> out) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			double systolic = Double.parseDouble(m.group(1));
			double diastolic = Double.parseDouble(m.group(2));
			// Never a pain score (7/10), a duration (3/7, 2/52) or weeks of pregnancy (36/40).
			if (systolic < 50 || systolic > 300 || diastolic < 20 || diastolic > 200 || diastolic >= systolic) {
				continue;
			}
			worst(Measure.SYSTOLIC_BP, systolic, out);
			worst(Measure.DIASTOLIC_BP, diastolic, out);
			blank(text, m.start(), m.end());
		}
	}

	private static void worst(Measure measure, double value, Map<Measure, Double> out) {
		out.merge(measure, value, (old, now) -> switch (measure) {
			case OXYGEN_SATURATION -> Math.min(old, now);
			case SYSTOLIC_BP -> Math.abs(now - 120) > Math.abs(old - 120) ? now : old;
			default -> Math.max(old, now);
		});
	}

	private static void blank(StringBuilder text, int start, int end) {
		for (int i = start; i < end; i++) {
			text.setCharAt(i, ' ');
		}
	}

	static Optional<Facts.Sex> sex(String normalized) {
		Matcher shortForm = AGE_SEX_SHORT.matcher(normalized);
		if (shortForm.find()) {
			return Optional.of(shortForm.group(3).equals("f") ? Facts.Sex.FEMALE : Facts.Sex.MALE);
		}
		boolean female = FEMALE.matcher(normalized).find() || normalized.matches("^\\s*(female|f|woman|girl)\\b.*");
		boolean male = MALE.matcher(normalized).find() || normalized.matches("^\\s*(male|m|man|boy)\\b.*");
		if (female == male) {
			// Pregnancy tells us too.
			return normalized.contains("pregnan") ? Optional.of(Facts.Sex.FEMALE) : Optional.empty();
		}
		return Optional.of(female ? Facts.Sex.FEMALE : Facts.Sex.MALE);
	}

	static Optional<Double> age(String text) {
		if (NEWBORN.matcher(text).find()) {
			return Optional.of(0.02);
		}
		Matcher unit = AGE_UNIT.matcher(text);
		if (unit.find()) {
			return Optional.of(years(number(unit.group(1)), unit.group(2)));
		}
		Matcher shortForm = AGE_SEX_SHORT.matcher(text);
		if (shortForm.find()) {
			return plausibleAge(Double.parseDouble(shortForm.group(1)));
		}
		// A child's age said the way a learner of English says it ("my baby girl have 5 month", "my son 6 weeks."):
		// a span right after the child that ends the clause. Never "16 weeks pregnant".
		Matcher learner = AGE_OF_CHILD_AS_SPAN.matcher(text);
		if (learner.find()) {
			return plausibleAge(years(number(learner.group(1)), learner.group(2)));
		}
		for (Pattern p : new Pattern[] { AGE_AGED, AGE_IM, AGE_RELATIVE, AGE_YO }) {
			Matcher m = p.matcher(text);
			if (m.find()) {
				double n = Double.parseDouble(m.group(1));
				if (p == AGE_RELATIVE && (n > 99 || n >= 35 && n <= 42 && ABOUT_TEMPERATURE.matcher(text).find()
						|| ANOTHER_CHILD.matcher(text).find() || m.find())) {
					// A possible temperature, or more than one person in the message ("my son is 4 and my baby is 7
					// weeks"): the age is asked rather than a baby read as the older child.
					continue;
				}
				return plausibleAge(n);
			}
		}
		Matcher months = AGE_MONTHS_SAID.matcher(text);
		if (months.find() && !ABOUT_PREGNANCY.matcher(text).find()) {
			return Optional.of(years(number(months.group(1)), "months"));
		}
		return Optional.empty();
	}

	/** An age the speaker gives of themself: "i'm 30", "i am a 34-year-old mum", "im 26". */
	private static final Pattern SPEAKERS_AGE = Pattern.compile(
			"\\b(?:i'm|i am|im)\\s+(?:an?\\s+)?\\d{1,3}(?:[- ]?(?:years?|yrs?|y/o|yo)(?:[- ]?old)?)?\\b(?!\\s*(?:weeks?|wks?))");

	/**
	 * The age of the person who is unwell when the speaker is someone else (a parent, a carer): ages the speaker
	 * gives of themself are set aside, so "I'm 30 and my baby has a temperature. She is 6 weeks old" is 6 weeks,
	 * and "I'm 30 and my baby has a temperature" alone gives no age (it is then asked).
	 */
	static Optional<Double> ageOfSomeoneElse(String normalized) {
		String masked = vitals(normalized, new EnumMap<>(Measure.class));
		return age(SPEAKERS_AGE.matcher(masked).replaceAll(" "));
	}

	private static Optional<Double> plausibleAge(double years) {
		return years > 0 && years <= 115 ? Optional.of(years) : Optional.empty();
	}

	private static double years(double n, String unit) {
		if (unit.startsWith("mo")) {
			return n / 12.0;
		}
		if (unit.startsWith("w")) {
			return n / 52.0;
		}
		if (unit.startsWith("d")) {
			return n / 365.0;
		}
		return n;
	}

	static Optional<Double> temperature(String text, boolean asked) {
		Matcher m = TEMP.matcher(text);
		while (m.find()) {
			// A bare number is a temperature only when asked for one or right after a word about temperature, in
			// the same sentence; never the number of an age ("no fever. i'm 41").
			String before = text.substring(Math.max(0, m.start() - 24), m.start());
			before = before.substring(Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf("! ")), before.lastIndexOf("? ")) + 1);
			if (AGE_BEFORE.matcher(before).find()) {
				continue;
			}
			double value = Double.parseDouble(m.group(1).replace(',', '.'));
			// A reading with a decimal in the range of a body temperature ("she has a temperature. it's 38.4") is
			// one anywhere in a message that talks about temperature: ages and counts have no decimals.
			boolean reading = m.group(1).matches("\\d{2}[.,]\\d") && value >= 35 && value < 43 && TEMP_CONTEXT.matcher(text).find()
					&& !OTHER_UNIT.matcher(text.substring(m.end())).lookingAt();
			boolean context = asked || reading || TEMP_CONTEXT.matcher(before).find() || TEMP_LABEL.matcher(before).find();
			String unit = m.group(2);
			boolean fahrenheit = unit != null && unit.startsWith("f") || unit == null && value >= 93 && value <= 110;
			if (fahrenheit) {
				value = (value - 32) * 5 / 9;
			}
			if (value >= 34 && value <= 44 && (context || unit != null)) {
				return Optional.of(Math.round(value * 10) / 10.0);
			}
		}
		return Optional.empty();
	}

	static Optional<Double> duration(String text) {
		// "From yesterday", "from this night": how a learner of English says "since" (a literal "desde").
		if (text.matches(".*\\b(since|from) (yesterday|last night|this night)\\b.*")) {
			return Optional.of(1.0);
		}
		if (text.matches(".*\\b(since|from) (this morning|today|earlier today|an hour ago|lunchtime)\\b.*")
				|| text.matches(".*\\b(this morning|earlier today|just now|a few minutes ago|an hour ago)\\b.*")) {
			return Optional.of(0.3);
		}
		if (text.matches(".*\\bsince (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|last week)\\b.*")) {
			return Optional.of(text.contains("last week") ? 7.0 : 3.0);
		}
		// A clinician's shorthand: "3/7" is three days, "2/52" two weeks (never "24/7").
		Matcher shorthand = CLINICAL_SPAN.matcher(text);
		if (shorthand.find()) {
			double n = Double.parseDouble(shorthand.group(1));
			String unit = shorthand.group(2);
			return Optional.of(unit.equals("7") ? n : n * 7);
		}
		// "For months" with no number: read at its least, two of the unit (the shortest span the plural can mean).
		Matcher bare = BARE_SPAN.matcher(text);
		if (bare.find() && duration(text, true).isEmpty()) {
			String unit = bare.group(1);
			return Optional.of(unit.startsWith("w") ? 14.0 : unit.startsWith("m") ? 60.0 : 730.0);
		}
		// How long the problem has lasted is said with "for", "since", "over the past"... or "... ago"; a bare
		// span is taken only when none is ("3 days of cough"), and never the length of one episode or a
		// frequency ("each one lasts a minute", "every three days", "twice a year", "I sleep eight hours").
		Optional<Double> anchored = duration(text, true);
		return anchored.isPresent() ? anchored : duration(text, false);
	}

	private static final Pattern WEEKS_SAID = Pattern.compile("\\b(\\d{1,2})\\s?(?:weeks?|wks?|/\\s?40)\\b");
	private static final Pattern CLINICAL_SPAN = Pattern.compile("\\b([1-9]|1\\d|2[0-3])\\s?/\\s?(7|52)\\b(?!\\s*/)");
	private static final Pattern BARE_SPAN = Pattern.compile("\\b(?:for|over the (?:past|last)|for the (?:past|last))\\s+(?:many\\s+|some\\s+)?(weeks|months|years)\\b");
	private static final Pattern DURATION_ANCHOR = Pattern.compile("\\b(?:for|since|from|past|last|over|almost|nearly)\\s*(?:the\\s+)?(?:past\\s+|last\\s+)?(?:about\\s+|around\\s+|roughly\\s+|nearly\\s+|almost\\s+|over\\s+)?$");
	/**
	 * A person, with or without "have"/"is" after: "my mother have", "my baby girl". Not "he has 6 days" (how long a
	 * fever has lasted): "i have 29 years" is an age only in years ({@link #YEARS_HAD_BEFORE}).
	 */
	private static final Pattern AGE_SAID_AS_SPAN_BEFORE = Pattern.compile("\\b(?:(?:baby|son|daughter|boy|girl|child|kid|mother|"
			+ "mom|mum|father|dad|husband|wife|brother|sister|grandmother|grandfather|grandma|grandpa|granny|uncle|aunt|man|woman)"
			+ "(?:\\s+(?:boy|girl))?(?:\\s+(?:have|has|is))?)\\s*$");
	/** "Have 74 years" of anyone: a span in years right after "have" is an age ("it has 3 weeks" is still a duration). */
	private static final Pattern YEARS_HAD_BEFORE = Pattern.compile("\\b(?:have|has|having)\\s*$");
	private static final Pattern CLAUSE_ENDS = Pattern.compile("\\s*(?:old\\b|[.,;!?]|$|and\\b|but\\b)");
	private static final Pattern NOT_A_DURATION = Pattern.compile("\\b(?:every|each|once|twice|thrice|times|lasts?|lasting|lasted|sleep|slept|within|after|in|per|less than|under|up to)\\s*(?:about\\s+|around\\s+)?$");

	private static Optional<Double> duration(String text, boolean anchoredOnly) {
		Matcher m = DURATION.matcher(text);
		while (m.find()) {
			String unit = m.group(2);
			double n = number(m.group(1));
			int end = m.end();
			String after = text.substring(end, Math.min(text.length(), end + 16));
			if (after.matches("\\s*(old|pregnant|gestation).*")) {
				continue;
			}
			// "she's 7 months" is an age (or how far along a pregnancy is), not how long the problem has lasted.
			if (unit.startsWith("mo") && AGE_MONTHS_SAID.matcher(text.substring(Math.max(0, m.start(1) - 16), Math.min(text.length(), end + 16))).find()) {
				continue;
			}
			String before = text.substring(Math.max(0, m.start(1) - 40), m.start(1));
			boolean anchor = DURATION_ANCHOR.matcher(before).find() || after.matches("\\s*ago\\b.*");
			if (anchoredOnly ? !anchor : NOT_A_DURATION.matcher(before).find() || after.matches("\\s*(a|per) (day|week|night|month)\\b.*")) {
				continue;
			}
			// "my mother have 74 years", "my baby 5 month", "i have 29 years": a span said of a person, with no "for" or
			// "since", ending the clause, is their age (a literal "tiene 74 años"), never how long the problem has lasted.
			if (!anchor && (AGE_SAID_AS_SPAN_BEFORE.matcher(before).find() || unit.startsWith("y") && YEARS_HAD_BEFORE.matcher(before).find())
					&& CLAUSE_ENDS.matcher(after).lookingAt()) {
				continue;
			}
			if (unit.startsWith("min")) {
				return Optional.of(n / 1440.0);
			}
			if (unit.startsWith("h")) {
				return Optional.of(n / 24.0);
			}
			if (unit.startsWith("d") || unit.startsWith("n")) {
				return Optional.of(n);
			}
			if (unit.startsWith("w")) {
				return Optional.of(n * 7);
			}
			if (unit.startsWith("mo")) {
				return Optional.of(n * 30);
			}
			if (unit.startsWith("y")) {
				return Optional.of(n * 365);
			}
		}
		return Optional.empty();
	}

	/**
	 * A bare answer to a question about one measure: "58", "about 39.5", "3 days", "4-6 (moderate)". A range
	 * is read at its cautious end: the higher temperature, pain and duration, the lower age.
	 */
	private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d{1,3}(?:[.,]\\d{1,2})?)(?:\\s*(?:-|to)\\s*(\\d{1,3}(?:[.,]\\d{1,2})?))?");
	private static final Pattern NOT_PREGNANT = Pattern.compile("\\b(not|n't|never) (been )?pregnant");

	private static Optional<Double> bareNumber(String text, Measure measure) {
		// A clinician's answer starts with the age ("33F, 7 weeks amenorrhoea"): the weeks are the number said in weeks.
		if (measure == Measure.PREGNANCY_WEEKS) {
			Matcher w = WEEKS_SAID.matcher(text);
			if (w.find() && Double.parseDouble(w.group(1)) <= 44 && !NOT_PREGNANT.matcher(text).find()) {
				return Optional.of(Double.parseDouble(w.group(1)));
			}
		}
		Matcher m = NUMBER_OR_RANGE.matcher(text);
		if (!m.find()) {
			if (measure == Measure.AGE && text.contains("under 3 months")) {
				return Optional.of(0.2);
			}
			return Optional.empty();
		}
		double low = Double.parseDouble(m.group(1).replace(',', '.'));
		double high = m.group(2) == null ? low : Double.parseDouble(m.group(2).replace(',', '.'));
		String rest = text.substring(m.end());
		return switch (measure) {
			case AGE -> {
				double value = text.contains("under") ? low - 0.01 : low;
				// Spanish units too: "6 meses" is an infant, never a six-year-old.
				if (rest.matches("\\s*(months?|mos?).*") || rest.matches("\\s*(mes|meses)(?![\\p{L}]).*")) {
					value = value / 12;
				}
				else if (rest.matches("\\s*(weeks?|wks?).*") || rest.matches("\\s*semanas?(?![\\p{L}]).*")) {
					value = value / 52;
				}
				else if (rest.matches("\\s*d[ií]as?(?![\\p{L}]).*")) {
					value = value / 365;
				}
				yield plausibleAge(value);
			}
			case TEMPERATURE -> temperature(high + (rest.matches("\\s*°?\\s*f.*") ? " f" : " c"), true)
				.map(v -> text.contains("under") ? v - 0.5 : v);
			case PAIN -> high <= 10 ? Optional.of(high) : Optional.empty();
			case PREGNANCY_WEEKS -> high <= 44 && !NOT_PREGNANT.matcher(text).find()
					? Optional.of(text.contains("under") ? high - 1 : high) : Optional.empty();
			case DURATION_DAYS -> duration(text).or(() -> Optional.of(high * spanishDays(rest)));
			// The readings question asks for several signs at once: a bare number is ambiguous, except a percentage,
			// which can only be the oxygen level ("91%"). Labelled readings were read by vitals() already.
			case OXYGEN_SATURATION -> rest.matches("\\s*(%|percent|per cent).*") && low >= 50 && low <= 100
					? Optional.of(low) : Optional.empty();
			case SYSTOLIC_BP, HEART_RATE, RESPIRATORY_RATE, DIASTOLIC_BP, KETONES, BLOOD_SUGAR -> Optional.empty();
		};
	}

	/** Days in the Spanish unit after a bare number ("2 semanas"); 1 when there is none (days are the default). */
	private static double spanishDays(String rest) {
		if (rest.matches("\\s*(horas?)(?![\\p{L}]).*")) {
			return 1 / 24.0;
		}
		if (rest.matches("\\s*(semanas?)(?![\\p{L}]).*")) {
			return 7;
		}
		if (rest.matches("\\s*(mes|meses)(?![\\p{L}]).*")) {
			return 30;
		}
		if (rest.matches("\\s*(años?)(?![\\p{L}]).*")) {
			return 365;
		}
		return 1;
	}

	private static double number(String word) {
		return switch (word) {
			case "a", "an", "one" -> 1;
			case "two", "a couple of", "couple of" -> 2;
			case "three", "a few", "several" -> 3;
			case "four" -> 4;
			case "five" -> 5;
			case "six" -> 6;
			case "seven" -> 7;
			case "eight" -> 8;
			case "nine" -> 9;
			case "ten" -> 10;
			case "eleven" -> 11;
			case "twelve" -> 12;
			default -> Double.parseDouble(word.replace(',', '.'));
		};
	}
}
