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

	@ParameterizedTest(name = "{0} is a frequency, not how long it has lasted")
	@CsvSource({ "she gets a cold sore once or twice a year", "it happens a couple of times a year", "I get hay fever three times a year" })
	void aFrequencyIsNoDuration(String text) {
		assertThat(MeasureReader.read(Text.normalize(text), Optional.empty())).doesNotContainKey(Measure.DURATION_DAYS);
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
}
