package org.medassist.triage.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.Disposition.EMERGENCY;
import static org.medassist.triage.Disposition.SELF_CARE;
import static org.medassist.triage.Disposition.URGENT;

/**
 * Spanish openings, as patients type them, through the real engine and the bundled knowledge base in a Spanish
 * consultation: every red flag family escalates at once; denials do not fire the flag they deny; the main complaints
 * find their protocol. The patient answers every further yes/no question "No" and every measure question "No lo
 * sé", so an emergency here comes from the opening alone. An English consultation is unchanged by the Spanish
 * phrases.
 */
class SpanishRedFlagTableTest {

	static final KnowledgeBase KB = SpanishInterviewTest.KB;

	/** No embedding model: Spanish is read by its phrases only, and English tests here compare phrase readings. */
	private final Interviewer engine = new Interviewer(KB, null, 0.8);

	/**
	 * @param flag the red flag that must fire (EMERGENCY cases), or must not fire (denials), or {@code null}
	 * @param protocol the protocol that must be chosen, or {@code null}
	 */
	record Case(String opening, Disposition expected, String flag, String protocol, String english) {

		Case(String opening, Disposition expected, String flag, String protocol) {
			this(opening, expected, flag, protocol, null);
		}

		@Override
		public String toString() {
			return expected + ": " + opening;
		}
	}

	static Stream<Case> emergencies() {
		return Stream.of(
				// Chest pain with sweating, spreading pain, breathlessness, nausea
				new Case("Me duele mucho el pecho y estoy sudando frío", EMERGENCY, "rf-chest-pain-cardiac-features", null),
				new Case("Tengo una opresión en el pecho que se me va al brazo izquierdo", EMERGENCY, "rf-chest-pain-cardiac-features", null),
				new Case("siento presion en el pecho, nauseas y me falta el aire", EMERGENCY, "rf-chest-pain-cardiac-features", null),
				// Cannot breathe
				new Case("No puedo respirar", EMERGENCY, "rf-severe-breathing-difficulty", null),
				new Case("Mi hijo no respira bien, se le hunden las costillas", EMERGENCY, "rf-severe-breathing-difficulty", null),
				new Case("me estoy ahogando, casi no puedo hablar", EMERGENCY, "rf-severe-breathing-difficulty", null),
				// Stroke (FAST)
				new Case("Mi papá no habla bien y tiene la cara caída", EMERGENCY, "rf-stroke-signs", null),
				new Case("A mi mamá se le durmió medio cuerpo y no puede levantar el brazo", EMERGENCY, "rf-stroke-signs", null),
				new Case("mi esposo arrastra las palabras y tiene la boca torcida", EMERGENCY, "rf-stroke-signs", null),
				new Case("De repente no veo de un ojo", EMERGENCY, "rf-stroke-signs", null),
				// Anaphylaxis
				new Case("Me picó una abeja, se me hincharon los labios y me cuesta respirar", EMERGENCY, "rf-anaphylaxis", null),
				new Case("Comí maní y me salieron ronchas por todo el cuerpo y siento que se me cierra la garganta", EMERGENCY, "rf-anaphylaxis", null),
				// Heavy bleeding
				new Case("Me corté con un cuchillo y no para de sangrar", EMERGENCY, "rf-heavy-bleeding", null),
				new Case("Vomité sangre esta mañana", EMERGENCY, "rf-vomiting-blood", null),
				// Unconscious, fainting
				new Case("Mi abuelo está inconsciente y no responde", EMERGENCY, "rf-unresponsive", null),
				new Case("Me desmayé y tengo palpitaciones", EMERGENCY, "rf-fainting-warning-signs", null),
				new Case("Me he desmayado en el gimnasio mientras corría", EMERGENCY, "rf-fainting-warning-signs", null),
				// Seizure
				new Case("Mi hija tuvo una convulsión, nunca le había pasado", EMERGENCY, "rf-seizure-first-or-prolonged", null),
				new Case("Mi hijo tiene epilepsia, le dio una convulsión y ya lleva mucho rato", EMERGENCY, "rf-seizure-first-or-prolonged", null),
				// Meningitis, non-blanching rash, sepsis
				new Case("Mi niño tiene fiebre y le salieron manchitas moradas que no se quitan al apretar", EMERGENCY, "rf-meningitis-signs", null),
				new Case("Tengo fiebre, el cuello rígido y me molesta la luz", EMERGENCY, "rf-meningitis-signs", null),
				new Case("Tengo calentura y escalofríos y mi esposa dice que estoy muy confundido", EMERGENCY, "rf-sepsis-signs", null),
				// Suicide
				new Case("Ya no quiero vivir, tengo un plan para matarme esta noche", EMERGENCY, "rf-suicide-plan", null),
				new Case("Mi hermano oye voces que le dicen que se mate", EMERGENCY, "rf-mental-health-danger", null),
				new Case("Mi compañero de piso amenaza con matar a los vecinos y anda con un cuchillo", EMERGENCY, "rf-mental-health-danger", null),
				new Case("Mi papá regaló sus cosas y se despidió de todos", EMERGENCY, "rf-suicide-preparation", null),
				new Case("Encontramos una cuerda escondida en el cuarto de mi hijo, buscó formas de matarse", EMERGENCY, "rf-suicide-preparation", null),
				// Worst headache
				new Case("Tengo el peor dolor de cabeza de mi vida, empezó de golpe", EMERGENCY, "rf-thunderclap-headache", null),
				// Pregnancy
				new Case("Estoy embarazada y sangro mucho por la vagina, con coágulos grandes", EMERGENCY, "rf-pregnancy-heavy-bleeding", null),
				new Case("Tengo 8 semanas de embarazo, me duele mucho la barriga y me mareo", EMERGENCY, "rf-pregnancy-pain-emergency", null),
				new Case("Estoy embarazada de 32 semanas, veo lucecitas y tengo la cara y las manos hinchadas", EMERGENCY, "rf-pre-eclampsia-signs", null),
				// Testicular pain
				new Case("A mi hijo de 14 años le duele mucho un testículo de repente y vomitó", EMERGENCY, "rf-testicular-torsion", null),
				// Infant under 3 months with fever
				new Case("Mi bebé de 6 semanas tiene fiebre de 38,5", EMERGENCY, "rf-fever-baby-under-3-months", null),
				new Case("mi bebe de 2 meses tiene calentura, el termometro marca 38.2", EMERGENCY, "rf-fever-baby-under-3-months", null),
				// Overdose, poisoning
				new Case("Mi hermana se tomó todas las pastillas de mi mamá", EMERGENCY, "rf-poisoning-or-overdose", null),
				new Case("mi niño se tomó cloro", EMERGENCY, "rf-poisoning-or-overdose", null),
				// Cauda equina
				new Case("Me duele la espalda y me orino encima sin darme cuenta", EMERGENCY, "rf-cauda-equina", null),
				new Case("Tengo lumbago y no siento las nalgas", EMERGENCY, "rf-cauda-equina", null),
				// Diabetic emergencies
				new Case("Soy diabético, tengo el azúcar muy alta y estoy vomitando", EMERGENCY, "rf-diabetic-emergency", null),
				new Case("Mi mamá es diabética, se le bajó el azúcar y está muy somnolienta", EMERGENCY, "rf-diabetic-emergency", null),
				// Head injury, clot in the lung, accident, dehydrated baby
				new Case("Mi hijo se golpeó la cabeza y vomitó dos veces", EMERGENCY, "rf-head-injury-warning-signs", null),
				new Case("Me duele la pantorrilla y me falta el aire", EMERGENCY, "rf-possible-blood-clot-in-lung", null),
				new Case("Me atropellaron en la calle hace un rato", EMERGENCY, "rf-serious-accident", null),
				new Case("Mi bebé de 5 meses no toma el biberón, tiene pañales secos y está muy dormido", EMERGENCY, "rf-baby-severe-dehydration", null),
				// More ways of saying it
				new Case("no me llega el aire", EMERGENCY, "rf-severe-breathing-difficulty", null),
				new Case("mi bebé tiene manchas moradas en la piel", EMERGENCY, "rf-meningitis-signs", null),
				new Case("mi niño de 1 mes tiene 38 de fiebre", EMERGENCY, "rf-fever-baby-under-3-months", null),
				new Case("tengo dolor de cabeza horrible, el peor que he tenido", EMERGENCY, "rf-thunderclap-headache", null),
				new Case("estoy embarazada y tengo un sangrado muy fuerte", EMERGENCY, "rf-heavy-bleeding", null),
				new Case("tengo dolor en el pecho y se me duerme el brazo izquierdo", EMERGENCY, "rf-chest-pain-cardiac-features", null),
				new Case("me salió sangre al toser y me falta el aire", EMERGENCY, "rf-coughing-blood-severe", null),
				new Case("me picó una avispa y me salieron ronchas y me mareo", EMERGENCY, "rf-anaphylaxis", null),
				new Case("Mi madre no puede mover la mitad del cuerpo", EMERGENCY, "rf-stroke-signs", null),
				new Case("Mi hijo se ha tragado unas pilas", EMERGENCY, "rf-poisoning-or-overdose", null),
				new Case("Tengo un sangrado vaginal muy abundante y estoy de 20 semanas", EMERGENCY, "rf-pregnancy-heavy-bleeding", null),
				new Case("Se ha desplomado en la calle y dice que le duele el pecho", EMERGENCY, "rf-fainting-warning-signs", null),
				new Case("Tengo la glucosa en 450, soy diabético y estoy vomitando", EMERGENCY, "rf-diabetic-emergency", null),
				new Case("Soy diabética tipo 1 y tengo las cetonas en 3,5", EMERGENCY, "rf-ketones-very-high", null),
				new Case("se tomó 20 pastillas de clonazepam", EMERGENCY, "rf-poisoning-or-overdose", null),
				new Case("me quiero morir, ya tengo las pastillas", EMERGENCY, "rf-suicide-plan", null),
				new Case("no siento mis partes y me duele la espalda", EMERGENCY, "rf-cauda-equina", null),
				// Muscles, bones and joints (red-flags/musculoskeletal.yaml)
				new Case("Mi hijo se cayó de la bici y se le ve el hueso del brazo", EMERGENCY, "rf-open-fracture", null),
				new Case("Me lastimé el cuello y ahora tengo hormigueo en los dos brazos", EMERGENCY, "rf-neck-injury-nerve-signs", null),
				new Case("me pegaron una puñalada", EMERGENCY, "rf-serious-accident", null),
				new Case("mi hijo se ahogó en la piscina", EMERGENCY, "rf-severe-breathing-difficulty", null),
				// Adult emergencies that present atypically (red-flags/acute.yaml)
				new Case("Tengo un dolor en el pecho como un desgarro que me atraviesa hasta la espalda", EMERGENCY, "rf-aortic-dissection", null),
				new Case("Tengo el ojo rojo y me duele, y veo halos alrededor de las luces", EMERGENCY, "rf-acute-glaucoma", null),
				new Case("Se me hinchó la lengua y tengo la voz ronca", EMERGENCY, "rf-mouth-swelling-airway-signs", null),
				new Case("Tengo enfermedad de Addison y llevo toda la mañana vomitando", EMERGENCY, "rf-adrenal-crisis", null),
				new Case("Dejé el alcohol hace dos días y ahora veo cosas que no están y estoy confundido", EMERGENCY, "rf-alcohol-withdrawal-severe", null),
				// Children (round 4): croup at rest, intussusception, green vomit, ketoacidosis, medicines, the airway.
				new Case("Mi hijo de 2 años tiene tos de perro y hace ruido al respirar incluso en reposo", EMERGENCY, "rf-stridor-at-rest", null),
				new Case("Mi bebé de 10 meses grita y encoge las piernas, vomitó y tiene sangre en la caca", EMERGENCY, "rf-possible-intussusception", null),
				new Case("Mi bebé de 3 semanas vomita verde", EMERGENCY, "rf-child-green-vomit", null),
				new Case("Mi hijo de 9 años tiene mucha sed, orina mucho y el aliento le huele a acetona", EMERGENCY, "rf-possible-dka-new-diabetes", null),
				new Case("Mi hija de 7 años tiene mucha sed y ahora está vomitando", EMERGENCY, null, "thirst-new-diabetes"),
				new Case("Mi hija de 2 años agarró mis pastillas, creo que se tomó unas pastillas", EMERGENCY, "rf-child-medicine-ingestion", null),
				new Case("Mi hijo tiene fiebre, babea y no puede tragar", EMERGENCY, "rf-drooling-airway", null),
				// Poisoning and the environment (red-flags/poisoning-environment.yaml).
				new Case("Creo que mi hija se ha comido una pila de botón del mando", EMERGENCY, "rf-swallowed-battery-or-magnet", null),
				new Case("Mi hijo se tragó una moneda y ahora está babeando", EMERGENCY, "rf-swallowed-object-with-symptoms", null),
				new Case("Mi amigo bebió demasiado y ahora respira muy despacio", EMERGENCY, "rf-alcohol-poisoning", null),
				new Case("Tomé cocaína anoche y ahora me duele el pecho", EMERGENCY, "rf-recreational-drug-toxicity", null),
				new Case("Mi abuelo tuvo un golpe de calor, está confundido y no suda", EMERGENCY, "rf-heatstroke", null),
				new Case("Encontramos a mi vecina en casa sin calefacción, muy fría al tacto", EMERGENCY, "rf-hypothermia", null),
				new Case("Lo sacaron del agua en la piscina y ahora tose mucho", EMERGENCY, "rf-after-drowning", null),
				new Case("Me dio la corriente con un enchufe y me desmayé", EMERGENCY, "rf-electric-shock-serious", null),
				new Case("Respiré humo en un incendio en casa y tengo hollín en la nariz", EMERGENCY, "rf-smoke-inhalation", null),
				new Case("Me mordió una serpiente en el tobillo", EMERGENCY, "rf-snake-bite", null),
				// Fever after travel with bleeding gums (severe dengue)
				new Case("Acabo de volver de Tailandia, tengo fiebre y me sangran las encías", EMERGENCY, "rf-travel-fever-bleeding", null),
				// An emergency found by a protocol rule rather than a red flag: the sore throat with drooling.
				new Case("me duele la garganta y no puedo tragar ni la saliva", EMERGENCY, null, null));
	}

	/**
	 * Not emergencies, most beside the same words in English: both interviews must end alike. Where the English is
	 * left out, the English engine reads the denial's "no" over the comma as denying the complaint too ("No chest
	 * pain, just a cough" is an unrecognised complaint, URGENT), which Spanish reading breaks at the comma: the
	 * English engine is not changed here.
	 */
	static Stream<Case> othersAndDenials() {
		return Stream.of(
				// Denials: the flag denied does not fire, and the complaint said is the one chosen.
				new Case("No tengo dolor de pecho, solo tos", SELF_CARE, "rf-chest-pain-cardiac-features", "cough",
						null /* English: No chest pain, just a cough */),
				new Case("no tengo fiebre, me duele la garganta desde hace 2 días", SELF_CARE, "rf-meningitis-signs", "sore-throat",
						null /* English: no fever, my throat has been sore for 2 days */),
				new Case("Tengo diarrea desde ayer, sin sangre y sin fiebre", SELF_CARE, "rf-gut-bleeding-with-shock-signs", "diarrhoea",
						null /* English: I've had diarrhoea since yesterday, no blood and no fever */),
				new Case("Me duele la cabeza pero no es el peor dolor de mi vida, no tengo el cuello rígido", SELF_CARE,
						"rf-thunderclap-headache", "headache", "I have a headache but it's not the worst headache of my life, no stiff neck"),
				new Case("Nunca me he desmayado, solo me mareo un poco al levantarme", SELF_CARE, "rf-fainting-warning-signs",
						"dizziness-fainting", null /* English: I have never fainted, I just get a bit dizzy when I stand up */),
				new Case("Tengo dolor de espalda, sin problemas para orinar", SELF_CARE, "rf-cauda-equina", "back-pain",
						null /* English: I have back pain, no problems passing urine */),
				new Case("no me tomé ninguna pastilla de más, solo tengo dolor de cabeza", SELF_CARE, "rf-poisoning-or-overdose",
						"headache", "I did not take an overdose, I just have a headache"),
				// Main complaints in their own words
				new Case("Tengo tos y mocos desde hace 3 días", SELF_CARE, null, "cough", "I've had a cough and a runny nose for 3 days"),
				new Case("Me duele la barriga desde anoche", SELF_CARE, null, "abdominal-pain", "My tummy has hurt since last night"),
				new Case("Llevo dos días vomitando", SELF_CARE, null, "vomiting", "I've been vomiting for two days"),
				new Case("Pienso en suicidarme todos los días", URGENT, "rf-suicidal-thoughts-or-self-harm", "anxiety-low-mood",
						"I think about killing myself every day"),
				new Case("Tengo ardor al orinar", SELF_CARE, null, "urinary-symptoms", "It burns when I pee"),
				// Same-day sexual health exposures: the flag must fire (URGENT)
				new Case("Se rompió el condón anoche y no uso ningún anticonceptivo", URGENT, "rf-emergency-contraception", "sexual-health",
						"The condom split last night and I'm not on any contraception"),
				new Case("Tuve relaciones sin condón con alguien que tiene VIH, necesito la PEP", URGENT, "rf-possible-hiv-exposure",
						"sexual-health", "I had sex without a condom with someone who has HIV, I need PEP"),
				new Case("Me duele el oído", SELF_CARE, null, "ear-pain", "My ear hurts"),
				// Everyday words that must not raise a flag
				new Case("Me tomé un paracetamol para el dolor de cabeza", SELF_CARE, "rf-poisoning-or-overdose", "headache",
						"I took a paracetamol for my headache"),
				new Case("Me corté un dedo cocinando, ya no sangra", SELF_CARE, "rf-heavy-bleeding", "wound-burn-bite",
						"I cut my finger cooking, it is not bleeding now"),
				new Case("Tengo estreñimiento desde hace una semana", SELF_CARE, null, "constipation",
						"I have been constipated for a week"),
				new Case("Me tomé 2 pastillas de ibuprofeno por el dolor de muela", SELF_CARE, "rf-poisoning-or-overdose", "toothache-dental",
						"I took 2 ibuprofen tablets for my toothache"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("emergencies")
	void everyRedFlagFamilyEscalatesFromTheSpanishOpeningAlone(Case c) {
		Interviewer.Decision decision = engine.next(List.of(new Interviewer.Turn(null, c.opening())), "911", "es");

		assertThat(decision).as(c.opening()).isInstanceOf(Interviewer.Conclude.class);
		Assessment assessment = ((Interviewer.Conclude) decision).assessment();
		assertThat(assessment.disposition()).as(c.opening()).isEqualTo(EMERGENCY);
		if (c.flag() != null) {
			assertThat(assessment.redFlags()).extracting(Assessment.RedFlagHit::id).as(c.opening()).contains(c.flag());
		}
		assertThat(((Interviewer.Conclude) decision).messages().get(0)).startsWith("Esto podría ser una emergencia");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("othersAndDenials")
	void deniedFlagsDoNotFireAndComplaintsFindTheirProtocol(Case c) {
		Assessment assessment = interview(c.opening(), "es");

		assertThat(assessment.disposition()).as(c.opening() + " " + assessment.reasons()).isEqualTo(c.expected());
		assertThat(assessment.protocols()).as(c.opening()).contains(c.protocol());
		if (c.flag() != null && c.expected() != URGENT) {
			assertThat(assessment.redFlags()).extracting(Assessment.RedFlagHit::id).doesNotContain(c.flag());
		}
		else if (c.flag() != null) {
			assertThat(assessment.redFlags()).extracting(Assessment.RedFlagHit::id).contains(c.flag());
		}
		// The same words in an English consultation end the same way.
		if (c.english() != null) {
			Assessment english = interview(c.english(), "en");
			assertThat(english.disposition()).as(c.english()).isEqualTo(c.expected());
			assertThat(english.protocols()).as(c.english()).contains(c.protocol());
		}
	}

	@Test
	void theTableCoversEnoughOpeningsAndEveryEmergencyIsAnEmergency() {
		assertThat(emergencies().count() + othersAndDenials().count()).isGreaterThanOrEqualTo(40);
		assertThat(emergencies().map(Case::flag).filter(java.util.Objects::nonNull).distinct().count()).isGreaterThanOrEqualTo(25);
	}

	@Test
	void spanishDenialsAreReadAsDenialsAndNegatedPhrasesAsPresent() {
		assertThat(read("no tengo dolor de pecho, solo tos")).containsEntry("chest_pain", Facts.State.ABSENT)
			.containsEntry("cough", Facts.State.PRESENT);
		assertThat(read("sin fiebre ni tos")).containsEntry("fever", Facts.State.ABSENT).containsEntry("cough", Facts.State.ABSENT);
		assertThat(read("tampoco tengo diarrea")).containsEntry("diarrhoea", Facts.State.ABSENT);
		assertThat(read("nunca me he desmayado")).containsEntry("fainting", Facts.State.ABSENT);
		assertThat(read("no puedo respirar")).containsEntry("severe_breathing_difficulty", Facts.State.PRESENT);
		assertThat(read("mi hijo no respira bien")).containsEntry("severe_breathing_difficulty", Facts.State.PRESENT);
		assertThat(read("la herida no para de sangrar")).containsEntry("heavy_bleeding", Facts.State.PRESENT);
		assertThat(read("no sé qué me pasa, me duele el pecho")).containsEntry("chest_pain", Facts.State.PRESENT);
		assertThat(read("no tengo fiebre y me duele la cabeza")).containsEntry("fever", Facts.State.ABSENT)
			.containsEntry("headache", Facts.State.PRESENT);
		assertThat(read("no sé si tengo fiebre")).containsEntry("fever", Facts.State.UNSURE);
		// Accents or none, singular or plural, first or third person.
		assertThat(read("me desmaye")).containsEntry("fainting", Facts.State.PRESENT);
		assertThat(read("se desmayó")).containsEntry("fainting", Facts.State.PRESENT);
		assertThat(read("dificultad para respirar")).containsEntry("shortness_of_breath", Facts.State.PRESENT);
		assertThat(read("dificultad respiratoria")).containsEntry("shortness_of_breath", Facts.State.PRESENT);
		assertThat(read("CONVULSIONES")).containsEntry("seizure", Facts.State.PRESENT);
		assertThat(read("convulsion")).containsEntry("seizure", Facts.State.PRESENT);
	}

	@Test
	void spanishMeasurementsAreReadFromTheOpening() {
		Reading reading = extractor().read("Mi bebé de 6 semanas tiene fiebre de 38,5 desde hace 2 días", java.util.Optional.empty());
		assertThat(reading.measures()).containsEntry(Measure.AGE, 6 / 52.0).containsEntry(Measure.TEMPERATURE, 38.5)
			.containsEntry(Measure.DURATION_DAYS, 2.0);
		assertThat(extractor().read("estoy embarazada de 30 semanas", java.util.Optional.empty()).measures())
			.containsEntry(Measure.PREGNANCY_WEEKS, 30.0);
		Reading father = extractor().read("mi papá tiene 70 años", java.util.Optional.empty());
		assertThat(father.sex()).contains(Facts.Sex.MALE);
		assertThat(father.measures()).containsEntry(Measure.AGE, 70.0);
		assertThat(extractor().read("mi niña de 3 años", java.util.Optional.empty()).measures()).containsEntry(Measure.AGE, 3.0);
		assertThat(read("tengo la glucosa en 450")).containsEntry("blood_sugar_high_reading", Facts.State.PRESENT);
		assertThat(read("el azúcar me dio 3,1")).containsEntry("blood_sugar_low_reading", Facts.State.PRESENT);
		assertThat(read("la glucosa en 110")).doesNotContainKeys("blood_sugar_low_reading", "blood_sugar_high_reading");
		// A duration is not an age: "tos de 3 días" is not a three-day-old.
		assertThat(extractor().read("tengo tos de 3 días", java.util.Optional.empty()).measures()).doesNotContainKey(Measure.AGE);
	}

	@Test
	void typedSpanishAnswersToAYesNoQuestionAreRead() {
		assertThat(extractor().read("Claro que sí", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.YES);
		assertThat(extractor().read("un poco", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.YES);
		assertThat(extractor().read("a veces", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.YES);
		assertThat(extractor().read("para nada", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.NO);
		assertThat(extractor().read("Nunca", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.NO);
		assertThat(extractor().read("creo que no", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.NO);
		assertThat(extractor().read("no estoy segura", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.UNSURE);
		assertThat(extractor().read("ayer en la tarde", java.util.Optional.empty()).answer()).isEqualTo(Reading.Answer.OTHER);
	}

	/**
	 * English consultations do not read the Spanish phrases: the same English openings give the same decisions as an
	 * engine whose knowledge base has no Spanish phrases at all, and a Spanish opening in an English consultation is
	 * read as before (not understood).
	 */
	@Test
	void anEnglishConsultationIsUnchangedByTheSpanishPhrases() {
		KnowledgeBase withoutPhrases = new KnowledgeBase(KB.version(), KB.contentHash(), KB.findings(), KB.measureQuestions(),
				KB.redFlags(), KB.protocols(), KB.texts(), KB.derived(), new KnowledgeBase.Translations(
						KB.translations().byLanguage(), Map.of(), KB.translations().problems()), KB.globalScreen());
		Interviewer before = new Interviewer(withoutPhrases, null, 0.8);
		List<String> openings = List.of("I have crushing chest pain and I'm sweating", "I can't breathe",
				"My dad's face is drooping and his speech is slurred", "I've had a sore throat for 3 days, no fever",
				"No chest pain, just a cough", "My 6 week old baby has a temperature of 38.5",
				"I have had diarrhoea since yesterday", "no puedo respirar", "me duele el pecho y estoy sudando");
		for (String opening : openings) {
			List<Interviewer.Turn> turns = List.of(new Interviewer.Turn(null, opening));
			assertThat(engine.next(turns, "911", "en")).as(opening).isEqualTo(before.next(turns, "911", "en"));
			assertThat(engine.next(turns, "911")).as(opening).isEqualTo(before.next(turns, "911"));
		}
		assertThat(interview("no puedo respirar", "en").disposition()).isNotEqualTo(EMERGENCY);
		assertThat(interview("no puedo respirar", "es").disposition()).isEqualTo(EMERGENCY);
	}

	/** The whole interview: "No" to every yes/no question, "No lo sé" to every measure, "Eso es todo" otherwise. */
	private Assessment interview(String opening, String language) {
		List<Interviewer.Turn> turns = new ArrayList<>();
		turns.add(new Interviewer.Turn(null, opening));
		Interviewer.Decision decision = engine.next(turns, "911", language);
		for (int i = 0; i < 30 && decision instanceof Interviewer.Ask ask; i++) {
			String answer = ask.questionId().startsWith("finding:") ? ask.options().get(1)
					: ask.questionId().startsWith("measure:") ? ask.options().get(ask.options().size() - 1)
					: language.equals("es") ? "Eso es todo." : "That's all.";
			turns.add(new Interviewer.Turn(ask.questionId(), answer));
			decision = engine.next(turns, "911", language);
		}
		return ((Interviewer.Conclude) decision).assessment();
	}

	private static FindingExtractor extractor() {
		var said = KB.translations().phrases("es").entrySet().stream().map(e -> {
			var f = KB.findings().get(e.getKey());
			return new KnowledgeBase.Finding(f.id(), f.label(), f.question(), e.getValue(), f.snomed());
		}).toList();
		return new FindingExtractor(KB.findings().values(), said, Spanish.WORDING);
	}

	private static Map<String, Facts.State> read(String text) {
		return extractor().read(text, java.util.Optional.empty()).findings();
	}
}
