package org.medassist.platform;

/**
 * A failure the caller can understand and act on. Subclasses say what happened ({@code ConsultationNotFound},
 * {@code ConsultationAlreadyClosed}); the web layer turns them into {@code application/problem+json} with
 * a stable {@code type} per subclass. The message is shown to the client, so it must never contain PHI.
 */
public abstract class MedAssistException extends RuntimeException {

	private final Kind kind;

	private final String type;

	protected MedAssistException(Kind kind, String type, String safeDetail) {
		super(safeDetail);
		this.kind = kind;
		this.type = type;
	}

	public Kind kind() {
		return kind;
	}

	/** Stable identifier of this kind of problem, e.g. {@code consultation-not-found}. */
	public String type() {
		return type;
	}

	/** Transport-neutral classes of failure; the web layer maps them to HTTP status codes. */
	public enum Kind {
		INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, UNAVAILABLE
	}
}
