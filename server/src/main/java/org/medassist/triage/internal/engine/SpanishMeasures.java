package org.medassist.triage.internal.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the measurements a Spanish patient gives in passing (accents folded, "ñ" kept): ages ("mi bebé de 6 semanas", "tengo
 * 58 años", "15 días de nacido"), temperatures ("fiebre de 38,5", "39 grados"), weeks of pregnancy ("embarazada
 * de 30 semanas"), pain scores ("8 de 10"), how long ("desde hace 3 días") and sex ("mi papá", "mi hija", "soy
 * mujer"). Only what {@link MeasureReader} did not read in the same message is taken, so it adds to what was read
 * before and never changes it. Durations and ages are told apart by their words: "dolor de 3 días" is not an age.
 */
final class SpanishMeasures {

	private static final String NUM = "(\\d{1,3}(?:[.,]\\d{1,2})?|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";
	private static final String UNIT = "(años|año|anos|ano|meses|mes|semanas|semana|dias|dia)";
	private static final String PERSON = "(?:bebe|bebito|bebita|nene|nena|guagua|niño|niña|nino|nina|hijo|hija|hijito|hijita|papa|mama|padre|madre"
			+ "|abuelo|abuela|abuelito|abuelita|esposo|esposa|marido|mujer|hombre|senor|senora|hermano|hermana|paciente|chico|chica"
			+ "|muchacho|muchacha|sobrino|sobrina|nieto|nieta)";
	/** "mi bebé de 6 semanas", "un niño de 4 años". */
	private static final Pattern AGE_PERSON = Pattern.compile("\\b" + PERSON + "\\s+de\\s+" + NUM + "\\s*" + UNIT + "\\b");
	/** "15 días de nacido", "3 meses de edad", "2 semanas de vida". */
	private static final Pattern AGE_BORN = Pattern.compile("\\b" + NUM + "\\s*" + UNIT + "\\s+de\\s+(?:nacid[oa]|vida|edad)\\b");
	/** "tengo 58 años", "tiene 6 meses", "edad: 70". */
	private static final Pattern AGE_HAS = Pattern.compile("\\b(?:tengo|tiene|cumplio|cumpli|edad de|edad|con)\\s*:?\\s*" + NUM + "\\s*"
			+ "(años|año|anos|ano|meses|mes|semanas|semana)\\b(?!\\s+(?:con|de\\s+(?:dolor|tos|fiebre)|sin|que|desde))");
	private static final Pattern RECIEN_NACIDO = Pattern.compile("\\brecien nacid[oa]\\b");

	private static final Pattern TEMP = Pattern.compile("(?:fiebre|temperatura|calentura|termometro|marca|marco)\\s+(?:de\\s+|en\\s+|a\\s+)?"
			+ "(\\d{2}(?:[.,]\\d{1,2})?)|\\b(\\d{2}(?:[.,]\\d{1,2})?)\\s*(?:grados|°|º|de fiebre|de temperatura)");
	private static final Pattern PREGNANT_WEEKS = Pattern.compile("\\b(?:embarazada|estoy|esta)\\s+de\\s+(\\d{1,2})\\s*semanas?\\b"
			+ "|\\b(\\d{1,2})\\s*semanas?\\s+de\\s+(?:embarazo|gestacion)\\b");
	/** Many tablets at once: "se tomó 20 pastillas", "me tragué 15 tabletas de paracetamol". */
	private static final Pattern TABLETS = Pattern.compile("\\b(?:tome|tomo|tomaste|tomado|trague|trago|tragado|comio|comi)\\s+"
			+ "(?:como\\s+|unas\\s+|unos\\s+|mas de\\s+)?(\\d{1,3})\\s+(?:pastillas|tabletas|capsulas|pildoras|comprimidos|grageas)\\b");

	/** Whether the text says many tablets (five or more) were taken at once: an overdose. */
	static boolean manyTablets(String folded) {
		Matcher m = TABLETS.matcher(folded);
		return m.find() && Integer.parseInt(m.group(1)) >= 5;
	}

	/** A blood sugar reading: "glucosa en 450", "el azúcar me dio 40", "glucemia de 3,2". */
	private static final Pattern SUGAR = Pattern.compile("\\b(?:glucosa|azucar|glucemia|glicemia|glucometro)\\b[^.,;0-9]{0,20}?"
			+ "(\\d{1,3}(?:[.,]\\d)?)\\b");
	private static final Pattern PREGNANT_MONTHS = Pattern.compile("\\bembarazada\\s+de\\s+" + NUM + "\\s*mes(?:es)?\\b"
			+ "|\\b" + NUM + "\\s*mes(?:es)?\\s+de\\s+(?:embarazo|gestacion)\\b");
	private static final Pattern PAIN = Pattern.compile("\\b(\\d{1,2})\\s*(?:de|sobre)\\s*10\\b");
	/** As {@code MeasureReader}'s pain in words: "el peor dolor de mi vida", "insoportable", "atroz"; not after "no". */
	private static final Pattern SEVERE_PAIN_WORDS = Pattern.compile("(?<!\\bno )(?<!\\bno es )\\b(?:(?:el )?peor dolor (?:de mi vida|que he (?:tenido|sentido)|que (?:haya|he) sentido nunca)|insoportable|inaguantable|atroz)\\b");
	private static final Pattern DURATION = Pattern.compile("\\b(?:desde hace|hace|lleva|llevo|llevamos|durante|por)\\s+(?:como\\s+|unos\\s+|unas\\s+|mas de\\s+)?"
			+ NUM + "\\s*(horas|hora|dias|dia|semanas|semana|meses|mes|años|año|anos|ano)\\b");

	private static final Pattern FEMALE = Pattern.compile("\\b(?:soy (?:una )?mujer|mi (?:mama|madre|hija|hijita|esposa|mujer|abuela|abuelita"
			+ "|hermana|tia|sobrina|nieta|novia|bebita|nena|niña|hijita)|embarazada|estoy embarazada)\\b");
	private static final Pattern MALE = Pattern.compile("\\b(?:soy (?:un )?hombre|mi (?:papa|padre|hijo|hijito|esposo|marido|abuelo|abuelito"
			+ "|hermano|tio|sobrino|nieto|novio|bebito|nene|niño))\\b");

	private SpanishMeasures() {
	}

	/** What the folded Spanish text says, for the measures {@code known} does not hold yet. */
	static Map<Measure, Double> read(String folded, Map<Measure, Double> known) {
		Map<Measure, Double> out = new EnumMap<>(Measure.class);
		if (!known.containsKey(Measure.AGE)) {
			age(folded).ifPresent(v -> out.put(Measure.AGE, v));
		}
		if (!known.containsKey(Measure.TEMPERATURE)) {
			Matcher t = TEMP.matcher(folded);
			while (t.find()) {
				double value = Double.parseDouble((t.group(1) != null ? t.group(1) : t.group(2)).replace(',', '.'));
				if (value >= 34 && value <= 44) {
					out.put(Measure.TEMPERATURE, value);
					break;
				}
			}
		}
		if (!known.containsKey(Measure.PREGNANCY_WEEKS)) {
			Matcher w = PREGNANT_WEEKS.matcher(folded);
			Matcher m = PREGNANT_MONTHS.matcher(folded);
			if (w.find()) {
				double weeks = Double.parseDouble(w.group(1) != null ? w.group(1) : w.group(2));
				if (weeks <= 44) {
					out.put(Measure.PREGNANCY_WEEKS, weeks);
				}
			}
			else if (m.find()) {
				// Months of pregnancy to completed weeks, rounded down (the safer side is not the point here: the
				// rules that use weeks ask the question when unsure).
				double months = number(m.group(1) != null ? m.group(1) : m.group(2));
				if (months >= 1 && months <= 10) {
					out.put(Measure.PREGNANCY_WEEKS, Math.floor(months * 4.3));
				}
			}
		}
		if (!known.containsKey(Measure.PAIN)) {
			Matcher p = PAIN.matcher(folded);
			if (p.find()) {
				out.put(Measure.PAIN, Math.min(10, Double.parseDouble(p.group(1))));
			}
			else if (SEVERE_PAIN_WORDS.matcher(folded).find()) {
				out.put(Measure.PAIN, MeasureReader.PAIN_IN_WORDS);
			}
		}
		if (!known.containsKey(Measure.DURATION_DAYS)) {
			Matcher d = DURATION.matcher(folded);
			if (d.find()) {
				out.put(Measure.DURATION_DAYS, days(number(d.group(1)), d.group(2)));
			}
		}
		return out;
	}

	/**
	 * The finding a blood sugar reading says, in mg/dL (over 40) or mmol/L: under 70 mg/dL or 4 mmol/L is low, over
	 * 250 mg/dL or 14 mmol/L well above target.
	 */
	static Optional<String> sugar(String folded) {
		Matcher m = SUGAR.matcher(folded);
		if (!m.find()) {
			return Optional.empty();
		}
		double value = Double.parseDouble(m.group(1).replace(',', '.'));
		boolean mgdl = value > 40;
		if (mgdl ? value < 70 : value < 4) {
			return Optional.of("blood_sugar_low_reading");
		}
		if (mgdl ? value > 250 : value > 14) {
			return Optional.of("blood_sugar_high_reading");
		}
		return Optional.empty();
	}

	static Optional<Double> age(String folded) {
		if (RECIEN_NACIDO.matcher(folded).find()) {
			return Optional.of(0.02);
		}
		for (Pattern p : new Pattern[] { AGE_PERSON, AGE_BORN, AGE_HAS }) {
			Matcher m = p.matcher(folded);
			if (m.find()) {
				double years = years(number(m.group(1)), m.group(2));
				if (years > 0 && years <= 115) {
					return Optional.of(years);
				}
			}
		}
		return Optional.empty();
	}

	static Optional<Facts.Sex> sex(String folded) {
		boolean female = FEMALE.matcher(folded).find();
		boolean male = MALE.matcher(folded).find();
		return female == male ? Optional.empty() : Optional.of(female ? Facts.Sex.FEMALE : Facts.Sex.MALE);
	}

	private static double years(double n, String unit) {
		if (unit.startsWith("mes")) {
			return n / 12.0;
		}
		if (unit.startsWith("semana")) {
			return n / 52.0;
		}
		if (unit.startsWith("dia")) {
			return n / 365.0;
		}
		return n;
	}

	private static double days(double n, String unit) {
		if (unit.startsWith("hora")) {
			return n / 24.0;
		}
		if (unit.startsWith("semana")) {
			return n * 7;
		}
		if (unit.startsWith("mes")) {
			return n * 30;
		}
		if (unit.startsWith("ano") || unit.startsWith("año")) {
			return n * 365;
		}
		return n;
	}

	private static double number(String word) {
		return switch (word) {
			case "un", "una", "uno" -> 1;
			case "dos" -> 2;
			case "tres" -> 3;
			case "cuatro" -> 4;
			case "cinco" -> 5;
			case "seis" -> 6;
			case "siete" -> 7;
			case "ocho" -> 8;
			case "nueve" -> 9;
			case "diez" -> 10;
			case "once" -> 11;
			case "doce" -> 12;
			default -> Double.parseDouble(word.replace(',', '.'));
		};
	}
}
