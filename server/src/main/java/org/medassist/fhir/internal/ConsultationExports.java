package org.medassist.fhir.internal;

import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.Consultations;
import org.medassist.identity.ClinicId;
import org.medassist.fhir.internal.ExportInput.PatientLink;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.review.ReviewOutcome;
import org.medassist.review.ReviewOutcomes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Gathers a consultation, its review and its patient link, and maps them to a bundle. */
@Service
class ConsultationExports {

	private final Consultations consultations;

	private final ReviewOutcomes reviews;

	private final PatientLinks links;

	private final TransactionTemplate tx;

	ConsultationExports(Consultations consultations, ReviewOutcomes reviews, PatientLinks links,
			TransactionTemplate tx) {
		this.consultations = consultations;
		this.reviews = reviews;
		this.links = links;
		this.tx = tx;
	}

	/** The EHR patient the consultation is linked to, if any. */
	Optional<PatientLink> link(ClinicId clinic, ConsultationId id) {
		return Tenancy.callAs(clinic, () -> tx.execute(s -> links.of(clinic, id.value())));
	}

	/**
	 * For a member of staff: another clinic's consultation is not found. The read is published as
	 * {@code ConsultationViewed} by the consultation module, so the audit trail records it.
	 */
	Bundle forStaff(StaffMember staff, ConsultationId id) {
		ConsultationView view = consultations.viewAsStaff(staff, id);
		return ConsultationBundle.of(new ExportInput(view, reviews.of(staff.clinicId(), id).orElse(null),
				link(staff.clinicId(), id).orElse(null)));
	}

	/**
	 * For the export to the clinic's own EHR (no member of staff): the system reads the record with the
	 * consultation's own access right, in the clinic's tenancy.
	 */
	Bundle forEhr(ClinicId clinic, ConsultationId id) {
		ConsultationView view = consultations.view(new ConsultationAccess(id, clinic), id);
		Optional<ReviewOutcome> review = reviews.of(clinic, id);
		return ConsultationBundle.of(new ExportInput(view, review.orElse(null), link(clinic, id).orElse(null)));
	}
}
