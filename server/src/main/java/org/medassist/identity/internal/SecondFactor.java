package org.medassist.identity.internal;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app
 * understands) and recovery codes. A code is accepted for the step before, the current one and the one after
 * (clock drift), and only for a step later than the last one accepted for that user: no code works twice.
 */
final class SecondFactor {

	static final int PERIOD_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private static final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private SecondFactor() {
	}

	/** A new random secret: 32 base32 characters, 160 bits (RFC 4226's recommended length). */
	static String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	static long step(Instant at) {
		return at.getEpochSecond() / PERIOD_SECONDS;
	}

	static String code(String secret, long step) {
		try {
			return codes.generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException("cannot compute a TOTP code", e);
		}
	}

	/** The time step the code belongs to, if it is valid now and newer than {@code lastUsedStep}. */
	static OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
		if (secret == null || code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > lastUsedStep && MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The {@code otpauth://} URI an authenticator app reads, and the same as a QR code PNG data URI. */
	record Enrolment(@Classification(Level.RESTRICTED) String secret,
			@Classification(Level.RESTRICTED) String otpauthUri, @Classification(Level.RESTRICTED) String qrCode) {
	}

	static Enrolment enrolment(String secret, String account, String clinic) {
		QrData data = new QrData.Builder().label(account + "@" + clinic)
			.secret(secret)
			.issuer("MedAssist")
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build();
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			return new Enrolment(secret, data.getUri(),
					Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException("cannot draw the enrolment QR code", e);
		}
	}

	/** Ten single-use recovery codes, {@code xxxxx-xxxxx} (about 49 bits each). */
	static List<String> newRecoveryCodes() {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				if (c == 5) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
			}
			out.add(code.toString());
		}
		return out;
	}

	/** Recovery codes are long and random, so a plain SHA-256 of their normalised form protects them. */
	static byte[] recoveryCodeHash(String code) {
		String normalised = code.trim().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
		return sha256(normalised);
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
