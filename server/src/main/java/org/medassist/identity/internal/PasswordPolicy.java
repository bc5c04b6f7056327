package org.medassist.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.medassist.platform.MedAssistException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be (NIST SP 800-63B 5.1.1.2 and OWASP ASVS 2.1): at least 12 characters, at most
 * 64 (bcrypt reads 72 bytes), not a known common password, not built from the user name or the clinic. No
 * composition rules: length beats them.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 64;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	void check(String password, String username, String clinicSlug) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new WeakPassword("The password must have at least " + MIN_LENGTH + " characters.");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw new WeakPassword("The password may have at most " + MAX_LENGTH + " characters.");
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (common.contains(folded) || password.chars().distinct().count() < 4) {
			throw new WeakPassword("This password is too common or too easy to guess; choose another.");
		}
		for (String part : new String[] { username, clinicSlug, "medassist" }) {
			if (part != null && part.length() >= 3 && folded.contains(part.toLowerCase(Locale.ROOT))) {
				throw new WeakPassword("The password may not contain the user name, the clinic or 'medassist'.");
			}
		}
	}

	private static Set<String> load() {
		Set<String> out = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> out.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(out);
	}

	static final class WeakPassword extends MedAssistException {

		WeakPassword(String detail) {
			super(Kind.INVALID_INPUT, "weak-password", detail);
		}
	}
}
