package org.medassist.consultation.internal;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A patient's bearer token for one consultation: 256 random bits, prefixed {@code ct_} so that it is
 * recognisable (and never confused with staff tokens). Only its SHA-256 is stored.
 */
record AccessToken(@Classification(Level.RESTRICTED) String value) {

	static final String PREFIX = "ct_";

	private static final SecureRandom RANDOM = new SecureRandom();

	static AccessToken generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return new AccessToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
	}

	static boolean looksLikeOne(String token) {
		return token != null && token.startsWith(PREFIX) && token.length() == PREFIX.length() + 43;
	}

	byte[] hash() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	@Override
	public String toString() {
		return "AccessToken[redacted]";
	}
}
