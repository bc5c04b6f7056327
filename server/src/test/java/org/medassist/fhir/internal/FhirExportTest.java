package org.medassist.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ScriptedTriageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.uhn.fhir.context.FhirContext;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/**
 * The EHR connector against a real FHIR server (HAPI's RestfulServer, in process) behind a real OAuth2 token
 * endpoint: a decision reaches the EHR and reads back the same; an EHR that is down gets it later, exactly once
 * even when it filed a bundle whose answer was lost; bad answers never break a consultation; the export status is
 * visible to nurses; SMART Backend Services signs its assertion.
 */
@ManyLogins
class FhirExportTest extends ApplicationTest {

	private static final StandInEhr ehr = new StandInEhr();

	private static final StandInTokenServer tokens;

	private static final KeyPair smartKey;

	static {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			smartKey = generator.generateKeyPair();
			tokens = new StandInTokenServer(ehr).client("medassist-demo", "s3cret: with & odd=chars")
				.client("medassist-other", (RSAPublicKey) smartKey.getPublic());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static final Map<String, String> logins = new ConcurrentHashMap<>();

	private final FhirContext fhir = FhirContext.forR4Cached();

	@Autowired
	private ExportWorker worker;

	@DynamicPropertySource
	static void ehrs(DynamicPropertyRegistry registry) {
		registry.add("medassist.fhir.ehr.demo.base-url", ehr::baseUrl);
		registry.add("medassist.fhir.ehr.demo.token-url", tokens::url);
		registry.add("medassist.fhir.ehr.demo.client-id", () -> "medassist-demo");
		registry.add("medassist.fhir.ehr.demo.client-secret", () -> "s3cret: with & odd=chars");
		registry.add("medassist.fhir.ehr.other.base-url", ehr::baseUrl);
		registry.add("medassist.fhir.ehr.other.token-url", tokens::url);
		registry.add("medassist.fhir.ehr.other.client-id", () -> "medassist-other");
		registry.add("medassist.fhir.ehr.other.key-id", () -> "k1");
		registry.add("medassist.fhir.ehr.other.private-key",
				() -> "-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(smartKey.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		registry.add("medassist.fhir.export.poll-interval", () -> "100ms");
		registry.add("medassist.fhir.export.first-retry", () -> "100ms");
		registry.add("medassist.fhir.export.max-retry", () -> "400ms");
		registry.add("medassist.fhir.export.timeout", () -> "2s");
		registry.add("medassist.fhir.export.breaker-open", () -> "300ms");
	}

	@AfterAll
	static void stop() throws Exception {
		tokens.close();
		ehr.close();
	}

	@BeforeEach
	void ehrUp() {
		ehr.mode = StandInEhr.Mode.UP;
		ehr.readMode = StandInEhr.Mode.UP;
	}

	@Test
	void aDecisionReachesTheEhrAndReadsBackTheSame() throws Exception {
		String id = decided("demo", "URGENT", "{\"disposition\":\"ROUTINE\",\"reasonCode\":\"RED_FLAG_NOT_CONFIRMED\","
				+ "\"note\":\"Called back; settled.\"}");
		assertThat(database.sql("SELECT count(*) FROM fhir_export WHERE consultation_id = ?::uuid").param(id)
			.query(Integer.class).single()).as("queued in the decision's transaction").isEqualTo(1);
		awaitStatus(id, "SENT");

		Reply api = staff.get("/api/v1/consultations/" + id + "/fhir", nurse("demo"));
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.contentType()).startsWith("application/fhir+json");
		Bundle sent = fhir.newJsonParser().parseResource(Bundle.class, api.raw());
		assertFiledOnce(sent);

		Bundle found = get("/Encounter?identifier=" + URLEncoder.encode("urn:medassist:demo:consultation|" + id,
				StandardCharsets.UTF_8));
		assertThat(found.getEntry()).hasSize(1);
		Encounter encounter = (Encounter) found.getEntryFirstRep().getResource();
		Encounter ours = FhirBundleTest.only(sent, Encounter.class);
		assertThat(encounter.getPriority().getCodingFirstRep().getCode()).isEqualTo("R")
			.isEqualTo(ours.getPriority().getCodingFirstRep().getCode());
		assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
		assertThat(encounter.getClass_().getCode()).isEqualTo("VR");
		assertThat(encounter.getPeriod().getStart()).isEqualTo(ours.getPeriod().getStart());
		Task task = (Task) get("/Task?identifier=" + URLEncoder.encode("urn:medassist:demo:review|" + id,
				StandardCharsets.UTF_8)).getEntryFirstRep().getResource();
		assertThat(task.getEncounter().getReference()).as("urn:uuid references resolved by the EHR")
			.isEqualTo(encounter.getIdElement().toUnqualifiedVersionless().getValue());
		assertThat(task.getOutput()).extracting(o -> o.getType().getText()).containsExactly("Human disposition",
				"Override reason");
		assertThat(task.getNoteFirstRep().getText()).isEqualTo("Called back; settled.");
		assertThat(tokens.grants).contains("secret:medassist-demo");
		assertThat(database.sql("SELECT count(*) FROM audit_event WHERE action = 'CONSULTATION_VIEWED' AND object_id = ?")
			.param(id).query(Integer.class).single()).as("reading the bundle is an audited read of PHI").isEqualTo(1);
		assertThat(database.sql("SELECT outcome || ' ' || role || ' ' || detail FROM audit_event"
				+ " WHERE action = 'CONSULTATION_EXPORTED' AND object_id = ?").param(id).query(String.class).list())
			.as("the disclosure to the EHR is in the audit trail").containsExactly("SUCCESS SYSTEM fhir-ehr attempt 1");
		assertThat(staff.get("/api/v1/consultations/" + id + "/fhir", nurse("other")).status())
			.as("another clinic's case").isEqualTo(404);
	}

	@Test
	void anEhrThatIsDownGetsTheBundleLaterExactlyOnceEvenWhenAnAnswerIsLost() throws Exception {
		ehr.mode = StandInEhr.Mode.DOWN;
		String id = decided("demo", "EMERGENCY", "{\"disposition\":\"EMERGENCY\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode status = exportStatus(id);
			assertThat(status.get("status").asString()).isEqualTo("PENDING");
			assertThat(status.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
			assertThat(status.get("lastError").asString()).isEqualTo("EHR unavailable (HTTP 503)");
		});
		CircuitBreaker breaker = worker.breakerOf("demo");
		await().atMost(Duration.ofSeconds(20)).until(() -> breaker.getState() != CircuitBreaker.State.CLOSED
				|| breaker.getMetrics().getNumberOfNotPermittedCalls() > 0);
		int transactionsBefore = ehr.transactions.get();
		// The EHR comes back, files the bundle, and its answer is lost: the retry must file nothing new.
		ehr.mode = StandInEhr.Mode.LOSE_ANSWER_ONCE;
		awaitStatus(id, "SENT");
		assertThat(ehr.transactions.get() - transactionsBefore).as("filed, answer lost, filed again").isEqualTo(2);
		Bundle sent = fhir.newJsonParser().parseResource(Bundle.class,
				staff.get("/api/v1/consultations/" + id + "/fhir", nurse("demo")).raw());
		assertFiledOnce(sent);
	}

	@Test
	void badAnswersFromTheEhrNeverBreakAConsultationAndAreRetried() {
		for (StandInEhr.Mode mode : new StandInEhr.Mode[] { StandInEhr.Mode.GARBAGE, StandInEhr.Mode.WRONG_TYPE,
				StandInEhr.Mode.SLOW }) {
			ehr.mode = mode;
			Session session = completed("demo", "URGENT");
			String id = session.id();
			staff.post("/api/v1/review/" + id + "/claim", "", nurse("demo"));
			Reply decision = staff.post("/api/v1/review/" + id + "/decision", "{\"disposition\":\"URGENT\"}",
					nurse("demo"));
			assertThat(decision.status()).as(mode + ": the decision does not wait for the EHR").isEqualTo(200);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				JsonNode status = exportStatus(id);
				assertThat(status.get("attempts").asInt()).as(mode.name()).isGreaterThanOrEqualTo(1);
				assertThat(status.get("lastError").asString()).as(mode.name()).isEqualTo(switch (mode) {
					case SLOW -> "EHR timed out";
					case GARBAGE -> "EHR answered with something other than a FHIR Bundle";
					default -> "EHR answered with something other than a FHIR Bundle";
				});
			});
			assertThat(patient.get(session).body().get("status").asString()).as(mode.name()).isEqualTo("REVIEWED");
			ehr.mode = StandInEhr.Mode.UP;
			awaitStatus(id, "SENT");
		}
	}

	@Test
	void aRejectedBundleIsGivenUpAtOnceWithoutTheEhrsWords() {
		ehr.mode = StandInEhr.Mode.REJECT;
		String id = decided("demo", "SELF_CARE", "{\"disposition\":\"SELF_CARE\"}");
		awaitStatus(id, "FAILED");
		JsonNode status = exportStatus(id);
		assertThat(status.get("attempts").asInt()).isEqualTo(1);
		assertThat(status.get("lastError").asString()).isEqualTo("EHR rejected the bundle (HTTP 400)");
		assertThat(database.sql("SELECT last_error FROM fhir_export WHERE consultation_id = ?::uuid").param(id)
			.query(String.class).single()).doesNotContain("Jane");
		assertThat(database.sql("SELECT outcome FROM audit_event WHERE action = 'CONSULTATION_EXPORTED' AND object_id = ?")
			.param(id).query(String.class).list()).containsExactly("FAILURE");
		// Fixed at the EHR's end: a nurse sends it again, and it is delivered.
		ehr.mode = StandInEhr.Mode.UP;
		Reply resent = staff.post("/api/v1/consultations/" + id + "/fhir/export", "", nurse("demo"));
		assertThat(resent.status()).as(resent.raw()).isEqualTo(200);
		awaitStatus(id, "SENT");
		assertThat(exportStatus(id).get("attempts").asInt()).isEqualTo(1);
		Reply again = staff.post("/api/v1/consultations/" + id + "/fhir/export", "", nurse("demo"));
		assertThat(again.body().get("status").asString()).as("a delivered export stays delivered").isEqualTo("SENT");
	}

	@Test
	void smartBackendServicesSignsItsAssertionForTheOtherClinic() {
		String id = decided("other", "ROUTINE", "{\"disposition\":\"ROUTINE\"}");
		Reply before = staff.get("/api/v1/consultations/" + id + "/fhir/export", nurse("other"));
		assertThat(before.status()).isEqualTo(200);
		awaitStatus(id, "SENT", "other");
		assertThat(tokens.grants).contains("jwt:medassist-other");
		assertThat(ehr.matching("Encounter", "urn:medassist:other:consultation", id)).hasSize(1);
		assertThat(staff.get("/api/v1/consultations/" + id + "/fhir/export", nurse("demo")).status())
			.as("another clinic's case").isEqualTo(404);
	}

	@Test
	void retriesBackOffExponentiallyUpToTheLimit() {
		assertThat(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(worker::backoff).toList()).containsExactly(
				Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(400),
				Duration.ofMillis(400));
		assertThat(worker.backoff(200)).isEqualTo(Duration.ofMillis(400));
	}

	@Test
	void aCaseNotYetDecidedIsNotQueued() {
		String id = completed("demo", "URGENT").id();
		JsonNode status = exportStatus(id);
		assertThat(status.get("status").asString()).isEqualTo("NOT_QUEUED");
		Reply early = staff.post("/api/v1/consultations/" + id + "/fhir/export", "", nurse("demo"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.problemType()).isEqualTo("urn:medassist:problem:export-before-decision");
	}

	@Test
	void theNurseSeesTheLinkedPatientsContextAndTheExportFilesTheEhrsOwnPatient() {
		String mrn = "MRN-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String system = "urn:oid:2.16.840.1.113883.2.4.6.3";
		String patientId = seedPatient(system, mrn);
		String id = completed("demo", "URGENT").id();
		Reply linked = staff.send("PUT", "/api/v1/consultations/" + id + "/fhir/patient",
				"{\"system\":\"" + system + "\",\"value\":\"" + mrn + "\"}", nurse("demo"));
		assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
		assertThat(database.sql("SELECT value_encrypted FROM fhir_patient_link WHERE consultation_id = ?::uuid")
			.param(id).query(String.class).single()).as("the EHR identifier is encrypted at rest").doesNotContain(mrn);

		Reply context = staff.get("/api/v1/consultations/" + id + "/fhir/patient-context", nurse("demo"));
		assertThat(context.status()).as(context.raw()).isEqualTo(200);
		JsonNode body = context.body();
		assertThat(body.get("status").asString()).as(context.raw()).isEqualTo("OK");
		assertThat(body.at("/patient/name").asString()).isEqualTo("Jane Example");
		assertThat(body.at("/patient/birthDate").asString()).isEqualTo("1990-02-03");
		assertThat(body.get("allergies").get(0).asString()).isEqualTo("Penicillin");
		assertThat(body.get("medications").get(0).asString()).isEqualTo("Apixaban 5 mg tablets");
		assertThat(body.at("/riskModifiers/pregnancy").asBoolean()).isTrue();
		assertThat(body.at("/riskModifiers/anticoagulants").asBoolean()).isTrue();
		assertThat(body.at("/riskModifiers/chronicDisease").asBoolean()).isTrue();
		assertThat(body.at("/riskModifiers/immunosuppression").asBoolean()).isFalse();

		staff.post("/api/v1/review/" + id + "/claim", "", nurse("demo"));
		assertThat(staff.post("/api/v1/review/" + id + "/decision", "{\"disposition\":\"URGENT\"}", nurse("demo"))
			.status()).isEqualTo(200);
		awaitStatus(id, "SENT");
		assertThat(ehr.matching("Patient", system, mrn)).as("the EHR's own patient, not a copy").hasSize(1);
		Encounter encounter = (Encounter) ehr.matching("Encounter", "urn:medassist:demo:consultation", id).get(0);
		assertThat(encounter.getSubject().getReference()).isEqualTo(patientId);
	}

	@Test
	void badEhrAnswersAboutThePatientNeverBreakTheConsultation() {
		String mrn = "MRN-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		seedPatient("urn:oid:2.16.840.1.113883.2.4.6.3", mrn);
		Session session = completed("demo", "ROUTINE");
		String id = session.id();
		Reply bad = staff.send("PUT", "/api/v1/consultations/" + id + "/fhir/patient",
				"{\"system\":\"not a uri\",\"value\":\"" + mrn + "\"}", nurse("demo"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.problemType()).isEqualTo("urn:medassist:problem:invalid-patient-link");
		assertThat(database.sql("SELECT count(*) FROM fhir_patient_link WHERE consultation_id = ?::uuid").param(id)
			.query(Integer.class).single()).isZero();
		assertThat(staff.send("PUT", "/api/v1/consultations/" + id + "/fhir/patient",
				"{\"system\":\"urn:oid:2.16.840.1.113883.2.4.6.3\",\"value\":\"" + mrn + "\"}", nurse("demo")).status())
			.isEqualTo(200);
		Map<StandInEhr.Mode, String> expected = Map.of(StandInEhr.Mode.DOWN, "EHR_UNAVAILABLE", StandInEhr.Mode.GARBAGE,
				"EHR_UNAVAILABLE", StandInEhr.Mode.WRONG_TYPE, "PATIENT_NOT_FOUND", StandInEhr.Mode.SLOW,
				"EHR_UNAVAILABLE");
		expected.forEach((mode, status) -> {
			ehr.readMode = mode;
			Reply context = staff.get("/api/v1/consultations/" + id + "/fhir/patient-context", nurse("demo"));
			assertThat(context.status()).as(mode + ": " + context.raw()).isEqualTo(200);
			assertThat(context.body().get("status").asString()).as(mode + ": " + context.raw()).isEqualTo(status);
			assertThat(context.raw()).as("nothing of the EHR's answer is echoed").doesNotContain("weight");
			assertThat(patient.get(session).body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		});
		ehr.readMode = StandInEhr.Mode.UP;
		assertThat(staff.get("/api/v1/consultations/" + id + "/fhir/patient-context", nurse("demo")).body()
			.get("status").asString()).isEqualTo("OK");
	}

	/** The EHR's own record of a patient: a pregnancy, diabetes, an anticoagulant and an allergy. */
	private String seedPatient(String system, String mrn) {
		org.hl7.fhir.r4.model.Patient p = new org.hl7.fhir.r4.model.Patient();
		p.addIdentifier().setSystem(system).setValue(mrn);
		p.addName().setFamily("Example").addGiven("Jane");
		p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-02-03"));
		p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
		String id = ehr.seed(p);
		org.hl7.fhir.r4.model.Reference subject = new org.hl7.fhir.r4.model.Reference(id);
		ehr.seed(new org.hl7.fhir.r4.model.Condition().setSubject(subject).setCode(
				new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct",
						"77386006", "Pregnancy")).setText("Pregnancy, 20 weeks")));
		ehr.seed(new org.hl7.fhir.r4.model.Condition().setSubject(subject)
			.setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("Type 2 diabetes mellitus")));
		ehr.seed(new org.hl7.fhir.r4.model.MedicationStatement().setSubject(subject)
			.setStatus(org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus.ACTIVE)
			.setMedication(new org.hl7.fhir.r4.model.CodeableConcept().setText("Apixaban 5 mg tablets")));
		ehr.seed(new org.hl7.fhir.r4.model.AllergyIntolerance().setPatient(subject)
			.setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("Penicillin")));
		return id;
	}

	/** Every entry of the bundle is in the EHR exactly once (by its conditional-create criterion). */
	private void assertFiledOnce(Bundle sent) {
		for (BundleEntryComponent entry : sent.getEntry()) {
			String[] criterion = entry.getRequest().getIfNoneExist().split("=", 2)[1].split("\\|", 2);
			assertThat(ehr.matching(entry.getRequest().getUrl(), criterion[0], criterion[1]))
				.as(entry.getRequest().getUrl() + " " + entry.getRequest().getIfNoneExist()).hasSize(1);
		}
	}

	private Bundle get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(ehr.baseUrl() + path)).header("Accept", "application/fhir+json").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhir.newJsonParser().parseResource(Bundle.class, response.body());
	}

	private void awaitStatus(String id, String expected) {
		awaitStatus(id, expected, "demo");
	}

	private void awaitStatus(String id, String expected, String clinic) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
				staff.get("/api/v1/consultations/" + id + "/fhir/export", nurse(clinic)).body().get("status").asString())
			.isEqualTo(expected));
	}

	private JsonNode exportStatus(String id) {
		Reply reply = staff.get("/api/v1/consultations/" + id + "/fhir/export", nurse("demo"));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.body();
	}

	private String decided(String clinic, String ai, String decision) {
		String id = completed(clinic, ai).id();
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse(clinic)).status()).isEqualTo(200);
		Reply decided = staff.post("/api/v1/review/" + id + "/decision", decision, nurse(clinic));
		assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
		return id;
	}

	private Session completed(String clinic, String disposition) {
		Session session = patient.startAndConsent(clinic);
		patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + disposition);
		return session;
	}

	private String nurse(String clinic) {
		String password = clinic.equals("demo") ? "nurse-demo-password" : "other-demo-password";
		return logins.computeIfAbsent(port + clinic, k -> staff.loginDemo(clinic, "nurse", password).accessToken());
	}
}
