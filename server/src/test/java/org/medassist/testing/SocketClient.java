package org.medassist.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/** A patient's WebSocket connection to {@code /ws/consultations/{id}}, collecting the frames it receives. */
public final class SocketClient implements AutoCloseable {

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private SocketClient(String base, String consultationId, String handshakeToken) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		if (handshakeToken != null) {
			builder.header("Authorization", "Bearer " + handshakeToken);
		}
		String url = base.replaceFirst("^http", "ws") + "/ws/consultations/" + consultationId;
		this.socket = builder.buildAsync(URI.create(url), new Listener()).join();
	}

	public static SocketClient connect(String base, String consultationId) {
		return new SocketClient(base, consultationId, null);
	}

	public static SocketClient connectWithHeader(String base, String consultationId, String token) {
		return new SocketClient(base, consultationId, token);
	}

	public void send(String json) {
		socket.sendText(json, true).join();
	}

	public void auth(String token) {
		send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
	}

	public void message(String text, String clientMessageId) {
		send(PatientClient.JSON.writeValueAsString(
				java.util.Map.of("type", "message", "text", text, "clientMessageId", clientMessageId)));
	}

	/** The next frame, waiting up to {@code timeout}; fails if none arrives. */
	public JsonNode next(Duration timeout) {
		try {
			JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (frame == null) {
				throw new AssertionError("no frame within " + timeout);
			}
			return frame;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public JsonNode next() {
		return next(Duration.ofSeconds(30));
	}

	/** The next frame of the given type, skipping others. */
	public JsonNode nextOfType(String type) {
		while (true) {
			JsonNode frame = next();
			if (type.equals(frame.path("type").asString())) {
				return frame;
			}
		}
	}

	/** The close code the server sent, waiting up to 10 s. */
	public int closeCode() {
		return closed.orTimeout(10, TimeUnit.SECONDS).join();
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				frames.add(PatientClient.JSON.readTree(partial.toString()));
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.completeExceptionally(error);
		}
	}
}
