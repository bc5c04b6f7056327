package org.medassist.triage.internal.engine;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeasureReaderTest {

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			I'm 58 and have chest pain                | AGE             | 58
			pt is a 67F with dyspnoea                 | AGE             | 67
			my 6 week old baby                        | AGE             | 0.115
			our 5-month-old son                       | AGE             | 0.417
			a 3 year old girl                         | AGE             | 3
			my mum is 84 and has lived with us since my dad died | AGE | 84
			my husband's 67 and he's clutching his chest | AGE          | 67
			my dad, 79, has had a fall                | AGE             | 79
			temperature of 39.2C                      | TEMPERATURE     | 39.2
			she has a fever of 102.5 F                | TEMPERATURE     | 39.2
			temp was 38,5                             | TEMPERATURE     | 38.5
			my baby has a temperature. it's 38.4 and she's grumpy | TEMPERATURE | 38.4
			she's feverish. I checked and it was 39,6 | TEMPERATURE     | 39.6
			for 3 days                                | DURATION_DAYS   | 3
			since yesterday                           | DURATION_DAYS   | 1
			for two weeks                             | DURATION_DAYS   | 14
			the pain is 8/10                          | PAIN            | 8
			pain about 7 out of 10                    | PAIN            | 7
			it's the worst pain I've ever had          | PAIN            | 9
			the pain is excruciating                  | PAIN            | 9
			he's in agony with his back               | PAIN            | 9
			my nuts hurt really bad since this morning | PAIN           | 7
			I have severe pain in my side             | PAIN            | 7
			I'm 32 weeks pregnant                     | PREGNANCY_WEEKS | 32
			I'm 26 weeks pregnant and my calf hurts. It started two days ago | DURATION_DAYS | 2
			tired all the time for about two months. I sleep eight hours      | DURATION_DAYS | 60
			constipated for the past couple of months, now every three or four days | DURATION_DAYS | 60
			each one lasts less than a minute. it's been happening for about a week | DURATION_DAYS | 7
			nosebleeds two or three times a week for a month                 | DURATION_DAYS | 30
			cough 3 days                                                     | DURATION_DAYS | 3
			I've been feeling very tired for months                          | DURATION_DAYS | 60
			it's been going on for weeks                                     | DURATION_DAYS | 14
			I've had it for years on and off                                 | DURATION_DAYS | 730
			tired for months, and worse for the past 3 weeks                 | DURATION_DAYS | 21
			a cold sore since yesterday, I get one once or twice a year       | DURATION_DAYS | 1
			""")
	void readsMeasures(String text, Measure measure, double expected) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty()).get(measure)).isCloseTo(expected, within(0.01));
	}

	@ParameterizedTest(name = "{0} gives no age")
	@CsvSource({ "my husband is 6 foot and 15 stone", "my son is 39 and very hot", "my baby is 38 and won't feed",
			"my mum is 2 hours away", "my daughter's 38.5 today" })
	void aNumberSaidOfSomeoneIsNotAlwaysTheirAge(String text) {
		assertThat(MeasureReader.age(Text.normalize(text))).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void aBabyIsNeverReadAsTheOlderChildOfTheSameMessage() {
		// The age is asked rather than 4 years read for a 7-week-old with a fever (NICE NG143: under 3 months).
		assertThat(MeasureReader.age(Text.normalize("My son is 4 and my baby is 7 weeks with a temperature of 38.4")))
			.isNotEqualTo(Optional.of(4.0));
		assertThat(MeasureReader.age(Text.normalize("My son's 103 and burning up"))).isEmpty();
		assertThat(MeasureReader.read(Text.normalize("My son has fever, he has 6 days."), Optional.empty())
			.get(Measure.DURATION_DAYS)).isEqualTo(6.0);
	}

	@org.junit.jupiter.api.Test
	void aCarersOwnAgeIsSetAsideForTheAgeOfTheOneTheyDescribe() {
		assertThat(MeasureReader.ageOfSomeoneElse(Text.normalize("I'm 58 and my mum is 84, she's not making sense")))
			.contains(84.0);
	}

	@ParameterizedTest(name = "{0} is a frequency, not how long it has lasted")
	@CsvSource({ "she gets a cold sore once or twice a year", "it happens a couple of times a year", "I get hay fever three times a year" })
	void aFrequencyIsNoDuration(String text) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(Measure.DURATION_DAYS);
	}

	@ParameterizedTest(name = "{0} rates no pain")
	@CsvSource({ "it's not the worst pain I've ever had", "the pain isn't unbearable", "it hurts but it's not excruciating",
			"the worst part is the itching", "no severe pain, just a dull ache", "it doesn't hurt that bad" })
	void aNegatedOrAbsentSeverityIsNoPainScore(String text) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(Measure.PAIN);
	}

	@ParameterizedTest(name = "{0} is no temperature")
	@CsvSource({ "I'm 38 and have a fever", "it started 39 hours ago", "I weigh 40 kg", "I feel well and have no fever. I'm 41.",
			"no temperature, he's 39", "no fever. she weighs 38.4 kg", "she has a temperature. it's been 37 hours" })
	void anAgeIsNotATemperature(String text) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(Measure.TEMPERATURE);
	}

	@ParameterizedTest(name = "answer {1} to {0}")
	@CsvSource(delimiter = '|', textBlock = """
			AGE             | 58                     | 58
			AGE             | 65 or older            | 65
			AGE             | Under 3 months         | 0.2
			TEMPERATURE     | 38 to 39.9 °C          | 39.9
			TEMPERATURE     | about 101              | 38.3
			PAIN            | 7-8 (severe)           | 8
			DURATION_DAYS   | 1 to 3 days            | 3
			""")
	void readsABareAnswerAsTheMeasureAskedFor(Measure asked, String answer, double expected) {
		assertThat(MeasureReader.read(Text.normalize(answer), Optional.of(asked)).get(asked)).isCloseTo(expected, within(0.05));
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			HR 124                                                        | HEART_RATE        | 124
			pulse 130, no fever                                           | HEART_RATE        | 130
			Obs: T 37.1, P 110, BP 130/80                                 | HEART_RATE        | 110
			heart rate of 140 bpm                                         | HEART_RATE        | 140
			my watch says my heart rate has been 180 for half an hour     | HEART_RATE        | 180
			resting pulse around 105 for weeks                            | HEART_RATE        | 105
			tachycardic at 150                                            | HEART_RATE        | 150
			pulse of 96, sats 97%                                         | HEART_RATE        | 96
			BP 84/50                                                      | SYSTOLIC_BP       | 84
			BP 84/50                                                      | DIASTOLIC_BP      | 50
			blood pressure 190/120 mmHg                                   | SYSTOLIC_BP       | 190
			my blood pressure is 200 over 120 and I have a headache       | DIASTOLIC_BP      | 120
			I checked my blood pressure at the pharmacy and it was 186/122 | SYSTOLIC_BP      | 186
			my BP monitor showed 145/92 this morning                      | DIASTOLIC_BP      | 92
			repeat 158/96 mmHg                                            | SYSTOLIC_BP       | 158
			systolic 82                                                   | SYSTOLIC_BP       | 82
			RR 32                                                         | RESPIRATORY_RATE  | 32
			resp rate 30                                                  | RESPIRATORY_RATE  | 30
			breathing 40 times a minute                                   | RESPIRATORY_RATE  | 40
			I counted 26 breaths a minute                                 | RESPIRATORY_RATE  | 26
			respiratory rate of 28/min                                    | RESPIRATORY_RATE  | 28
			sats 89%                                                      | OXYGEN_SATURATION | 89
			SpO2 90% on room air                                          | OXYGEN_SATURATION | 90
			O2 sat 91                                                     | OXYGEN_SATURATION | 91
			oxygen level 91                                               | OXYGEN_SATURATION | 91
			my oxygen is 89 on the finger monitor                         | OXYGEN_SATURATION | 89
			my pulse oximeter is showing 93 or 94% since this morning     | OXYGEN_SATURATION | 93
			I checked my oxygen on the oximeter and it says 97%           | OXYGEN_SATURATION | 97
			pulse ox 95%                                                  | OXYGEN_SATURATION | 95
			saturating 88% on air                                         | OXYGEN_SATURATION | 88
			sats 94% then 90%                                             | OXYGEN_SATURATION | 90
			saturación de oxígeno 89%                                     | OXYGEN_SATURATION | 89
			el oxímetro marca 91%                                         | OXYGEN_SATURATION | 91
			tiene el pulso a 140                                          | HEART_RATE        | 140
			frecuencia cardíaca de 150 lpm                                | HEART_RATE        | 150
			la tensión me salió 190/120                                   | SYSTOLIC_BP       | 190
			respira 40 respiraciones por minuto                           | RESPIRATORY_RATE  | 40
			""")
	void readsVitalSigns(String text, Measure measure, double expected) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty()).get(measure)).isCloseTo(expected, within(0.01));
	}

	@ParameterizedTest(name = "{0}: {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			temp 38, HR 104                                               | TEMPERATURE       | 38
			T 38.9, HR 118, RR 28, BP 96/60, SpO2 88% on room air          | TEMPERATURE       | 38.9
			T 38.9, HR 118, RR 28, BP 96/60, SpO2 88% on room air          | HEART_RATE        | 118
			T 38.9, HR 118, RR 28, BP 96/60, SpO2 88% on room air          | RESPIRATORY_RATE  | 28
			T 38.9, HR 118, RR 28, BP 96/60, SpO2 88% on room air          | SYSTOLIC_BP       | 96
			T 38.9, HR 118, RR 28, BP 96/60, SpO2 88% on room air          | OXYGEN_SATURATION | 88
			a 67-year-old woman, HR 118                                   | AGE               | 67
			temperature 98.6 F, pulse 72                                  | TEMPERATURE       | 37
			pain 7/10, BP 150/90                                          | PAIN              | 7
			3/7 of cough, HR 104                                          | DURATION_DAYS     | 3
			2/52 hx of ankle swelling, BP 152/88                          | DURATION_DAYS     | 14
			cough x 3 days, RR 22                                         | DURATION_DAYS     | 3
			at 34 weeks' gestation, BP 168/112                            | PREGNANCY_WEEKS   | 34
			G2P1 at 36/40, BP 150/100                                     | PREGNANCY_WEEKS   | 36
			""")
	void vitalSignsLeaveTheOtherMeasuresAlone(String text, Measure measure, double expected) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty()).get(measure)).isCloseTo(expected, within(0.01));
	}

	@ParameterizedTest(name = "{0} has no {1}")
	@CsvSource(delimiter = '|', textBlock = """
			temperature 98.6 F                                            | HEART_RATE
			pain 7/10 in my back                                          | SYSTOLIC_BP
			3/7 of cough                                                  | SYSTOLIC_BP
			36/40 pregnant                                                | SYSTOLIC_BP
			he's 72 and has a fever                                       | HEART_RATE
			I took 500 mg of paracetamol                                  | HEART_RATE
			I'm 89 and my oxygen tank ran out                             | OXYGEN_SATURATION
			she is 90% better today                                       | OXYGEN_SATURATION
			it hurts 24/7                                                 | DURATION_DAYS
			I'm 45 and breathing is hard                                  | RESPIRATORY_RATE
			heart rate 120 a while ago                                    | OXYGEN_SATURATION
			BP 120/80                                                     | PAIN
			BP 120/80                                                     | HEART_RATE
			sats 95%                                                      | HEART_RATE
			pulse ox 95%                                                  | HEART_RATE
			HR 110                                                        | TEMPERATURE
			I sat on the sofa for 45 minutes                              | OXYGEN_SATURATION
			I've had it for 24 hrs 100 times                              | HEART_RATE
			""")
	void vitalSignTraps(String text, Measure measure) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(measure);
	}
}
