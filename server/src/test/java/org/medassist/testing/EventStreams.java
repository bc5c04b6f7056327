package org.medassist.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reading a server-sent event stream (a dashboard's) in tests. */
public final class EventStreams {

	private EventStreams() {
	}

	/**
	 * Reads the stream until {@code marker} appears or {@code seconds} pass, and returns what was read: on time-out,
	 * what arrived, so that the caller's assertion says what is missing.
	 */
	public static String readUntil(InputStream body, String marker, int seconds) throws Exception {
		StringBuilder read = new StringBuilder();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			byte[] buffer = new byte[4096];
			try {
				int n;
				while (!snapshot(read).contains(marker) && (n = body.read(buffer)) > 0) {
					synchronized (read) {
						read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
					}
				}
			}
			catch (IOException e) {
				// The stream was closed: return what arrived.
			}
		});
		try {
			reader.get(seconds, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			// Return what arrived.
		}
		return snapshot(read);
	}

	private static String snapshot(StringBuilder read) {
		synchronized (read) {
			return read.toString();
		}
	}
}
