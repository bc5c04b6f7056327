package org.medassist.fhir.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OAuth2 token endpoint for the tests (JDK HttpServer): client credentials with a secret in HTTP Basic, or a
 * SMART Backend Services JWT assertion checked against the client's public key. Issued tokens are handed to the
 * stand-in EHR, which accepts only those.
 */
final class StandInTokenServer implements AutoCloseable {

	private final HttpServer server;

	private final StandInEhr ehr;

	private final Map<String, String> secrets = new HashMap<>();

	private final Map<String, RSAPublicKey> keys = new HashMap<>();

	/** The grant of each request served: "secret:<client>" or "jwt:<client>", or "refused". */
	final List<String> grants = new CopyOnWriteArrayList<>();

	StandInTokenServer(StandInEhr ehr) throws IOException {
		this.ehr = ehr;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/token", this::token);
		server.start();
	}

	StandInTokenServer client(String id, String secret) {
		secrets.put(id, secret);
		return this;
	}

	StandInTokenServer client(String id, RSAPublicKey key) {
		keys.put(id, key);
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String grant = grant(exchange, form);
		grants.add(grant == null ? "refused" : grant);
		if (grant == null || !"client_credentials".equals(form.get("grant_type"))) {
			reply(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String token = "tok-" + UUID.randomUUID();
		ehr.acceptedTokens.add(token);
		reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":300,"
				+ "\"scope\":\"" + form.getOrDefault("scope", "") + "\"}");
	}

	private String grant(HttpExchange exchange, Map<String, String> form) {
		String basic = exchange.getRequestHeaders().getFirst("Authorization");
		if (basic != null && basic.startsWith("Basic ")) {
			String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
			String client = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
			String secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
			return secret.equals(secrets.get(client)) ? "secret:" + client : null;
		}
		String assertion = form.get("client_assertion");
		if (assertion == null
				|| !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
			return null;
		}
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			String client = jwt.getJWTClaimsSet().getIssuer();
			RSAPublicKey key = keys.get(client);
			boolean valid = key != null && jwt.verify(new RSASSAVerifier(key))
					&& client.equals(jwt.getJWTClaimsSet().getSubject())
					&& jwt.getJWTClaimsSet().getAudience().contains(url())
					&& jwt.getJWTClaimsSet().getExpirationTime().after(new java.util.Date())
					&& "RS384".equals(jwt.getHeader().getAlgorithm().getName());
			return valid ? "jwt:" + client : null;
		}
		catch (Exception e) {
			return null;
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] kv = pair.split("=", 2);
			if (kv.length == 2) {
				form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void reply(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
