package org.medassist.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One stored audit record. {@link #computeHash()} is SHA-256 over {@link #canonical()} followed by the previous
 * record's hash: changing any field, the order, or the link to the previous record changes it.
 *
 * @param clinicId {@code null} for the deployment chain
 */
record AuditRecord(UUID id, UUID clinicId, long seq, Instant at, UUID userId, String role, String action,
		String objectType, String objectId, String outcome, String purpose, String detail, String remoteAddress,
		String userAgent, String correlationId, byte[] prevHash, byte[] hash) {

	/** The previous hash of a chain's first record. */
	static final byte[] GENESIS = new byte[32];

	/**
	 * A stable text form: every field in a fixed order, each length-prefixed so that no value can imitate a
	 * separator, null distinct from empty. Instants are at PostgreSQL's precision (microseconds) so that what is
	 * read back hashes the same as what was written. Version-tagged so that the form can change later without
	 * breaking old records.
	 */
	String canonical() {
		StringBuilder out = new StringBuilder("medassist-audit-v1\n");
		field(out, "id", id);
		field(out, "clinic", clinicId);
		field(out, "seq", seq);
		field(out, "at", at);
		field(out, "user", userId);
		field(out, "role", role);
		field(out, "action", action);
		field(out, "object_type", objectType);
		field(out, "object_id", objectId);
		field(out, "outcome", outcome);
		field(out, "purpose", purpose);
		field(out, "detail", detail);
		field(out, "remote_address", remoteAddress);
		field(out, "user_agent", userAgent);
		field(out, "correlation_id", correlationId);
		return out.toString();
	}

	byte[] computeHash() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(canonical().getBytes(StandardCharsets.UTF_8));
			sha256.update(prevHash);
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	AuditRecord withHash() {
		return new AuditRecord(id, clinicId, seq, at, userId, role, action, objectType, objectId, outcome, purpose,
				detail, remoteAddress, userAgent, correlationId, prevHash, computeHash());
	}

	static String hex(byte[] bytes) {
		return bytes == null ? null : HexFormat.of().formatHex(bytes);
	}

	private static void field(StringBuilder out, String name, Object value) {
		out.append(name).append('=');
		if (value == null) {
			out.append('~');
		}
		else {
			String text = value.toString();
			out.append(text.length()).append(':').append(text);
		}
		out.append('\n');
	}
}
