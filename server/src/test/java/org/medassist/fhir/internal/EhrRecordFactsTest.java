package org.medassist.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.consultation.ConsultationId;
import org.medassist.identity.ClinicId;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.StaffClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import ca.uhn.fhir.context.FhirContext;
import tools.jackson.databind.JsonNode;

/**
 * The patient's EHR record feeds the real triage engine, end to end against a FHIR server (HAPI's RestfulServer,
 * in process): the record's Condition, MedicationStatement, AllergyIntolerance and Patient become findings from the
 * record; linking after the interview raises the case (never lowers it), says why, moves it up the queue and is
 * audited; linked before the interview, the record answers what it knows; the bundle labels what came from the
 * record; and a bundle that fails validation is not sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ManyLogins
class EhrRecordFactsTest {

	private static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.6.3";

	private static final StandInEhr ehr = new StandInEhr();

	private static final StandInTokenServer tokens;

	static {
		try {
			tokens = new StandInTokenServer(ehr).client("medassist-demo", "s3cret");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Consultations whose bundle the test breaks on its way to the EHR. */
	private static final Set<UUID> broken = ConcurrentHashMap.newKeySet();

	private static volatile String nurseToken;

	@LocalServerPort
	int port;

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@MockitoSpyBean
	ConsultationExports exports;

	private final FhirContext fhir = FhirContext.forR4Cached();

	private PatientClient patient;

	private StaffClient staff;

	private JdbcClient database;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path root = Files.createDirectories(Path.of("target", "test-data"));
		Path data = Files.createTempDirectory(root.toAbsolutePath(), "ehr-record-");
		registry.add("medassist.data", data::toString);
		registry.add("medassist.knowledge.warm-up", () -> "false");
		registry.add("medassist.fhir.ehr.demo.base-url", ehr::baseUrl);
		registry.add("medassist.fhir.ehr.demo.token-url", tokens::url);
		registry.add("medassist.fhir.ehr.demo.client-id", () -> "medassist-demo");
		registry.add("medassist.fhir.ehr.demo.client-secret", () -> "s3cret");
		registry.add("medassist.fhir.export.poll-interval", () -> "100ms");
		registry.add("medassist.fhir.export.first-retry", () -> "100ms");
		registry.add("medassist.fhir.export.timeout", () -> "5s");
	}

	@AfterAll
	static void stop() throws Exception {
		tokens.close();
		ehr.close();
	}

	@BeforeEach
	void clients() {
		patient = PatientClient.onPort(port);
		staff = new StaffClient(patient);
		database = JdbcClient.create(ownerDataSource);
		doAnswer(call -> {
			Bundle bundle = (Bundle) call.callRealMethod();
			if (broken.contains(((ConsultationId) call.getArgument(1)).value())) {
				// A required element missing: what a mapping bug would produce.
				FhirBundleTest.only(bundle, Encounter.class).setStatus(null);
			}
			return bundle;
		}).when(exports).forEhr(any(ClinicId.class), any(ConsultationId.class));
	}

	@Test
	void linkedAfterTheInterviewTheRecordRaisesTheCaseSaysWhyAndNeverLowersIt() throws Exception {
		Session session = patient.startAndConsent("demo");
		Reply last = interview(session, "I banged my head on a cupboard door an hour ago. It is a bit sore.");
		assertThat(last.body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		String before = last.body().get("disposition").asString();
		assertThat(before).as("the patient said no to blood thinners").isNotEqualTo("EMERGENCY");
		String id = session.id();

		String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
		String warfarin = seedRecord(mrn);
		Reply linked = staff.send("PUT", "/api/v1/consultations/" + id + "/fhir/patient",
				"{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"" + mrn + "\"}", nurse());
		assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
		JsonNode context = linked.body().get("context");
		assertThat(context.get("status").asString()).as(linked.raw()).isEqualTo("OK");
		assertThat(context.at("/record/facts").valueStream().map(f -> f.get("finding").asString()).toList())
			.as("from the EHR's Condition, MedicationStatement and AllergyIntolerance")
			.containsExactlyInAnyOrder("diabetes", "anticoagulant", "previous_anaphylaxis");
		assertThat(context.at("/record/sex").asString()).isEqualTo("female");
		assertThat(context.at("/record/age").asDouble()).isGreaterThan(75);
		assertThat(context.at("/reassessment/outcome").asString()).isEqualTo("RAISED");
		assertThat(context.at("/reassessment/before").asString()).isEqualTo(before);
		assertThat(context.at("/reassessment/after").asString()).isEqualTo("EMERGENCY");

		JsonNode view = staff.get("/api/v1/consultations/" + id, nurse()).body();
		assertThat(view.get("disposition").asString()).isEqualTo("EMERGENCY");
		assertThat(view.get("status").asString()).as("the patient was not told anything new: the nurse decides")
			.isEqualTo("AWAITING_REVIEW");
		JsonNode assessment = view.get("assessment");
		assertThat(assessment.get("disposition").asString()).isEqualTo("EMERGENCY");
		assertThat(assessment.get("fromRecord").valueStream().map(f -> f.get("entry").asString()).toList())
			.contains(warfarin);
		assertThat(assessment.get("reasons").valueStream()
			.filter(r -> r.get("rule").asString().startsWith("ehr-record:")).map(r -> r.get("text").asString()).toList())
			.as("why: the record entry and the rule").isNotEmpty()
			.allSatisfy(text -> assertThat(text).contains(warfarin).contains("B01AA03"));
		assertThat(assessment.get("uncertainties").valueStream().map(JsonNode::asString).toList())
			.as("the patient's no and the record's yes, both shown")
			.anySatisfy(u -> assertThat(u).contains("said no").contains(warfarin));

		assertThat(database.sql("SELECT ai_disposition FROM review WHERE consultation_id = ?::uuid").param(id)
			.query(String.class).single()).as("the queue orders by it").isEqualTo("EMERGENCY");
		assertThat(staff.get("/api/v1/review/queue", nurse()).body().get(0).get("consultationId").asString())
			.as("first in the queue").isEqualTo(id);
		assertThat(database.sql("SELECT count(*) FROM dashboard_update WHERE kind = 'RAISED' AND consultation_id = ?::uuid")
			.param(id).query(Integer.class).single()).as("dashboards hear of it").isEqualTo(1);
		assertThat(database.sql("SELECT detail FROM audit_event WHERE action = 'CONSULTATION_REASSESSED' AND object_id = ?")
			.param(id).query(String.class).list()).containsExactly("ehr-record " + before + "->EMERGENCY raised");
		assertThat(database.sql("SELECT record_encrypted FROM consultation_record WHERE consultation_id = ?::uuid")
			.param(id).query(String.class).single()).as("encrypted at rest").doesNotContain("anticoagulant");

		Reply refreshed = staff.get("/api/v1/consultations/" + id + "/fhir/patient-context", nurse());
		assertThat(refreshed.body().at("/reassessment/outcome").asString()).isEqualTo("UNCHANGED");

		// Linked to someone else (a correction) whose record has nothing: software never lowers a raised case.
		String other = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
		Patient healthy = new Patient();
		healthy.addIdentifier().setSystem(MRN_SYSTEM).setValue(other);
		ehr.seed(healthy);
		Reply relinked = staff.send("PUT", "/api/v1/consultations/" + id + "/fhir/patient",
				"{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"" + other + "\"}", nurse());
		assertThat(relinked.body().at("/context/reassessment/after").asString()).isEqualTo("EMERGENCY");
		assertThat(staff.get("/api/v1/consultations/" + id, nurse()).body().get("disposition").asString())
			.isEqualTo("EMERGENCY");
		assertThat(database.sql("SELECT ai_disposition FROM review WHERE consultation_id = ?::uuid").param(id)
			.query(String.class).single()).isEqualTo("EMERGENCY");
	}

	@Test
	void linkedBeforeTheInterviewTheRecordAnswersWhatItKnowsAndTheBundleSaysSo() {
		String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
		String warfarin = seedRecord(mrn);
		Session session = patient.startAndConsent("demo");
		Reply linked = staff.send("PUT", "/api/v1/consultations/" + session.id() + "/fhir/patient",
				"{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"" + mrn + "\"}", nurse());
		assertThat(linked.body().at("/context/reassessment/outcome").asString()).as(linked.raw())
			.isEqualTo("USED_BY_INTERVIEW");

		Reply turn = patient.send(session, "I banged my head on a cupboard door an hour ago.");

		assertThat(turn.body().get("status").asString()).as("a head injury on a blood thinner: not asked, an emergency")
			.isEqualTo("ESCALATED");
		assertThat(turn.body().get("disposition").asString()).isEqualTo("EMERGENCY");
		JsonNode assessment = patient.get(session).body().get("assessment");
		assertThat(assessment.get("fromRecord").valueStream().map(f -> f.get("finding").asString()).toList())
			.contains("anticoagulant");

		String id = session.id();
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/review/" + id + "/decision", "{\"disposition\":\"EMERGENCY\"}", nurse()).status())
			.isEqualTo(200);
		awaitStatus(id, "SENT");
		Encounter encounter = (Encounter) ehr.matching("Encounter", "urn:medassist:demo:consultation", id).get(0);
		Provenance fromRecord = ehr.store.values().stream().filter(r -> r instanceof Provenance p
				&& p.getEntity().stream().anyMatch(e -> warfarin.equals(e.getWhat().getReference())))
			.map(Provenance.class::cast).findFirst()
			.orElseThrow(() -> new AssertionError("no Provenance naming the record entry " + warfarin));
		Observation anticoagulant = fromRecord.getTarget().stream()
			.map(t -> (Observation) ehr.store.get(t.getReference()))
			.filter(o -> o.getCode().getCoding().stream().anyMatch(c -> "anticoagulant".equals(c.getCode())))
			.findFirst().orElseThrow(() -> new AssertionError("the record's finding is not a target"));
		assertThat(anticoagulant.getMethod().getText()).contains("EHR record");
		assertThat(anticoagulant.getEncounter().getReference())
			.isEqualTo(encounter.getIdElement().toUnqualifiedVersionless().getValue());
		assertThat(exportStatus(id).get("validationErrors").asInt()).isZero();
	}

	@Test
	void aBundleThatFailsValidationIsNotSentAndNursesSeeWhy() {
		Session session = patient.startAndConsent("demo");
		Reply last = interview(session, "I've had a mild sore throat and a runny nose for 2 days. I'm 30.");
		assertThat(last.body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		String id = session.id();
		broken.add(UUID.fromString(id));
		int transactions = ehr.transactions.get();
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/review/" + id + "/decision",
				"{\"disposition\":\"" + last.body().get("disposition").asString() + "\"}", nurse()).status()).isEqualTo(200);

		awaitStatus(id, "INVALID");
		assertThat(ehr.matching("Encounter", "urn:medassist:demo:consultation", id)).as("not sent").isEmpty();
		assertThat(ehr.transactions.get()).isEqualTo(transactions);
		JsonNode status = exportStatus(id);
		assertThat(status.get("validationErrors").asInt()).isPositive();
		assertThat(status.get("lastError").asString()).contains("not valid FHIR R4");
		assertThat(status.get("validationMessages").valueStream().map(m -> m.get("location").asString()).toList())
			.anySatisfy(l -> assertThat(l).contains("Encounter"));
		assertThat(database.sql("SELECT outcome || ' ' || detail FROM audit_event"
				+ " WHERE action = 'CONSULTATION_EXPORTED' AND object_id = ?").param(id).query(String.class).list())
			.singleElement().asString().startsWith("FAILURE").contains("invalid");
		assertThat(database.sql("SELECT validation_messages_encrypted FROM fhir_export WHERE consultation_id = ?::uuid")
			.param(id).query(String.class).single()).as("encrypted: HAPI's words may quote the record")
			.doesNotContain("Encounter");

		broken.remove(UUID.fromString(id));
		assertThat(staff.post("/api/v1/consultations/" + id + "/fhir/export", "", nurse()).status()).isEqualTo(200);
		awaitStatus(id, "SENT");
		assertThat(ehr.matching("Encounter", "urn:medassist:demo:consultation", id)).hasSize(1);
	}

	/** The EHR's own record of an older woman on warfarin with diabetes, past asthma and anaphylaxis to peanuts. */
	private String seedRecord(String mrn) {
		Patient p = new Patient();
		p.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
		p.addName().setFamily("Example").addGiven("Ada");
		p.setBirthDateElement(new DateType("1948-05-06"));
		p.setGender(AdministrativeGender.FEMALE);
		Reference subject = new Reference(ehr.seed(p));
		String warfarin = ehr.seed(new MedicationStatement().setSubject(subject)
			.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
			.setMedication(new CodeableConcept(new Coding("http://www.whocc.no/atc", "B01AA03", "warfarin"))
				.setText("Warfarin 3 mg tablets")));
		ehr.seed(new Condition().setSubject(subject)
			.setCode(new CodeableConcept().setText("Type 2 diabetes mellitus")));
		ehr.seed(new Condition().setSubject(subject)
			.setClinicalStatus(new CodeableConcept(
					new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved", null)))
			.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "J45.9", "Asthma"))));
		AllergyIntolerance peanut = new AllergyIntolerance().setPatient(subject)
			.setCode(new CodeableConcept().setText("Peanut"));
		peanut.addReaction().addManifestation(new CodeableConcept().setText("Anaphylaxis"));
		ehr.seed(peanut);
		return warfarin;
	}

	/** The interview with the patient answering "No" to every question, until it ends. */
	private Reply interview(Session session, String opening) {
		Reply turn = patient.send(session, opening);
		for (int i = 0; i < 25 && turn.body().get("status").asString().equals("IN_PROGRESS"); i++) {
			turn = patient.send(session, "No");
		}
		assertThat(turn.status()).as(turn.raw()).isEqualTo(200);
		return turn;
	}

	private void awaitStatus(String id, String expected) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(exportStatus(id).get("status").asString()).isEqualTo(expected));
	}

	private JsonNode exportStatus(String id) {
		Reply reply = staff.get("/api/v1/consultations/" + id + "/fhir/export", nurse());
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.body();
	}

	private String nurse() {
		if (nurseToken == null) {
			nurseToken = staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken();
		}
		return nurseToken;
	}

}
