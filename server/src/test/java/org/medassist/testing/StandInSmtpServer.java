package org.medassist.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in mail server speaking enough SMTP (RFC 5321) for a client to deliver to it: greeting, EHLO/HELO,
 * MAIL, RCPT, DATA with dot-stuffing, QUIT. Every message it accepts is kept for the test to read.
 */
public final class StandInSmtpServer implements AutoCloseable {

	public record Mail(String from, List<String> to, String data) {
	}

	private final ServerSocket server;

	private final BlockingQueue<Mail> received = new LinkedBlockingQueue<>();

	public StandInSmtpServer() {
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		Thread acceptor = new Thread(this::accept, "stand-in-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	public Mail next(int seconds) throws InterruptedException {
		return received.poll(seconds, TimeUnit.SECONDS);
	}

	private void accept() {
		while (!server.isClosed()) {
			try (Socket client = server.accept()) {
				converse(client);
			}
			catch (IOException e) {
				// a client went away, or the server closed
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
		PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
		reply(out, "220 localhost stand-in SMTP");
		String from = null;
		List<String> to = new ArrayList<>();
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
			switch (command) {
				case "EHLO", "HELO" -> reply(out, "250 localhost");
				case "MAIL" -> {
					from = line.substring(line.indexOf(':') + 1).strip();
					to = new ArrayList<>();
					reply(out, "250 OK");
				}
				case "RCPT" -> {
					to.add(line.substring(line.indexOf(':') + 1).strip());
					reply(out, "250 OK");
				}
				case "DATA" -> {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
						data.append(body.startsWith("..") ? body.substring(1) : body).append('\n');
					}
					received.add(new Mail(from, List.copyOf(to), data.toString()));
					reply(out, "250 OK: queued");
				}
				case "QUIT" -> {
					reply(out, "221 Bye");
					return;
				}
				default -> reply(out, "250 OK");
			}
		}
	}

	private static void reply(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}
}
