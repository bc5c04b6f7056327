package org.medassist.consultation.internal;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.Consultations;
import org.medassist.consultation.MessageView;
import org.medassist.consultation.PatientMessage;
import org.medassist.consultation.TurnListener;
import org.medassist.consultation.TurnView;
import org.medassist.platform.MedAssistException;
import org.medassist.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation over a WebSocket at {@code /ws/consultations/{id}}.
 *
 * <p>Protocol (JSON text frames). The client authenticates first, with {@code Authorization: Bearer} on the
 * handshake or, from a browser, with a first frame {@code {"type":"auth","token":"ct_..."}}; the server answers
 * {@code {"type":"state","consultation":{...}}} (the whole consultation: a reconnecting client resumes from it).
 * Then for each {@code {"type":"message","text":"...","clientMessageId":"uuid"}} the server streams
 * {@code ack} (the message is durable), {@code typing}, one {@code message} frame per assistant message, and
 * {@code turn} (status, next question, disposition), exactly as the REST endpoint answers. Errors are
 * {@code {"type":"error","problem":{...}}} (RFC 9457 fields); authentication failures also close the socket
 * (4401 bad token, 4404 another consultation's token).
 */
@Component
class ConsultationSocket extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(ConsultationSocket.class);

	private static final String ACCESS = "access";

	static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "unauthenticated");
	static final CloseStatus NOT_FOUND = new CloseStatus(4404, "consultation not found");

	private final Consultations consultations;
	private final PatientTokenAuthentication tokens;
	/** The patients connected to this instance, by consultation: they see the nurse's decision at once. */
	private final Map<UUID, Set<WebSocketSession>> connected = new ConcurrentHashMap<>();
	private final JsonMapper json;

	ConsultationSocket(Consultations consultations, PatientTokenAuthentication tokens, JsonMapper json) {
		this.consultations = consultations;
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		String header = session.getHandshakeHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			authenticate(session, header.substring(7).trim());
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage frame) throws Exception {
		UUID id = consultationId(session);
		if (id == null) {
			fail(session, Problems.of(HttpStatus.NOT_FOUND, "consultation-not-found", "Unknown consultation."),
					NOT_FOUND);
			return;
		}
		MDC.put(ConsultationService.MDC_CONSULTATION, id.toString());
		MDC.put(Problems.CORRELATION_ID, UUID.randomUUID().toString());
		try {
			JsonNode request = json.readTree(frame.getPayload());
			String type = request.path("type").asString("");
			ConsultationAccess access = (ConsultationAccess) session.getAttributes().get(ACCESS);
			if ("auth".equals(type)) {
				authenticate(session, request.path("token").asString(""));
			}
			else if (access == null) {
				fail(session, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
						"Authenticate first: send {\"type\":\"auth\",\"token\":\"<access token>\"}."), UNAUTHENTICATED);
			}
			else if ("message".equals(type)) {
				receive(session, access, request);
			}
			else {
				send(session, error(Problems.of(HttpStatus.BAD_REQUEST, "invalid-frame",
						"Unknown frame type: expected 'auth' or 'message'.")));
			}
		}
		catch (JacksonException e) {
			send(session, error(Problems.of(HttpStatus.BAD_REQUEST, "invalid-frame", "The frame is not valid JSON.")));
		}
		catch (MedAssistException e) {
			send(session, error(Problems.of(e)));
		}
		catch (RuntimeException e) {
			log.error("Unexpected error on a consultation socket: {}", Problems.describeWithoutMessages(e));
			send(session, error(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
					"Something went wrong on our side; please send the message again.")));
		}
		finally {
			MDC.clear();
		}
	}

	private void receive(WebSocketSession session, ConsultationAccess access, JsonNode request) throws IOException {
		JsonNode textNode = request.get("text");
		if (textNode != null && !textNode.isString() && !textNode.isNull()) {
			send(session, error(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request-body",
					"The field 'text' has the wrong type.")));
			return;
		}
		UUID clientMessageId;
		try {
			String raw = request.path("clientMessageId").asString(null);
			clientMessageId = raw == null ? null : UUID.fromString(raw);
		}
		catch (IllegalArgumentException e) {
			send(session, error(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request-body",
					"The field 'clientMessageId' must be a UUID.")));
			return;
		}
		PatientMessage message = new PatientMessage(textNode == null || textNode.isNull() ? null : textNode.asString(),
				clientMessageId);
		TurnView turn = consultations.receive(access, access.consultationId(), message, new TurnListener() {
			@Override
			public void acknowledged(MessageView patientMessage) {
				sendQuietly(session, frame("ack", "clientMessageId", patientMessage.clientMessageId(), "message",
						patientMessage));
			}

			@Override
			public void replying() {
				sendQuietly(session, frame("typing"));
			}
		});
		for (MessageView reply : turn.messages()) {
			send(session, frame("message", "message", reply));
		}
		send(session, frame("turn", "inReplyTo", clientMessageId, "turn", turn));
	}

	private void authenticate(WebSocketSession session, String token) throws IOException {
		ConsultationAccess access = tokens.resolve(token);
		if (access == null) {
			fail(session, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "The access token is not valid."),
					UNAUTHENTICATED);
			return;
		}
		UUID requested = consultationId(session);
		if (requested == null || !access.consultationId().value().equals(requested)) {
			fail(session, Problems.of(HttpStatus.NOT_FOUND, "consultation-not-found",
					"There is no consultation " + requested + "."), NOT_FOUND);
			return;
		}
		session.getAttributes().put(ACCESS, access);
		connected.computeIfAbsent(requested, c -> ConcurrentHashMap.newKeySet()).add(session);
		send(session, frame("state", "consultation",
				consultations.view(access, new ConsultationId(requested))));
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		UUID id = consultationId(session);
		if (id != null) {
			Set<WebSocketSession> sessions = connected.get(id);
			if (sessions != null) {
				sessions.remove(session);
				if (sessions.isEmpty()) {
					connected.remove(id, sessions);
				}
			}
		}
	}

	/**
	 * The nurse decided: patients connected here get the new state (status REVIEWED, the nurse's instructions) as
	 * it happens. {@link ReviewPushes} calls this on every instance.
	 */
	void pushState(UUID consultationId) {
		for (WebSocketSession session : connected.getOrDefault(consultationId, Set.of())) {
			if (session.getAttributes().get(ACCESS) instanceof ConsultationAccess access) {
				try {
					sendQuietly(session, frame("state", "consultation",
							consultations.view(access, new ConsultationId(consultationId))));
				}
				catch (RuntimeException e) {
					log.debug("Could not push the reviewed state to a consultation socket");
				}
			}
		}
	}

	private static UUID consultationId(WebSocketSession session) {
		URI uri = session.getUri();
		if (uri == null) {
			return null;
		}
		String path = uri.getPath();
		try {
			return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private Map<String, Object> error(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return frame("error", "problem", body);
	}

	private void fail(WebSocketSession session, ProblemDetail problem, CloseStatus close) throws IOException {
		send(session, error(problem));
		session.close(close);
	}

	private static Map<String, Object> frame(String type, Object... fields) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			frame.put((String) fields[i], fields[i + 1]);
		}
		return frame;
	}

	private void send(WebSocketSession session, Map<String, Object> frame) throws IOException {
		// A session must not be written by two threads at once (a turn and a pushed review).
		synchronized (session) {
			if (session.isOpen()) {
				session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
			}
		}
	}

	private void sendQuietly(WebSocketSession session, Map<String, Object> frame) {
		try {
			send(session, frame);
		}
		catch (IOException | IllegalStateException e) {
			// The client went away; the turn goes on and the client gets it on resume.
			log.debug("Could not push a frame to a consultation socket");
		}
	}
}
