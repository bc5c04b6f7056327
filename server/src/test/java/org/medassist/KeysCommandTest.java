package org.medassist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad arguments are refused with the usage and exit status 2, before anything starts. */
class KeysCommandTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "shred", "rotate --key 5", "retire --clinic demo", "retire --key 5",
			"retire --clinic demo --key five", "status --clinic", "reencrypt --everything now", "rewrap", "rewrap --new-master-key",
			"rewrap --new-master-key k.json --clinic demo", "rotate --new-master-key k.json" })
	void badArgumentsShowTheUsage(String line) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] args = line.isEmpty() ? new String[0] : line.split(" ");
		assertThat(KeysCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true)))
			.isEqualTo(2);
		assertThat(err.toString()).contains("usage: medassist keys rotate|reencrypt|status [--clinic SLUG]")
			.contains("keys retire --clinic SLUG --key ID").contains("keys rewrap --new-master-key FILE");
	}
}
