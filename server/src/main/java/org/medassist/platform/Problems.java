package org.medassist.platform;

import java.net.URI;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details the same way for HTTP responses, security failures and WebSocket error
 * frames, with identifiers in the {@code detail} redacted ({@link Redaction}). Types are URNs ({@code urn:medassist:problem:<slug>}) so that they are stable without a web site.
 */
public final class Problems {

	public static final String CORRELATION_ID = "correlation_id";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String detail) {
		// Details sometimes carry a value from the request (a clinic name, a field name): never an identifier.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Redaction.redact(detail));
		problem.setType(URI.create("urn:medassist:problem:" + type));
		problem.setTitle(status.getReasonPhrase());
		String correlationId = MDC.get(CORRELATION_ID);
		if (correlationId != null) {
			problem.setProperty("correlationId", correlationId);
		}
		return problem;
	}

	public static ProblemDetail of(MedAssistException e) {
		return of(status(e.kind()), e.type(), e.getMessage());
	}

	public static HttpStatus status(MedAssistException.Kind kind) {
		return switch (kind) {
			case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	/**
	 * Describes an unexpected exception for the log without its messages: exception messages can carry
	 * PHI (a driver echoing a value, a parser quoting input), so only types and stack frames are logged.
	 */
	public static String describeWithoutMessages(Throwable error) {
		StringBuilder out = new StringBuilder();
		Throwable current = error;
		int depth = 0;
		while (current != null && depth++ < 5) {
			out.append(depth == 1 ? "" : "\ncaused by: ").append(current.getClass().getName());
			StackTraceElement[] frames = current.getStackTrace();
			for (int i = 0; i < Math.min(frames.length, 12); i++) {
				out.append("\n\tat ").append(frames[i]);
			}
			current = current.getCause() == current ? null : current.getCause();
		}
		return out.toString();
	}
}
