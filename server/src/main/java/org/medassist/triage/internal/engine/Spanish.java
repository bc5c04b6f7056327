package org.medassist.triage.internal.engine;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * How Spanish is read: accents folded (patients type "respiracion", "desmaye", "pecho" with or without them; "ñ"
 * is kept, "año" is not "ano"), Snowball's Spanish stemmer ("respirar", "respiración", "respira" meet), and a
 * NegEx-style negation with Spanish cues ("no tengo dolor de pecho", "sin fiebre", "ni tos", "tampoco", "nunca").
 * A phrase that holds its own negation ("no puedo respirar", "no habla bien") is a finding that is there.
 * Phrases that look negative but are not ("no para de sangrar", "no se me quita") are not cues.
 */
final class Spanish implements Wording {

	static final Spanish WORDING = new Spanish();

	private static final ThreadLocal<SpanishStemmer> STEMMER = ThreadLocal.withInitial(SpanishStemmer::new);
	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Words that end one statement and start another: negation does not cross them ("no tengo fiebre, solo tos"). */
	private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*(?:,?\\s*\\b(?:pero|aunque|sino|solo|solamente|"
			+ "nada mas que|excepto|salvo|sin embargo|en cambio|mas bien|tambien|ademas|ahora)\\b"
			// "y" or a comma followed by a new statement: "no tengo fiebre y me duele el pecho", "no tengo fiebre, me
			// duele la garganta"; not a list ("no tengo fiebre, tos ni mocos").
			+ "|(?:\\s*,|\\s+\\by)\\s+(?=(?:me|le|te|se|nos|les|tengo|tiene|tienes|tenemos|tienen|estoy|esta|estas|estamos|estan"
			+ "|mi|mis|su|sus|ya|luego|despues|hoy|ayer|anoche|ella|el|ellos|ellas|yo|hace|de repente|derrepente)\\b))\\s*");

	private static final Set<String> CUES = Set.of("no", "nunca", "sin", "ni", "tampoco", "jamas", "niega", "niego",
			"negativo", "ningun", "ninguno", "ninguna", "nada");

	/** Not negations, though they start with a cue: each means the finding is there. */
	private static final List<List<String>> PSEUDO = List.of("no para", "no paro", "no paraba", "no deja", "no dejo",
			"no dejaba", "no puedo parar", "no puede parar", "no puedo dejar", "no puede dejar", "no se me quita",
			"no se le quita", "no se quita", "no se me va", "no se le va", "no se va", "no se me pasa", "no se le pasa",
			"no se pasa", "no mejora", "no ha mejorado", "no mejoro", "no cede", "no se detiene", "no se calma",
			"no solo", "no es normal", "no esta bien", "no estoy bien", "no me siento bien", "no se siente bien",
			"no puedo mas", "no aguanto", "no aguanta", "no soporto", "no soporta", "no se que", "no se por que",
			"no se porque", "no se como", "no sabemos que", "no sabemos por que", "no sin", "sin parar", "sin poder",
			"ni siquiera", "no hay forma", "no hay manera", "no es la primera", "nada me ayuda", "nada le ayuda",
			"nada ayuda", "nada funciona", "nada lo calma", "no funciona", "no sirve", "no ayuda", "no me ayuda",
			"no le ayuda", "no hace efecto", "no le hace efecto", "no me hace efecto")
		.stream().map(Text::tokens).toList();

	/** "Not sure if": the finding is uncertain, not denied. */
	private static final List<String> UNCERTAIN = List.of("no se si", "no sabemos si", "no estoy seguro",
			"no estoy segura", "no estamos seguros", "no sabria decir", "no se bien si", "no tengo claro");

	private static final int SCOPE = 6;

	/**
	 * Small words that carry no symptom (accents folded). "No", "sin" and the like are cues, never small words; nor are
	 * "mucho" and "todo", which make the difference between "se tomó las pastillas" and "se tomó todas las pastillas",
	 * nor "para", which is also "stops" ("no para de sangrar" is not "no sangra").
	 */
	private static final Set<String> STOPWORDS = Set.of("a", "al", "el", "la", "los", "las", "lo", "le", "les", "un",
			"una", "unos", "unas", "de", "del", "en", "con", "por", "y", "o", "u", "e", "que", "me", "mi", "mis",
			"tu", "tus", "su", "sus", "se", "te", "nos", "yo", "es", "son", "esta", "estan", "estoy", "estas", "estamos",
			"ser", "estar", "ha", "he", "han", "has", "hemos", "hay", "tengo", "tiene", "tienes", "tienen", "tenemos",
			"tuve", "tuvo", "tenia", "muy", "bastante", "como", "ya",
			"desde", "hace", "este", "eso", "esto", "ese", "esa", "aqui", "ahi",
			"sido", "estado", "tenido", "mas", "re", "super", "medio", "tan", "algo", "anda", "ando", "andar",
			"estaba", "estuvo", "fue", "era");

	/** Words the stemmer does not bring together, mapped to one form (accents folded). */
	private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("duele", "dolor"),
			Map.entry("duelen", "dolor"), Map.entry("dolia", "dolor"), Map.entry("dolian", "dolor"),
			Map.entry("doliendo", "dolor"), Map.entry("dolido", "dolor"), Map.entry("adolorido", "dolor"),
			Map.entry("adolorida", "dolor"), Map.entry("dolorido", "dolor"), Map.entry("dolorida", "dolor"),
			Map.entry("doloroso", "dolor"), Map.entry("dolorosa", "dolor"), Map.entry("duela", "dolor"),
			Map.entry("mareo", "mar"), Map.entry("mareos", "mar"), Map.entry("cayo", "cai"), Map.entry("cai", "cai"),
			Map.entry("caia", "cai"), Map.entry("cae", "cai"), Map.entry("caer", "cai"), Map.entry("caida", "cai"),
			Map.entry("caido", "cai"), Map.entry("caidas", "cai"), Map.entry("caidos", "cai"), Map.entry("cayendo", "cai"),
			Map.entry("panza", "barrig"), Map.entry("pancita", "barrig"), Map.entry("guata", "barrig"),
			Map.entry("tripa", "barrig"), Map.entry("bebito", "beb"), Map.entry("bebita", "beb"),
			Map.entry("bebes", "beb"), Map.entry("nene", "beb"), Map.entry("nena", "beb"), Map.entry("guagua", "beb"),
			Map.entry("pis", "orin"), Map.entry("pipi", "orin"), Map.entry("orino", "orin"), Map.entry("mear", "orin"),
			Map.entry("meo", "orin"), Map.entry("popo", "hec"), Map.entry("caca", "hec"), Map.entry("heces", "hec"),
			Map.entry("excremento", "hec"), Map.entry("deposiciones", "hec"), Map.entry("deposicion", "hec"),
			Map.entry("vomite", "vomit"), Map.entry("vomito", "vomit"), Map.entry("vomitos", "vomit"),
			Map.entry("puedo", "pued"), Map.entry("pudo", "pued"), Map.entry("podia", "pued"), Map.entry("poder", "pued"),
			Map.entry("puede", "pued"), Map.entry("pueden", "pued"), Map.entry("podemos", "pued"));

	/** Typed answers to a yes/no question besides "sí" and "no" (which every language reads), accents folded. */
	private static final Pattern YES = Pattern.compile("^(?:claro|por supuesto|asi es|exacto|correcto|efectivamente|un poco"
			+ "|algo|bastante|mucho|muchisimo|a veces|creo que si|parece que si|yo creo que si|sip|aja)(?![\\p{L}]).*");
	private static final Pattern NO = Pattern.compile("^(?:nada|para nada|nunca|ninguno|ninguna|tampoco|creo que no"
			+ "|parece que no|en absoluto|negativo|nop)(?![\\p{L}]).*");

	private Spanish() {
	}

	/** How a Spanish message answers a yes/no question that the common readings left as {@code OTHER}. */
	static Reading.Answer answer(String folded) {
		String start = folded.replaceAll("^[^\\p{L}]+", "");
		return YES.matcher(start).matches() ? Reading.Answer.YES
				: NO.matcher(start).matches() ? Reading.Answer.NO : Reading.Answer.OTHER;
	}

	/** Lower case (already), accents removed except the tilde of "ñ". */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replace("n\u0303", "\u00f1");
		return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
	}

	@Override
	public String prepare(String normalized) {
		return fold(normalized);
	}

	@Override
	public List<String> clauses(String sentence) {
		List<String> out = new java.util.ArrayList<>();
		for (String c : CLAUSE_BREAK.split(sentence)) {
			if (!c.isBlank()) {
				out.add(c.strip());
			}
		}
		return out;
	}

	@Override
	public String stem(String token) {
		String t = token.replace("'", "");
		String irregular = IRREGULAR.get(t);
		if (irregular != null) {
			return irregular;
		}
		// Folded "respiracion" is stemmed as "respiración" would be, so that it meets "respirar".
		t = t.replaceFirst("([cs])ion(es)?$", "$1ión$2");
		SpanishStemmer stemmer = STEMMER.get();
		stemmer.setCurrent(t);
		stemmer.stem();
		return fold(stemmer.getCurrent());
	}

	/**
	 * One typo is forgiven in stems of seven letters or more only: Spanish stems of six letters are often a letter
	 * apart and mean different things ("estres", stress, and "estreñ", constipated).
	 */
	@Override
	public boolean sameWord(String a, String b) {
		return a.equals(b) || Math.min(a.length(), b.length()) >= 7 && Text.sameWord(a, b);
	}

	@Override
	public boolean stopword(String token) {
		return STOPWORDS.contains(token);
	}

	@Override
	public boolean negative(String phrase) {
		return Text.tokens(fold(Text.normalize(phrase))).stream().anyMatch(CUES::contains);
	}

	@Override
	public Negation.Polarity polarity(List<String> tokens, int start) {
		String before = " " + String.join(" ", tokens.subList(Math.max(0, start - SCOPE), start)) + " ";
		for (String u : UNCERTAIN) {
			if (before.contains(" " + u + " ")) {
				return Negation.Polarity.UNCERTAIN;
			}
		}
		for (int i = start - 1; i >= Math.max(0, start - SCOPE); i--) {
			if (CUES.contains(tokens.get(i)) && !startsPseudo(tokens, i)) {
				return Negation.Polarity.NEGATED;
			}
		}
		return Negation.Polarity.AFFIRMED;
	}

	private static boolean startsPseudo(List<String> tokens, int at) {
		for (List<String> pseudo : PSEUDO) {
			if (at + pseudo.size() <= tokens.size() && tokens.subList(at, at + pseudo.size()).equals(pseudo)) {
				return true;
			}
		}
		return false;
	}
}
