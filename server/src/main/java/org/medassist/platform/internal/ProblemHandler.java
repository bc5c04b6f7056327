package org.medassist.platform.internal;

import java.util.stream.Collectors;

import org.medassist.platform.MedAssistException;
import org.medassist.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error leaves as {@code application/problem+json} with a clear, PHI-free {@code detail}. Parser messages
 * are never echoed: they quote the input, which may be a patient's words. Details that do carry a value from the
 * request (an unknown clinic's name, a field name, Spring's own messages) pass through
 * {@link org.medassist.platform.Redaction} in {@link Problems#of(HttpStatus, String, String)}, so an email or
 * phone number typed into the wrong field does not come back in an error report.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(MedAssistException.class)
	ResponseEntity<ProblemDetail> domainProblem(MedAssistException e) {
		return problem(Problems.of(e));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
					e instanceof InsufficientAuthenticationException
							? "Authentication is required: send your access token as 'Authorization: Bearer <token>'."
							: "The access token is not valid."));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
		return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this."));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> badPathOrQuery(MethodArgumentTypeMismatchException e) {
		return problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
				"The parameter '" + e.getName() + "' is not valid."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected error: {}", Problems.describeWithoutMessages(e));
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Something went wrong on our side. Nothing you sent was lost if you received an acknowledgement;"
						+ " please try again."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request-body", unreadableDetail(e))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return asObject(problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request-body",
				detail.isEmpty() ? "The request is not valid." : detail + ".")));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		// Spring's own problems (405, 415, 404 for unknown paths...) get our type scheme and correlation id.
		if (body instanceof ProblemDetail spring) {
			HttpStatus known = HttpStatus.resolve(status.value());
			ProblemDetail ours = Problems.of(known == null ? HttpStatus.BAD_REQUEST : known,
					slug(known == null ? "error" : known.getReasonPhrase()), spring.getDetail());
			return new ResponseEntity<>(ours, problemHeaders(headers), status);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	static String unreadableDetail(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		if (cause instanceof PropertyBindingException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String path = path(mismatch);
			return path.isEmpty() ? "The request body has the wrong shape: a JSON object is expected."
					: "The field '" + path + "' has the wrong type.";
		}
		if (cause instanceof StreamReadException) {
			return "The request body is not valid JSON.";
		}
		if (cause instanceof JacksonException jackson && !path(jackson).isEmpty()) {
			return "The field '" + path(jackson) + "' is not valid.";
		}
		return "The request body is missing or not readable as JSON.";
	}

	private static String path(JacksonException e) {
		return e.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static String slug(String reason) {
		return reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	private static HttpHeaders problemHeaders(HttpHeaders headers) {
		HttpHeaders copy = new HttpHeaders();
		if (headers != null) {
			copy.putAll(headers);
		}
		copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return copy;
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}
}
