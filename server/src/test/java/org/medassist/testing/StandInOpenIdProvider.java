package org.medassist.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a clinic's OpenID Connect provider, speaking the protocol over real HTTP: discovery, JWKS and
 * a token endpoint that redeems authorization codes (client authentication, redirect URI and PKCE S256 checked,
 * each code once). Tests register the code the browser would have brought back.
 */
public final class StandInOpenIdProvider implements AutoCloseable {

	public static final String CLIENT_ID = "medassist";

	public static final String CLIENT_SECRET = "stand-in-client-secret";

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	/** What the provider knows about a code it issued. */
	public record Grant(String username, String nonce, String codeChallenge, String redirectUri, List<String> amr,
			RSAKey signWith, String audience) {
	}

	public StandInOpenIdProvider() {
		try {
			key = new RSAKeyGenerator(2048).keyID("idp-" + UUID.randomUUID()).generate();
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException | JOSEException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
				 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
				 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer())));
		server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
		server.createContext("/token", this::token);
		server.start();
	}

	public String issuer() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public RSAKey key() {
		return key;
	}

	/** Registers a code as if the user had signed in at the provider; returns it. */
	public String issueCode(Grant grant) {
		String code = UUID.randomUUID().toString();
		codes.put(code, grant);
		return code;
	}

	public static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		String expectedAuth = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			json(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		Grant grant = codes.remove(form.getOrDefault("code", ""));
		if (grant == null || !"authorization_code".equals(form.get("grant_type"))
				|| !grant.redirectUri().equals(form.get("redirect_uri"))
				|| !grant.codeChallenge().equals(challenge(form.getOrDefault("code_verifier", "")))) {
			json(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject("idp-" + grant.username())
			.audience(grant.audience())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", grant.nonce())
			.claim("preferred_username", grant.username())
			.claim("amr", grant.amr())
			.build();
		RSAKey signer = grant.signWith() != null ? grant.signWith() : key;
		SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims);
		try {
			idToken.sign(new RSASSASigner(signer));
		}
		catch (JOSEException e) {
			throw new IOException(e);
		}
		json(exchange, 200, "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
				+ idToken.serialize() + "\"}");
	}

	private static Map<String, String> form(String body) {
		Map<String, String> out = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return out;
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
