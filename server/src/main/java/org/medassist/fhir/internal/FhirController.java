package org.medassist.fhir.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationNotFound;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewOutcomes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

	FhirController(ConsultationExports exports, ExportQueue queue, ReviewOutcomes reviews, FhirContext fhir,
			TransactionTemplate tx) {
		this.exports = exports;
		this.queue = queue;
		this.reviews = reviews;
		this.fhir = fhir;
		this.tx = tx;
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
	 * look), or {@code NOT_QUEUED} (not decided yet, or the clinic has no EHR configured)
	 * @param lastError what went wrong last, without PHI
	 */
	record ExportStatus(UUID consultationId, String status, int attempts, String lastError, Instant lastAttemptAt,
			Instant nextAttemptAt, Instant sentAt) {
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
			return new ExportStatus(id, e.status().name(), e.attempts(), e.lastError(), e.lastAttemptAt(),
					e.status() == ExportQueue.Status.PENDING ? e.nextAttemptAt() : null, e.sentAt());
		}
		// Row-level security: another clinic's case has no review here either, so it is not found.
		if (reviews.of(staff.clinicId(), consultation).isEmpty()) {
			throw new ConsultationNotFound(consultation);
		}
		return new ExportStatus(id, "NOT_QUEUED", 0, null, null, null, null);
	}
}
