package org.medassist.fhir.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.medassist.fhir.internal.FhirProperties.Ehr;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import ca.uhn.fhir.context.FhirContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a clinic's EHR: an OAuth2 access token (client credentials with a secret, or SMART Backend Services
 * with a signed JWT assertion), cached until shortly before it expires, and the transaction POST. Failures are
 * reported as {@link EhrFailure} with a fixed, PHI-free description: an EHR's error body may echo patient data,
 * so it is never kept.
 */
@Component
class EhrClient {

	static final String FHIR_JSON = "application/fhir+json";

	private final FhirContext fhir;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	private final Duration timeout;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private record Token(String value, Instant expiresAt) {
	}

	EhrClient(FhirContext fhir, JsonMapper json, Clock clock, FhirProperties properties) {
		this.fhir = fhir;
		this.json = json;
		this.clock = clock;
		this.timeout = properties.export().timeout();
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A failed call. {@code retryable}: the EHR may accept the same bundle later. */
	static final class EhrFailure extends Exception {

		private final boolean retryable;

		EhrFailure(String safeDescription, boolean retryable) {
			super(safeDescription, null, false, false);
			this.retryable = retryable;
		}

		boolean retryable() {
			return retryable;
		}
	}

	/** Posts the transaction; returns once the EHR reports every entry filed (2xx). */
	void send(String clinic, Ehr ehr, Bundle bundle) throws EhrFailure {
		String body = fhir.newJsonParser().encodeResourceToString(bundle);
		HttpRequest.Builder request = HttpRequest.newBuilder(base(ehr.baseUrl())).timeout(timeout)
			.header("Content-Type", FHIR_JSON + "; charset=utf-8").header("Accept", FHIR_JSON)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (ehr.tokenUrl() != null) {
			request.header("Authorization", "Bearer " + token(clinic, ehr));
		}
		HttpResponse<String> response = call(request.build(), "EHR");
		int status = response.statusCode();
		if (status == 401) {
			tokens.remove(clinic); // a revoked or expired token: ask for a new one next time
			throw new EhrFailure("EHR refused the access token (HTTP 401)", true);
		}
		if (status == 408 || status == 429 || status >= 500) {
			throw new EhrFailure("EHR unavailable (HTTP " + status + ")", true);
		}
		if (status < 200 || status > 299) {
			throw new EhrFailure("EHR rejected the bundle (HTTP " + status + ")", false);
		}
		Bundle reply;
		try {
			reply = fhir.newJsonParser().parseResource(Bundle.class, response.body());
		}
		catch (RuntimeException e) {
			throw new EhrFailure("EHR answered with something other than a FHIR Bundle", true);
		}
		for (BundleEntryComponent entry : reply.getEntry()) {
			String entryStatus = entry.getResponse().getStatus();
			if (entryStatus == null || !entryStatus.strip().startsWith("2")) {
				throw new EhrFailure("EHR did not file every entry", false);
			}
		}
		if (reply.getType() != Bundle.BundleType.TRANSACTIONRESPONSE
				|| reply.getEntry().size() != bundle.getEntry().size()) {
			throw new EhrFailure("EHR answered with an incomplete transaction response", true);
		}
	}

	/** A search ({@code Condition?patient=Patient/1}) on the EHR; the answer must be a FHIR Bundle. */
	Bundle search(String clinic, Ehr ehr, String relativeUrl) throws EhrFailure {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(ehr.baseUrl()) + "/" + relativeUrl))
			.timeout(timeout).header("Accept", FHIR_JSON).GET();
		if (ehr.tokenUrl() != null) {
			request.header("Authorization", "Bearer " + token(clinic, ehr));
		}
		HttpResponse<String> response = call(request.build(), "EHR");
		if (response.statusCode() == 401) {
			tokens.remove(clinic);
		}
		if (response.statusCode() != 200) {
			throw new EhrFailure("EHR answered HTTP " + response.statusCode(), true);
		}
		try {
			return fhir.newJsonParser().parseResource(Bundle.class, response.body());
		}
		catch (RuntimeException e) {
			throw new EhrFailure("EHR answered with something other than a FHIR Bundle", true);
		}
	}

	private String token(String clinic, Ehr ehr) throws EhrFailure {
		Token cached = tokens.get(clinic);
		if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
			return cached.value();
		}
		Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("scope", ehr.scope());
		HttpRequest.Builder request = HttpRequest.newBuilder(ehr.tokenUrl()).timeout(timeout)
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
		if (ehr.smartBackendServices()) {
			form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
			form.put("client_assertion", assertion(ehr));
		}
		else {
			String basic = enc(ehr.clientId()) + ":" + enc(ehr.clientSecret() == null ? "" : ehr.clientSecret());
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = call(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				"token endpoint");
		if (response.statusCode() != 200) {
			throw new EhrFailure("token endpoint refused (HTTP " + response.statusCode() + ")",
					response.statusCode() >= 500 || response.statusCode() == 429);
		}
		try {
			JsonNode reply = json.readTree(response.body());
			String value = reply.path("access_token").asString(null);
			if (value == null || value.isBlank()) {
				throw new EhrFailure("token endpoint answered without an access token", true);
			}
			long expiresIn = reply.path("expires_in").asLong(300);
			// Renew a little early so that a token does not expire in flight.
			Token token = new Token(value, clock.instant().plusSeconds(Math.max(0, expiresIn - 30)));
			tokens.put(clinic, token);
			return token.value();
		}
		catch (RuntimeException e) {
			throw new EhrFailure("token endpoint answered with something other than JSON", true);
		}
	}

	/** SMART Backend Services: a short-lived JWT signed with the client's private key (RS384). */
	private String assertion(Ehr ehr) throws EhrFailure {
		try {
			String pem = ehr.privateKey().replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			Instant now = clock.instant();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ehr.clientId()).subject(ehr.clientId())
				.audience(ehr.tokenUrl().toString()).jwtID(UUID.randomUUID().toString())
				.expirationTime(Date.from(now.plusSeconds(240))).issueTime(Date.from(now)).build();
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS384).type(JOSEObjectType.JWT).keyID(ehr.keyId())
				.build();
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException | java.security.GeneralSecurityException | IllegalArgumentException e) {
			throw new EhrFailure("the SMART private key is not usable (configuration)", false);
		}
	}

	private HttpResponse<String> call(HttpRequest request, String what) throws EhrFailure {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.http.HttpTimeoutException e) {
			throw new EhrFailure(what + " timed out", true);
		}
		catch (IOException e) {
			throw new EhrFailure(what + " not reachable (" + e.getClass().getSimpleName() + ")", true);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new EhrFailure(what + " call interrupted", true);
		}
	}

	private static URI base(URI baseUrl) {
		String s = baseUrl.toString();
		return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
