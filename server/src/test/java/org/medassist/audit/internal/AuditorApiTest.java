package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.StaffClient.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's API over HTTP: search by consultation, user, action and period within the auditor's own clinic,
 * a JSON export that re-verifies offline, the chain's state, and every one of these reads audited in turn.
 */
class AuditorApiTest extends ApplicationTest {

	private static final Map<Integer, Tokens[]> logins = new ConcurrentHashMap<>();

	private String auditor;

	private String nurse;

	@BeforeEach
	void login() {
		Tokens[] tokens = logins.computeIfAbsent(port,
				p -> new Tokens[] { staff.loginDemo("demo", "auditor", "auditor-demo-password"),
						staff.loginDemo("demo", "nurse", "nurse-demo-password") });
		auditor = tokens[0].accessToken();
		nurse = tokens[1].accessToken();
	}

	@Test
	void anAuditorFindsWhoReadAConsultationAndTheSearchIsItselfAudited() {
		Session session = patient.startAndConsent("demo");
		assertThat(staff.get("/api/v1/consultations/" + session.id(), nurse).status()).isEqualTo(200);
		Reply found = staff.get("/api/v1/audit/events?consultation=" + session.id() + "&action=CONSULTATION_VIEWED",
				auditor);
		assertThat(found.status()).as(found.raw()).isEqualTo(200);
		assertThat(found.body().get("count").asInt()).isEqualTo(1);
		JsonNode event = found.body().get("events").get(0);
		assertThat(event.get("objectId").asString()).isEqualTo(session.id());
		assertThat(event.get("role").asString()).isEqualTo("NURSE");
		assertThat(event.get("hash").asString()).hasSize(64);

		String nurseId = event.get("userId").asString();
		Reply byUser = staff.get("/api/v1/audit/events?user=" + nurseId + "&from=2020-01-01T00:00:00Z", auditor);
		assertThat(byUser.body().get("events").valueStream().map(e -> e.get("userId").asString()).distinct().toList())
			.containsExactly(nurseId);
		Reply latest = staff.get("/api/v1/audit/events?limit=2", auditor);
		assertThat(latest.body().get("events").get(0).get("seq").asLong())
			.as("newest first").isGreaterThan(latest.body().get("events").get(1).get("seq").asLong());
		Reply future = staff.get("/api/v1/audit/events?from=2999-01-01T00:00:00Z", auditor);
		assertThat(future.body().get("count").asInt()).isZero();

		Reply searches = staff.get("/api/v1/audit/events?action=AUDIT_SEARCHED", auditor);
		assertThat(searches.body().get("count").asInt()).as("the three searches before this one").isGreaterThanOrEqualTo(3);
	}

	@Test
	void anAuditorSeesOnlyTheirOwnClinic() {
		Session other = patient.startAndConsent("other");
		// The other clinic's nurse reads it: a record in the other clinic's chain.
		Tokens otherNurse = staff.loginDemo("other", "nurse", "other-demo-password");
		assertThat(staff.get("/api/v1/consultations/" + other.id(), otherNurse.accessToken()).status()).isEqualTo(200);
		Reply found = staff.get("/api/v1/audit/events?consultation=" + other.id(), auditor);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body().get("count").asInt()).isZero();
	}

	@Test
	void theExportIsADownloadThatVerifiesOffline() throws Exception {
		var response = HttpClient.newHttpClient().send(PatientClient.onPort(port)
			.request("/api/v1/audit/export", auditor).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
			.startsWith("attachment; filename=\"audit-demo-");
		JsonNode export = PatientClient.JSON.readTree(response.body());
		assertThat(export.get("clinic").asString()).isEqualTo("demo");
		JsonNode events = export.get("events");
		assertThat(events.size()).isPositive().isEqualTo(export.get("count").asInt());
		// Each exported record links to the one before it, as exported: the file can be checked without us.
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).get("prevHash").asString()).isEqualTo(events.get(i - 1).get("hash").asString());
		}
		Reply exports = staff.get("/api/v1/audit/events?action=AUDIT_EXPORTED", auditor);
		assertThat(exports.body().get("count").asInt()).isPositive();
	}

	@Test
	void theChainStateIsReportedAndTheCheckIsAudited() {
		Reply report = staff.get("/api/v1/audit/verify", auditor);
		assertThat(report.status()).as(report.raw()).isEqualTo(200);
		assertThat(report.body().get("chain").asString()).isEqualTo("demo");
		assertThat(report.body().get("intact").asBoolean()).isTrue();
		assertThat(report.body().get("firstBrokenSeq").isNull()).isTrue();
		assertThat(report.body().get("headSeq").asLong()).isPositive();
		Reply checks = staff.get("/api/v1/audit/events?action=AUDIT_VERIFIED", auditor);
		assertThat(checks.body().get("events").valueStream().map(e -> e.get("detail").asString())).contains("intact");
	}

	@Test
	void badParametersAreProblemsThatDoNotEchoTheValue() {
		Reply bad = staff.get("/api/v1/audit/events?user=not-a-uuid-" + UUID.randomUUID(), auditor);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.problemType()).isEqualTo("urn:medassist:problem:invalid-audit-query");
		assertThat(bad.raw()).doesNotContain("not-a-uuid");
		assertThat(staff.get("/api/v1/audit/events?limit=0", auditor).status()).isEqualTo(400);
		assertThat(staff.get("/api/v1/audit/events?from=yesterday", auditor).status()).isEqualTo(400);
		assertThat(staff.get("/api/v1/audit/events", nurse).status()).as("auditors only").isEqualTo(403);
	}
}
