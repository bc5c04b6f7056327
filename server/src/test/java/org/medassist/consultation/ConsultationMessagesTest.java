package org.medassist.consultation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultation module's patient-facing messages exist in every language a patient may choose, with the same
 * placeholders (the clinic's name and emergency number), and are not left in English.
 */
class ConsultationMessagesTest {

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+}");

	@Test
	void spanishHasEveryMessageWithItsPlaceholders() throws IOException {
		Properties english = load("i18n/consultation.properties");
		Properties spanish = load("i18n/consultation_es.properties");

		assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(arguments(spanish.getProperty(key))).as(key).isEqualTo(arguments(english.getProperty(key)));
			assertThat(spanish.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key));
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = ConsultationMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static TreeSet<String> arguments(String message) {
		TreeSet<String> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(message);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}
}
