package org.medassist.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.SocketClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The same conversation over the WebSocket, streamed frame by frame. */
class ConsultationSocketTest extends ApplicationTest {

	@Test
	void aPatientChatsOverTheSocketAndEachReplyIsStreamedAfterTheAcknowledgement() {
		Session session = patient.startAndConsent("demo");
		try (SocketClient socket = SocketClient.connect(patient.base(), session.id())) {
			socket.auth(session.token());
			JsonNode state = socket.nextOfType("state");
			assertThat(state.get("consultation").get("question").get("id").asString()).isEqualTo("main-concern");

			String clientMessageId = UUID.randomUUID().toString();
			socket.message("I burned my hand on the stove", clientMessageId);

			List<String> sequence = new ArrayList<>();
			JsonNode frame;
			do {
				frame = socket.next();
				sequence.add(frame.get("type").asString());
			}
			while (!"turn".equals(frame.get("type").asString()));

			assertThat(sequence).startsWith("ack", "typing").endsWith("turn");
			assertThat(sequence.subList(2, sequence.size() - 1)).isNotEmpty().containsOnly("message");
			JsonNode turn = frame.get("turn");
			assertThat(frame.get("inReplyTo").asString()).isEqualTo(clientMessageId);
			assertThat(turn.get("question").get("id").asString()).isEqualTo("onset");
			assertThat(turn.get("status").asString()).isEqualTo("IN_PROGRESS");
		}

		// What the socket said is what the REST API replays.
		JsonNode resumed = patient.get(session).body();
		assertThat(resumed.get("question").get("id").asString()).isEqualTo("onset");
		assertThat(resumed.get("messages").toString()).contains("I burned my hand on the stove");
	}

	@Test
	void theHandshakeMayCarryTheTokenInAHeader() {
		Session session = patient.startAndConsent("demo");
		try (SocketClient socket = SocketClient.connectWithHeader(patient.base(), session.id(), session.token())) {
			assertThat(socket.next().get("type").asString()).isEqualTo("state");
		}
	}

	@Test
	void aRetriedSocketMessageIsNotStoredTwice() {
		Session session = patient.startAndConsent("demo");
		String clientMessageId = UUID.randomUUID().toString();
		try (SocketClient socket = SocketClient.connect(patient.base(), session.id())) {
			socket.auth(session.token());
			socket.nextOfType("state");
			socket.message("Sore throat", clientMessageId);
			JsonNode first = socket.nextOfType("turn");
			socket.message("Sore throat", clientMessageId);
			JsonNode second = socket.nextOfType("turn");
			assertThat(second.get("turn")).isEqualTo(first.get("turn"));
		}
		assertThat(database.sql("SELECT count(*) FROM consultation_message WHERE consultation_id = ?::uuid"
				+ " AND author = 'PATIENT'").param(session.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void badFramesGetProblemsAndTheConversationGoesOn() {
		Session session = patient.startAndConsent("demo");
		String before = storedState(session.id());
		try (SocketClient socket = SocketClient.connect(patient.base(), session.id())) {
			socket.auth(session.token());
			socket.nextOfType("state");

			socket.send("{not json");
			assertThat(problem(socket.next()).get("detail").asString()).contains("not valid JSON");
			socket.message("   ", UUID.randomUUID().toString());
			assertThat(problem(socket.next()).get("type").asString()).endsWith("invalid-message-text");
			socket.send("{\"type\":\"message\",\"text\":\"hi\",\"clientMessageId\":\"nope\"}");
			assertThat(problem(socket.next()).get("detail").asString()).contains("clientMessageId");
			socket.send("{\"type\":\"message\",\"text\":12,\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
			assertThat(problem(socket.next()).get("detail").asString()).contains("'text'");
			socket.send("{\"type\":\"dance\"}");
			assertThat(problem(socket.next()).get("status").asInt()).isEqualTo(400);
			assertThat(storedState(session.id())).isEqualTo(before);

			socket.message("Still here", UUID.randomUUID().toString());
			assertThat(socket.nextOfType("turn").get("turn").get("status").asString()).isEqualTo("IN_PROGRESS");
		}
	}

	@Test
	void aMessageBeforeAuthenticationIsRefusedAndTheSocketClosed() {
		Session session = patient.startAndConsent("demo");
		String before = storedState(session.id());
		try (SocketClient socket = SocketClient.connect(patient.base(), session.id())) {
			socket.message("hello", UUID.randomUUID().toString());
			assertThat(problem(socket.next()).get("status").asInt()).isEqualTo(401);
			assertThat(socket.closeCode()).isEqualTo(4401);
		}
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void aWrongTokenClosesWith4401AndAnotherConsultationsTokenWith4404() {
		Session mine = patient.startAndConsent("demo");
		Session theirs = patient.startAndConsent("demo");
		try (SocketClient socket = SocketClient.connect(patient.base(), mine.id())) {
			socket.auth("ct_" + "B".repeat(43));
			assertThat(problem(socket.next()).get("status").asInt()).isEqualTo(401);
			assertThat(socket.closeCode()).isEqualTo(4401);
		}
		try (SocketClient socket = SocketClient.connect(patient.base(), mine.id())) {
			socket.auth(theirs.token());
			JsonNode problem = problem(socket.next());
			assertThat(problem.get("status").asInt()).isEqualTo(404);
			assertThat(socket.closeCode()).isEqualTo(4404);
		}
	}

	private static JsonNode problem(JsonNode frame) {
		assertThat(frame.get("type").asString()).isEqualTo("error");
		return frame.get("problem");
	}
}
