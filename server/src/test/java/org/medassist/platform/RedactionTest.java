package org.medassist.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifiers in the formats patients write them are replaced; clinical numbers are left alone. */
class RedactionTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			my name is Anna Kowalski and I feel sick         | my name is [NAME] and I feel sick
			me llamo Lucía Fernández                         | me llamo [NAME]
			email anna.k@example.com please                  | email [EMAIL] please
			call 07700 900123 now                            | call [PHONE] now
			call +44 7700 900123 now                         | call [PHONE] now
			call (555) 123-4567 now                          | call [PHONE] now
			call 555.123.4567 now                            | call [PHONE] now
			llama al +34 612 34 56 78                        | llama al [PHONE]
			llama al 612 345 678                             | llama al [PHONE]
			call +49 30 901820 now                           | call [PHONE] now
			I live at 42 Baker Street.                       | I live at [ADDRESS].
			vivo en Calle Mayor 15                           | vivo en [ADDRESS]
			postcode SW1A 1AA                                | postcode [ADDRESS]
			Boston, MA 02115                                 | Boston, MA [ADDRESS]
			DOB 12/03/1980                                   | DOB [DATE]
			born 1975-07-21                                  | born [DATE]
			born on 12 March 1980                            | born on [DATE]
			born in 1952, diabetic                           | born in [DATE], diabetic
			nací el 3 de mayo de 1990                        | nací el [DATE]
			SSN 123-45-6789                                  | SSN [ID]
			NHS 943 476 5919                                 | NHS [ID]
			NI number JG 10 37 29 D                          | NI number [ID]
			DNI 12345678Z                                    | DNI [ID]
			NIE X1234567L                                    | NIE [ID]
			insurance number 884213907                       | insurance number [ID]
			nº de afiliación 28 12345678 90                  | nº de afiliación [ID]
			see https://example.org/a?b=c.                   | see [URL].
			""")
	void replacesIdentifiersWithTypedPlaceholders(String text, String expected) {
		assertThat(Redaction.redact(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "temperature 38.5", "for 2 days", "1-2 times a day", "blood pressure 140/90", "10 mg twice",
			"I'm 45", "pain 7/10", "since 2015", "SpO2 94% and pulse 110", "vitamin B12", "3.2.1", "24/7", "38,5 de fiebre",
			"150/100", "every 4-6 hours", "HbA1c 58 mmol/mol", "This is Monday's update", "soy diabético",
			"my name is not important", "glucose 180 mg/dL", "call 999", "1 in 5", "10/10 pain" })
	void leavesClinicalNumbersAndOrdinaryWords(String text) {
		assertThat(Redaction.find(text)).isEmpty();
		assertThat(Redaction.redact(text)).isEqualTo(text);
	}

	@Test
	void checkDigitsDecideBetweenANationalNumberAndRandomDigits() {
		assertThat(Redaction.redact("NHS 943 476 5919")).isEqualTo("NHS [ID]");
		assertThat(Redaction.redact("ref 943 476 5918")).doesNotContain("[ID]");
		assertThat(Redaction.redact("code 12345678A")).isEqualTo("code 12345678A");
	}

	@Test
	void idsInLogLinesAreNotMistakenForIdentifiers() {
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 20_000; i++) {
			String line = "Consultation " + new java.util.UUID(random.nextLong(), random.nextLong()) + " completed";
			assertThat(Redaction.find(line)).as(line).isEmpty();
		}
	}

	@Test
	void nullAndBlankPassThrough() {
		assertThat(Redaction.redact(null)).isNull();
		assertThat(Redaction.redact("  ")).isEqualTo("  ");
		assertThat(Redaction.find(null)).isEmpty();
	}
}
