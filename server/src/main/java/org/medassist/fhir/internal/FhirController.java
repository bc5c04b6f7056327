package org.medassist.fhir.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationNotFound;
import org.medassist.consultation.Consultations;
import org.medassist.identity.Clinics;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.review.ReviewOutcomes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A consultation as FHIR R4, and where its export to the clinic's EHR stands. Nurses and physicians of the
 * consultation's clinic only (auditors read the audit trail, not clinical records); another clinic's
 * consultation is not found.
 */
@RestController
@Tag(name = "FHIR", description = "A consultation as a FHIR R4 transaction Bundle; its export to the EHR")
class FhirController {

	private final ConsultationExports exports;

	private final ExportQueue queue;

	private final ReviewOutcomes reviews;

	private final FhirContext fhir;

	private final TransactionTemplate tx;

	private final Consultations consultations;

	private final PatientLinks links;

	private final PatientContexts contexts;

	private final Clock clock;

	private final FhirProperties properties;

	private final Clinics clinics;

	FhirController(ConsultationExports exports, ExportQueue queue, ReviewOutcomes reviews, FhirContext fhir,
			TransactionTemplate tx, Consultations consultations, PatientLinks links, PatientContexts contexts,
			Clock clock, FhirProperties properties, Clinics clinics) {
		this.properties = properties;
		this.clinics = clinics;
		this.exports = exports;
		this.queue = queue;
		this.reviews = reviews;
		this.fhir = fhir;
		this.tx = tx;
		this.consultations = consultations;
		this.links = links;
		this.contexts = contexts;
		this.clock = clock;
	}

	@PostMapping("/api/v1/consultations/{id}/fhir/export")
	@Operation(summary = "Send the consultation to the clinic's EHR again (a FAILED export, or one decided before the"
			+ " EHR was configured)", security = @SecurityRequirement(name = "bearer"))
	ExportStatus resend(@PathVariable UUID id, @AuthenticationPrincipal StaffMember staff) {
		ConsultationId consultation = new ConsultationId(id);
		var review = reviews.of(staff.clinicId(), consultation).orElseThrow(() -> new ConsultationNotFound(consultation));
		if (!review.decided()) {
			throw new ExportNotPossible("export-before-decision",
					"The case is exported once a nurse or physician has decided it.");
		}
		if (!properties.ehr().containsKey(clinics.get(staff.clinicId()).slug())) {
			throw new ExportNotPossible("no-ehr-configured", "No EHR is configured for this clinic.");
		}
		Tenancy.runAs(staff.clinicId(),
				() -> tx.executeWithoutResult(s -> queue.requeue(staff.clinicId(), id, clock.instant())));
		return export(id, staff);
	}

	/** @param system the identifier's namespace URI (the EHR's MRN system) */
	record LinkRequest(String system, String value) {
	}

	/** @param context the patient's context read from the EHR just after linking, and what it did to the case */
	record LinkResponse(UUID consultationId, String system, Instant linkedAt, PatientContexts.PatientContext context) {
	}

	@PutMapping("/api/v1/consultations/{id}/fhir/patient")
	@Operation(summary = "Link the consultation to a patient of the clinic's EHR, by the EHR's identifier",
			description = "The FHIR bundle then carries that Patient (conditionally created on the identifier, so the "
					+ "EHR's existing patient is used) and the nurse can read the patient's context from the EHR.",
			security = @SecurityRequirement(name = "bearer"))
	LinkResponse link(@PathVariable UUID id, @RequestBody LinkRequest request,
			@AuthenticationPrincipal StaffMember staff) {
		String system = request == null || request.system() == null ? "" : request.system().strip();
		String value = request == null || request.value() == null ? "" : request.value().strip();
		if (system.isEmpty() || system.length() > 255 || !system.matches("(urn:|https?://)\\S+") || system.contains("|")) {
			throw new InvalidPatientLink("'system' must be the identifier's namespace URI (urn:oid:..., https://...),"
					+ " at most 255 characters, without '|'.");
		}
		if (value.isEmpty() || value.length() > 64 || value.contains("|")) {
			throw new InvalidPatientLink("'value' is required: the patient's identifier in that system (at most 64 "
					+ "characters, without '|').");
		}
		ConsultationId consultation = new ConsultationId(id);
		// Another clinic's consultation is not found; linking is an audited access to the case.
		consultations.viewAsStaff(staff, consultation);
		Instant now = clock.instant();
		Tenancy.runAs(staff.clinicId(), () -> tx.executeWithoutResult(s -> links.link(staff.clinicId(), id,
				new ExportInput.PatientLink(system, value), staff.userId(), now)));
		return new LinkResponse(id, system, now, readRecord(staff, consultation));
	}

	/**
	 * Reads the linked patient's context from the EHR and gives the record's facts to the consultation: a running
	 * interview uses them, a finished one is assessed again (raised if the record calls for more, never lowered).
	 * An EHR that cannot be read changes nothing.
	 */
	private PatientContexts.PatientContext readRecord(StaffMember staff, ConsultationId consultation) {
		PatientContexts.PatientContext context = contexts.of(staff, exports.link(staff.clinicId(), consultation));
		if (!context.read()) {
			return context;
		}
		return context.with(consultations.applyPatientRecord(staff.clinicId(), consultation, context.record(),
				staff.userId()));
	}

	@GetMapping("/api/v1/consultations/{id}/fhir/patient-context")
	@Operation(summary = "The linked patient's allergies, conditions and medications from the clinic's EHR",
			description = "Always answers: when the EHR cannot be read, 'status' and 'problems' say what is missing. "
					+ "Reading refreshes the record's facts the triage engine uses ('record'): a finished interview "
					+ "is assessed again and raised if the record calls for more, never lowered ('reassessment').",
			security = @SecurityRequirement(name = "bearer"))
	PatientContexts.PatientContext patientContext(@PathVariable UUID id, @AuthenticationPrincipal StaffMember staff) {
		ConsultationId consultation = new ConsultationId(id);
		consultations.viewAsStaff(staff, consultation);
		return readRecord(staff, consultation);
	}

	@GetMapping("/api/v1/consultations/{id}/fhir")
	@Operation(summary = "The consultation and its review as a FHIR R4 transaction Bundle (application/fhir+json)",
			description = "The same bundle the EHR export sends: conditional creates on stable identifiers, AI-made "
					+ "content labelled AIAST. The read is audited as a view of the consultation.",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<String> bundle(@PathVariable UUID id, @AuthenticationPrincipal StaffMember staff) {
		String body = fhir.newJsonParser().encodeResourceToString(exports.forStaff(staff, new ConsultationId(id)));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(EhrClient.FHIR_JSON)).body(body);
	}

	/**
	 * @param status {@code PENDING} (waiting or retrying), {@code SENT}, {@code FAILED} (given up: a person must
	 * look), {@code INVALID} (the bundle failed validation against R4 and was not sent: a person must look), or
	 * {@code NOT_QUEUED} (not decided yet, or the clinic has no EHR configured)
	 * @param lastError what went wrong last, without PHI
	 * @param validationErrors errors found by validating the bundle before sending ({@code null}: not validated yet)
	 * @param validationMessages for an {@code INVALID} export, the validator's errors and warnings (they may quote the
 * record; reading them is audited as a view of the case)
	 */
	record ExportStatus(UUID consultationId, String status, int attempts, String lastError, Instant lastAttemptAt,
			Instant nextAttemptAt, Instant sentAt, Integer validationErrors, Integer validationWarnings,
			@Classification(Level.RESTRICTED) List<BundleValidation.Issue> validationMessages) {

		static ExportStatus notQueued(UUID id) {
			return new ExportStatus(id, "NOT_QUEUED", 0, null, null, null, null, null, null, List.of());
		}
	}

	@GetMapping("/api/v1/consultations/{id}/fhir/export")
	@Operation(summary = "Where the consultation's export to the clinic's EHR stands",
			security = @SecurityRequirement(name = "bearer"))
	ExportStatus export(@PathVariable UUID id, @AuthenticationPrincipal StaffMember staff) {
		ConsultationId consultation = new ConsultationId(id);
		Optional<ExportQueue.Export> export = Tenancy.callAs(staff.clinicId(),
				() -> tx.execute(s -> queue.find(id)));
		if (export.isPresent()) {
			ExportQueue.Export e = export.get();
			// Why it was not sent, when it was not: the validator's words may quote the record, so showing them is an
			// audited read of the case. Warnings of sent bundles stay recorded (counted here), not shown.
			List<BundleValidation.Issue> messages = e.status() != ExportQueue.Status.INVALID ? List.of()
					: Tenancy.callAs(staff.clinicId(), () -> tx.execute(s -> queue.validationMessages(staff.clinicId(), id)));
			if (!messages.isEmpty()) {
				consultations.viewAsStaff(staff, consultation);
			}
			return new ExportStatus(id, e.status().name(), e.attempts(), e.lastError(), e.lastAttemptAt(),
					e.status() == ExportQueue.Status.PENDING ? e.nextAttemptAt() : null, e.sentAt(), e.validationErrors(),
					e.validationWarnings(), messages);
		}
		// Row-level security: another clinic's case has no review here either, so it is not found.
		if (reviews.of(staff.clinicId(), consultation).isEmpty()) {
			throw new ConsultationNotFound(consultation);
		}
		return ExportStatus.notQueued(id);
	}
}
