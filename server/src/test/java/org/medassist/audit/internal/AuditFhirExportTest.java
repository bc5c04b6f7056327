package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ScriptedTriageEngine;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * The audit trail as FHIR R4 AuditEvents: a login, a failed login, a refused request and a nurse's read of a
 * consultation come out with the DICOM/FHIR codes, agent, source and entity an auditor's tool expects; the file
 * carries no PHI, re-verifies offline from the chain extension alone, and HAPI's instance validator finds no
 * error in it. Only auditors get it.
 */
class AuditFhirExportTest extends ApplicationTest {

	private static final FhirContext R4 = FhirContext.forR4Cached();

	private static final String NAME = "Zebedee Quarrington";

	private static final String SENTENCE = "My name is " + NAME + " and my left knee has been swollen since the wedding";

	@Test
	void theTrailExportsAsValidVerifiableAuditEventsWithoutPhi() throws Exception {
		Instant start = Instant.now().minusSeconds(1);
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, SENTENCE).status()).isEqualTo(200);
		assertThat(patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "URGENT").status()).isEqualTo(200);
		String nurse = staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken();
		assertThat(staff.get("/api/v1/consultations/" + session.id(), nurse).status()).isEqualTo(200);
		assertThat(staff.loginReply("demo", "nurse", "not-the-password", "000000").status()).isEqualTo(401);
		assertThat(staff.get("/api/v1/audit/export/fhir", nurse).status()).as("auditors only").isEqualTo(403);
		String auditor = auditor();

		Reply reply = staff.get("/api/v1/audit/export/fhir?from=" + start, auditor);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/fhir+json");
		assertThat(reply.raw()).doesNotContain(NAME).doesNotContain("swollen");
		Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, reply.raw());
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(bundle.getLink("self").getUrl()).isEqualTo("/api/v1/audit/export/fhir?from=" + start);
		assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size()).isGreaterThanOrEqualTo(4);
		List<AuditEvent> events = bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();

		// A nurse's read of the consultation: a RESTful read, by that nurse in her role, from her address.
		AuditEvent read = one(events, e -> action(e).equals("CONSULTATION_VIEWED")
				&& e.getEntityFirstRep().getWhat().getIdentifier().getValue().equals(session.id()));
		assertThat(codes(read.getType())).isEqualTo(FhirAuditEvents.EVENT_TYPE + "|rest");
		assertThat(read.getSubtype()).extracting(Coding::getCode).contains("read", "CONSULTATION_VIEWED");
		assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
		assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(read.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("TREAT");
		AuditEventAgentComponent agent = read.getAgentFirstRep();
		assertThat(agent.getRequestor()).isTrue();
		assertThat(agent.getWho().getIdentifier().getSystem()).isEqualTo("urn:medassist:demo:staff-user");
		assertThat(agent.getWho().getIdentifier().getValue()).matches("[0-9a-f-]{36}");
		assertThat(agent.getRoleFirstRep().getText()).isEqualTo("NURSE");
		assertThat(agent.getNetwork().getAddress()).isEqualTo("127.0.0.1");
		assertThat(read.getSource().getSite()).isEqualTo("demo");
		assertThat(read.getSource().getObserver().getDisplay()).isEqualTo("MedAssist");
		assertThat(read.getEntityFirstRep().getWhat().getIdentifier().getSystem())
			.isEqualTo("urn:medassist:demo:consultation");
		assertThat(read.getEntityFirstRep().getType().getCode()).isEqualTo("2");

		// Logins are DICOM user authentication; a failed one and a refused request are minor failures.
		// Logins and refusals by the demo nurse from other test classes may fall in the same second: the latest.
		AuditEvent login = latest(events, e -> action(e).equals("LOGIN") && "NURSE".equals(role(e)));
		assertThat(codes(login.getType())).isEqualTo(FhirAuditEvents.DCM + "|110114");
		assertThat(login.getSubtype()).extracting(Coding::getCode).contains("110122");
		assertThat(login.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		AuditEvent failed = events.stream().filter(e -> action(e).equals("LOGIN_FAILED")).findFirst().orElseThrow();
		assertThat(failed.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		AuditEvent denied = latest(events, e -> action(e).equals("ACCESS_DENIED")
				&& e.getEntityFirstRep().getWhat().getIdentifier().getValue().equals("GET /api/v1/audit/export/fhir"));
		assertThat(codes(denied.getType())).isEqualTo(FhirAuditEvents.DCM + "|110113");
		assertThat(denied.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		// The engine's assessment: the patient's record is created by MedAssist itself, no user.
		AuditEvent assessed = one(events, e -> action(e).equals("CONSULTATION_ASSESSED")
				&& e.getEntityFirstRep().getWhat().getIdentifier().getValue().equals(session.id()));
		assertThat(codes(assessed.getType())).isEqualTo(FhirAuditEvents.DCM + "|110110");
		assertThat(assessed.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
		assertThat(codes(assessed.getAgentFirstRep().getType())).isEqualTo(FhirAuditEvents.DCM + "|110150");
		assertThat(assessed.getAgentFirstRep().getWho().getDisplay()).isEqualTo("MedAssist");
		assertThat(assessed.getAgentFirstRep().getWho().hasIdentifier()).isFalse();

		// Offline verification from the extension alone: every hash recomputes and links to the one before.
		byte[] previous = null;
		for (AuditEvent event : events) {
			Extension chain = event.getExtensionByUrl(FhirAuditEvents.CHAIN);
			byte[] canonical = ((Base64BinaryType) chain.getExtensionByUrl("canonical").getValue()).getValue();
			byte[] prevHash = HexFormat.of().parseHex(chain.getExtensionByUrl("prevHash").getValue().primitiveValue());
			byte[] hash = HexFormat.of().parseHex(chain.getExtensionByUrl("hash").getValue().primitiveValue());
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(canonical);
			sha256.update(prevHash);
			assertThat(sha256.digest()).as("record %s", event.getIdElement().getIdPart()).isEqualTo(hash);
			String text = new String(canonical, StandardCharsets.UTF_8);
			// HAPI's parser gives each resource its entry's fullUrl (urn:uuid:<record id>) as id.
			assertThat(text).contains("id=36:" + event.getIdElement().getIdPart().replace("urn:uuid:", ""))
				.doesNotContain(NAME);
			if (previous != null) {
				assertThat(prevHash).as("chain order, linked").isEqualTo(previous);
			}
			previous = hash;
		}

		// The file as sent (parsing gives each resource its entry's fullUrl as id, which is not the id sent).
		List<SingleValidationMessage> messages = VALIDATOR.validateWithResult(reply.raw()).getMessages();
		List<SingleValidationMessage> errors = messages.stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
			.toList();
		System.out.println("FHIR audit export: " + events.size() + " AuditEvents, " + errors.size() + " errors, "
				+ messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).count() + " warnings");
		messages.stream()
			.filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION)
			.map(m -> m.getSeverity() + " " + m.getMessage())
			.distinct()
			.forEach(m -> System.out.println("  " + m));
		assertThat(errors).as(describe(errors)).isEmpty();

		Reply exports = staff.get("/api/v1/audit/events?action=AUDIT_EXPORTED", auditor);
		assertThat(exports.body().get("events").get(0).get("detail").asString()).endsWith(" fhir");
	}

	@Autowired
	private AuditRecorder recorder;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void moreThanAFileHoldsIsRefusedAndNothingIsRecorded() {
		ClinicId demo = new ClinicId(database.sql("SELECT id FROM clinic WHERE slug = 'demo'").query(UUID.class).single());
		long started = System.nanoTime();
		Tenancy.runAs(demo, () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
			for (int i = 0; i <= AuditController.MAX_FHIR_EXPORT; i++) {
				recorder.record(ChainTampering.entry(demo, Instant.now(), "BULK_TEST"));
			}
		}));
		System.out.println("FHIR audit export cap: " + (AuditController.MAX_FHIR_EXPORT + 1) + " records appended in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms (one transaction)");
		String auditor = auditor();
		int exportsBefore = staff.get("/api/v1/audit/events?action=AUDIT_EXPORTED", auditor).body().get("count").asInt();

		Reply refused = staff.get("/api/v1/audit/export/fhir?action=BULK_TEST", auditor);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("urn:medassist:problem:invalid-audit-query");
		assertThat(refused.body().get("detail").asString()).contains("narrow the export with 'from' and 'to'");
		assertThat(staff.get("/api/v1/audit/events?action=AUDIT_EXPORTED", auditor).body().get("count").asInt())
			.as("a refused export is not an export").isEqualTo(exportsBefore);
	}

	/** One auditor login per application: a second one would wait for the next TOTP step. */
	private static final Map<Integer, String> auditors = new ConcurrentHashMap<>();

	private String auditor() {
		return auditors.computeIfAbsent(port, p -> staff.loginDemo("demo", "auditor", "auditor-demo-password").accessToken());
	}

	private static final FhirValidator VALIDATOR = validator();

	private static FhirValidator validator() {
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
				new InMemoryTerminologyServerValidationSupport(R4), new CommonCodeSystemsTerminologyService(R4));
		FhirValidator validator = R4.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
		return validator;
	}

	private static AuditEvent one(List<AuditEvent> events, Predicate<AuditEvent> which) {
		List<AuditEvent> found = events.stream().filter(which).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static AuditEvent latest(List<AuditEvent> events, Predicate<AuditEvent> which) {
		List<AuditEvent> found = events.stream().filter(which).toList();
		assertThat(found).isNotEmpty();
		return found.get(found.size() - 1);
	}

	private static String action(AuditEvent e) {
		return e.getSubtype().stream().filter(c -> FhirAuditEvents.ACTION_SYSTEM.equals(c.getSystem())).findFirst()
			.orElseThrow().getCode();
	}

	private static String role(AuditEvent e) {
		return e.getAgentFirstRep().getRoleFirstRep().getText();
	}

	private static String codes(Coding coding) {
		return coding.getSystem() + "|" + coding.getCode();
	}

	private static String codes(org.hl7.fhir.r4.model.CodeableConcept concept) {
		return codes(concept.getCodingFirstRep());
	}

	private static String describe(List<SingleValidationMessage> messages) {
		StringBuilder s = new StringBuilder();
		messages.forEach(m -> s.append(m.getSeverity()).append(' ').append(m.getLocationString()).append(": ")
			.append(m.getMessage()).append('\n'));
		return s.toString();
	}
}
