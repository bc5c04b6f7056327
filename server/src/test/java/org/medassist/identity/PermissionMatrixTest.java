package org.medassist.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, asserted over HTTP against the running application: every endpoint the application
 * declares × every role × (the caller's own object, another patient's object, another clinic's object). The
 * endpoint list is read from the application itself, so a new endpoint without an entry here fails the test.
 *
 * <p>Outcomes: {@code ALLOW} (the security layer let the request through; the endpoint may still answer 400 or a
 * login failure), {@code DENY} (401 {@code unauthenticated} or 403 {@code forbidden}), {@code HIDDEN} (404: the
 * object is not the caller's to know about).
 */
@ManyLogins // the matrix logs in dozens of times from one address; the rate limit is not its subject
class PermissionMatrixTest extends ApplicationTest {

	enum Caller {
		ANONYMOUS, PATIENT, NURSE, PHYSICIAN, CLINIC_ADMIN, AUDITOR
	}

	enum Scope {
		OWN, OTHER_PATIENT, OTHER_CLINIC
	}

	enum Outcome {
		ALLOW, DENY, HIDDEN
	}

	/** What a request needs: its objects and the callers' tokens. */
	record Fixture(Map<Caller, String> tokens, Map<Scope, String> consultations, Map<Scope, String> staffAccounts,
			Map<Scope, String> knowledgeDocuments) {
	}

	record Entry(BiFunction<Caller, Scope, Outcome> rule, Function<Fixture, String> body, boolean last) {
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private static final Set<Caller> STAFF = Set.of(Caller.NURSE, Caller.PHYSICIAN, Caller.CLINIC_ADMIN, Caller.AUDITOR);

	private static final Set<Caller> CLINICAL = Set.of(Caller.NURSE, Caller.PHYSICIAN);

	/** The matrix. Keys are "METHOD pattern" exactly as the application maps them. */
	private static Map<String, Entry> matrix() {
		Map<String, Entry> m = new LinkedHashMap<>();
		// Patients
		m.put("POST /api/v1/consultations", entry((c, s) -> Outcome.ALLOW, f -> "{\"clinic\":\"demo\"}"));
		m.put("GET /api/v1/consultations/{id}", entry((c, s) -> {
			if (c == Caller.PATIENT) {
				return s == Scope.OWN ? Outcome.ALLOW : Outcome.HIDDEN;
			}
			if (CLINICAL.contains(c)) {
				return s == Scope.OTHER_CLINIC ? Outcome.HIDDEN : Outcome.ALLOW;
			}
			return Outcome.DENY;
		}, null));
		BiFunction<Caller, Scope, Outcome> ownPatientOnly = (c, s) -> c != Caller.PATIENT ? Outcome.DENY
				: s == Scope.OWN ? Outcome.ALLOW : Outcome.HIDDEN;
		m.put("POST /api/v1/consultations/{id}/consent", entry(ownPatientOnly, f -> "{\"accepted\":true}"));
		m.put("POST /api/v1/consultations/{id}/messages", entry(ownPatientOnly,
				f -> "{\"text\":\"I have a sore throat\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}"));
		// Staff authentication
		m.put("POST /api/v1/auth/login", entry((c, s) -> Outcome.ALLOW,
				f -> "{\"clinic\":\"demo\",\"username\":\"nobody\",\"password\":\"wrong-password\"}"));
		m.put("POST /api/v1/auth/refresh", entry((c, s) -> Outcome.ALLOW, f -> "{\"refreshToken\":\"rt_none\"}"));
		m.put("GET /.well-known/jwks.json", entry((c, s) -> Outcome.ALLOW, null));
		// The web app's screens (one page; each API call it makes is checked on its own)
		for (String screen : List.of("/", "/c/{consultation}", "/nurse", "/nurse/**", "/admin", "/admin/**")) {
			m.put("GET " + screen, entry((c, s) -> Outcome.ALLOW, null));
		}
		// A clinic's public face for its patients' page: name and emergency number, for anyone.
		m.put("GET /api/v1/clinics/{clinic}", entry((c, s) -> Outcome.ALLOW, null));
		// Open to all; this application has no OpenID provider configured, so the answer is 404 (OidcLoginTest
		// covers a configured one).
		m.put("GET /api/v1/auth/oidc/{clinic}", entry((c, s) -> Outcome.HIDDEN, null));
		m.put("POST /api/v1/auth/oidc/login", entry((c, s) -> Outcome.HIDDEN,
				f -> "{\"clinic\":\"demo\",\"code\":\"c\",\"codeVerifier\":\"v\",\"redirectUri\":\"r\",\"nonce\":\"n\"}"));
		m.put("POST /api/v1/auth/mfa/enrolment", entry((c, s) -> Outcome.DENY, f -> "{}"));
		m.put("POST /api/v1/auth/mfa/enrolment/confirm", entry((c, s) -> Outcome.DENY, f -> "{\"code\":\"123456\"}"));
		BiFunction<Caller, Scope, Outcome> anyStaff = (c, s) -> STAFF.contains(c) ? Outcome.ALLOW : Outcome.DENY;
		m.put("GET /api/v1/auth/me", entry(anyStaff, null));
		// Empty bodies (400): a wrong password here would count towards locking the demo accounts.
		m.put("POST /api/v1/auth/reauthenticate", entry(anyStaff, f -> "{}"));
		m.put("POST /api/v1/auth/password", entry(anyStaff, f -> "{}"));
		// Runs last, scope by scope: the first call logs the caller out, so their token is refused afterwards.
		m.put("POST /api/v1/auth/logout", new Entry((c, s) -> STAFF.contains(c) && s == Scope.OWN ? Outcome.ALLOW
				: Outcome.DENY, f -> "", true));
		// Clinic administration
		BiFunction<Caller, Scope, Outcome> admin = (c, s) -> c != Caller.CLINIC_ADMIN ? Outcome.DENY
				: s == Scope.OTHER_CLINIC ? Outcome.HIDDEN : Outcome.ALLOW;
		m.put("GET /api/v1/admin/staff", entry((c, s) -> c == Caller.CLINIC_ADMIN ? Outcome.ALLOW : Outcome.DENY, null));
		m.put("POST /api/v1/admin/staff", entry((c, s) -> c == Caller.CLINIC_ADMIN ? Outcome.ALLOW : Outcome.DENY,
				f -> "{\"username\":\"m-" + UUID.randomUUID().toString().substring(0, 8)
						+ "\",\"role\":\"NURSE\",\"password\":\"a-long-enough-pass-phrase\"}"));
		m.put("PATCH /api/v1/admin/staff/{id}", entry(admin, f -> "{\"disabled\":false}"));
		m.put("POST /api/v1/admin/staff/{id}/mfa-reset", entry(admin, f -> ""));
		BiFunction<Caller, Scope, Outcome> adminOnly = (c, s) -> c == Caller.CLINIC_ADMIN ? Outcome.ALLOW : Outcome.DENY;
		m.put("GET /api/v1/admin/reason-codes", entry(adminOnly, null));
		m.put("PUT /api/v1/admin/reason-codes", entry(adminOnly,
				f -> "[{\"code\":\"CLINICAL_JUDGEMENT\",\"label\":\"Clinical judgement\",\"active\":true},"
						+ "{\"code\":\"RED_FLAG_NOT_CONFIRMED\",\"label\":\"Red flag not confirmed\",\"active\":true}]"));
		m.put("GET /api/v1/admin/clinic", entry(adminOnly, null));
		m.put("PUT /api/v1/admin/clinic", entry(adminOnly, f -> "{\"name\":\"MedAssist Demo Clinic\",\"emergencyNumber\":\"911\"}"));
		m.put("GET /api/v1/admin/review-targets", entry(adminOnly, null));
		m.put("PUT /api/v1/admin/review-targets", entry(adminOnly, f -> "{\"EMERGENCY\":\"PT2M\"}"));
		m.put("GET /api/v1/admin/working-hours", entry(adminOnly, null));
		m.put("PUT /api/v1/admin/working-hours", entry(adminOnly, f -> "{\"timeZone\":\"UTC\",\"days\":[\"MONDAY\","
				+ "\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"opens\":\"08:00\",\"closes\":\"18:00\"}"));
		// The clinic's guidance documents: admins; another clinic's document is not there. The bodies are refused
		// (400) after the security layer, so nothing is stored; DELETE comes after GET and PUT of the same objects.
		m.put("GET /api/v1/admin/knowledge/documents", entry(adminOnly, null));
		m.put("POST /api/v1/admin/knowledge/documents", entry(adminOnly, f -> "{}"));
		m.put("GET /api/v1/admin/knowledge/documents/{id}", entry(admin, null));
		m.put("PUT /api/v1/admin/knowledge/documents/{id}", entry(admin, f -> "{}"));
		m.put("DELETE /api/v1/admin/knowledge/documents/{id}", entry(admin, null));
		// Guideline search: clinical staff, admins and patients (patient-facing documents only); not auditors. No
		// 'q': a 400 after the security layer.
		m.put("GET /api/v1/knowledge/search", entry((c, s) -> c == Caller.ANONYMOUS || c == Caller.AUDITOR
				? Outcome.DENY : Outcome.ALLOW, null));
		// The review queue: nurses and physicians of the clinic; another clinic's case is not there.
		BiFunction<Caller, Scope, Outcome> clinicalList = (c, s) -> CLINICAL.contains(c) ? Outcome.ALLOW : Outcome.DENY;
		BiFunction<Caller, Scope, Outcome> clinicalCase = (c, s) -> !CLINICAL.contains(c) ? Outcome.DENY
				: s == Scope.OTHER_CLINIC ? Outcome.HIDDEN : Outcome.ALLOW;
		m.put("GET /api/v1/review/queue", entry(clinicalList, null));
		m.put("GET /api/v1/notifications/dashboard", entry(clinicalList, null)); // a stream: see send()
		m.put("GET /api/v1/review/reason-codes", entry(clinicalList, null));
		m.put("GET /api/v1/review/analytics", entry(clinicalList, null));
		m.put("GET /api/v1/review/{consultationId}", entry(clinicalCase, null));
		m.put("POST /api/v1/review/{consultationId}/claim", entry(clinicalCase, f -> ""));
		m.put("POST /api/v1/review/{consultationId}/release", entry(clinicalCase, f -> ""));
		m.put("POST /api/v1/review/{consultationId}/second-opinion", entry(clinicalCase, f -> "{}"));
		m.put("POST /api/v1/review/{consultationId}/decision", entry(clinicalCase, f -> "{}"));
		// FHIR: the consultation as a bundle and its EHR export, for clinical staff of its clinic
		m.put("GET /api/v1/consultations/{id}/fhir", entry(clinicalCase, null));
		m.put("GET /api/v1/consultations/{id}/fhir/export", entry(clinicalCase, null));
		m.put("GET /api/v1/consultations/{id}/fhir/patient-context", entry(clinicalCase, null));
		m.put("POST /api/v1/consultations/{id}/fhir/export", entry(clinicalCase, f -> "")); // 409: not decided
		m.put("PUT /api/v1/consultations/{id}/fhir/patient",
				entry(clinicalCase, f -> "{\"system\":\"urn:oid:2.16.840.1.113883.2.4.6.3\",\"value\":\"999999990\"}"));
		// Audit
		BiFunction<Caller, Scope, Outcome> auditor = (c, s) -> c == Caller.AUDITOR ? Outcome.ALLOW : Outcome.DENY;
		m.put("GET /api/v1/audit/events", entry(auditor, null));
		m.put("GET /api/v1/audit/export", entry(auditor, null));
		m.put("GET /api/v1/audit/export/fhir", entry(auditor, null));
		m.put("GET /api/v1/audit/verify", entry(auditor, null));
		return m;
	}

	private static Entry entry(BiFunction<Caller, Scope, Outcome> rule, Function<Fixture, String> body) {
		return new Entry(rule, body, false);
	}

	@Test
	void everyEndpointHasAnEntryAndEveryEntryIsAnEndpoint() {
		Set<String> declared = endpoints();
		assertThat(new TreeSet<>(matrix().keySet())).as("the matrix lists exactly the application's endpoints")
			.isEqualTo(new TreeSet<>(declared));
	}

	@Test
	void everyRoleGetsExactlyWhatTheMatrixSaysForEveryObject() {
		Fixture fixture = fixture();
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		List<Map.Entry<String, Entry>> ordered = new ArrayList<>(matrix().entrySet());
		ordered.sort((a, b) -> Boolean.compare(a.getValue().last(), b.getValue().last()));
		for (Map.Entry<String, Entry> endpoint : ordered) {
			String method = endpoint.getKey().split(" ")[0];
			String pattern = endpoint.getKey().split(" ")[1];
			for (Caller caller : Caller.values()) {
				for (Scope scope : Scope.values()) {
					String path = pattern.replaceAll("\\{[a-zA-Z]+\\}", objectFor(pattern, scope, fixture)).replace("**", "any-screen");
					Function<Fixture, String> body = endpoint.getValue().body();
					Reply reply = path.equals("/api/v1/notifications/dashboard")
							? openStream(path, fixture.tokens().get(caller))
							: staff.send(method, path, body == null ? null : body.apply(fixture),
									fixture.tokens().get(caller));
					Outcome expected = endpoint.getValue().rule().apply(caller, scope);
					Outcome actual = outcome(reply);
					checked++;
					if (actual != expected) {
						wrong.add("%s %s as %s on %s: expected %s, got %s (%d %s)".formatted(method, pattern, caller,
								scope, expected, actual, reply.status(), reply.problemType()));
					}
				}
			}
		}
		assertThat(wrong).as("cells of the permission matrix that disagree").isEmpty();
		assertThat(checked).isEqualTo(matrix().size() * Caller.values().length * Scope.values().length);
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE action = 'REVIEW_SETTINGS_CHANGED'")
			.query(Integer.class).single()).as("the admin's settings changes are audited").isGreaterThanOrEqualTo(2);
		assertThat(events.of(AccessDenied.class)).as("denials are reported for the audit trail")
			.anyMatch(e -> e.status() == 403 && "AUDITOR".equals(e.role()) && e.userId() != null)
			.anyMatch(e -> e.status() == 401 && e.userId() == null);
	}

	/** An event stream never ends by itself: read the status (and a refusal's body), then hang up. */
	private Reply openStream(String path, String token) {
		try {
			java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
				.send(patient.request(path, token).GET().build(),
						java.net.http.HttpResponse.BodyHandlers.ofInputStream());
			try (java.io.InputStream body = response.body()) {
				if (response.statusCode() == 200) {
					return new Reply(200, "text/event-stream", "", null);
				}
				String raw = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				return new Reply(response.statusCode(), "application/problem+json", raw,
						raw.isEmpty() ? null : org.medassist.testing.PatientClient.JSON.readTree(raw));
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Outcome outcome(Reply reply) {
		String type = reply.problemType();
		if ((reply.status() == 401 && "urn:medassist:problem:unauthenticated".equals(type))
				|| (reply.status() == 403 && "urn:medassist:problem:forbidden".equals(type))) {
			return Outcome.DENY;
		}
		if (reply.status() == 404) {
			return Outcome.HIDDEN;
		}
		if (reply.status() >= 500) {
			throw new AssertionError("server error " + reply.raw());
		}
		return Outcome.ALLOW;
	}

	private static String objectFor(String pattern, Scope scope, Fixture fixture) {
		if (pattern.contains("{clinic}")) {
			return scope == Scope.OTHER_CLINIC ? "other" : "demo";
		}
		if (pattern.startsWith("/api/v1/admin/knowledge")) {
			return fixture.knowledgeDocuments().get(scope);
		}
		return pattern.startsWith("/api/v1/admin/staff") ? fixture.staffAccounts().get(scope)
				: fixture.consultations().get(scope);
	}

	private Fixture fixture() {
		// Completed consultations, so that each is also a case in its clinic's review queue.
		Session own = completed("demo");
		Session otherPatient = completed("demo");
		Session otherClinic = completed("other");
		Map<Caller, String> tokens = new EnumMap<>(Caller.class);
		tokens.put(Caller.PATIENT, own.token());
		tokens.put(Caller.NURSE, staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken());
		tokens.put(Caller.PHYSICIAN, staff.loginDemo("demo", "physician", "physician-demo-password").accessToken());
		tokens.put(Caller.CLINIC_ADMIN, staff.loginDemo("demo", "admin", "admin-demo-password").accessToken());
		tokens.put(Caller.AUDITOR, staff.loginDemo("demo", "auditor", "auditor-demo-password").accessToken());
		// Accounts an admin may act on: one of the admin's clinic (made for the purpose), one of another clinic.
		Reply target = staff.post("/api/v1/admin/staff",
				"{\"username\":\"matrix-target\",\"role\":\"NURSE\",\"password\":\"a-long-enough-pass-phrase\"}",
				tokens.get(Caller.CLINIC_ADMIN));
		assertThat(target.status()).as(target.raw()).isEqualTo(201);
		String ownAccount = target.body().get("id").asString();
		String otherClinicAccount = database
			.sql("SELECT u.id::text FROM staff_user u JOIN clinic c ON c.id = u.clinic_id WHERE c.slug = 'other'"
					+ " AND u.username = 'nurse'")
			.query(String.class)
			.single();
		// Guidance documents: two of the admin's clinic (DELETE removes one per scope), one of another clinic.
		for (String[] doc : new String[][] { { "demo", "matrix-doc" }, { "demo", "matrix-doc-2" },
				{ "other", "matrix-other" } }) {
			database.sql("""
					INSERT INTO knowledge_document (clinic_id, id, version, title, media_type, content, content_sha256,
					    metadata, current, created_by, created_at)
					SELECT c.id, ?, 1, 'Matrix', 'text/plain', 'Some text.', 'x',
					    '{"audience":"patient","ageGroup":"all","language":"en","protocols":[]}', true, gen_random_uuid(), now()
					FROM clinic c WHERE c.slug = ?""").params(doc[1], doc[0]).update();
		}
		return new Fixture(tokens,
				Map.of(Scope.OWN, own.id(), Scope.OTHER_PATIENT, otherPatient.id(), Scope.OTHER_CLINIC, otherClinic.id()),
				Map.of(Scope.OWN, ownAccount, Scope.OTHER_PATIENT, ownAccount, Scope.OTHER_CLINIC, otherClinicAccount),
				Map.of(Scope.OWN, "matrix-doc", Scope.OTHER_PATIENT, "matrix-doc-2", Scope.OTHER_CLINIC, "matrix-other"));
	}

	private Session completed(String clinic) {
		Session session = patient.startAndConsent(clinic);
		patient.send(session, org.medassist.testing.ScriptedTriageEngine.DISPOSITION_PREFIX + "URGENT");
		return session;
	}

	private Set<String> endpoints() {
		Set<String> out = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.medassist")) {
				return; // framework endpoints (API docs, error page) are configured, not ours
			}
			for (var method : info.getMethodsCondition().getMethods()) {
				for (String pattern : info.getPatternValues()) {
					out.add(method.name() + " " + pattern);
				}
			}
		});
		return out;
	}
}
