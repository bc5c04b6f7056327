package org.medassist.fhir.internal;

import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.Consultations;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffMember;
import org.medassist.review.ReviewOutcome;
import org.medassist.review.ReviewOutcomes;
import org.springframework.stereotype.Service;

/** Gathers a consultation, its review and its patient link, and maps them to a bundle. */
@Service
class ConsultationExports {

	private final Consultations consultations;

	private final ReviewOutcomes reviews;

	ConsultationExports(Consultations consultations, ReviewOutcomes reviews) {
		this.consultations = consultations;
		this.reviews = reviews;
	}

	/**
	 * For a member of staff: another clinic's consultation is not found. The read is published as
	 * {@code ConsultationViewed} by the consultation module, so the audit trail records it.
	 */
	Bundle forStaff(StaffMember staff, ConsultationId id) {
		ConsultationView view = consultations.viewAsStaff(staff, id);
		return ConsultationBundle.of(new ExportInput(view, reviews.of(staff.clinicId(), id).orElse(null), null));
	}

	/**
	 * For the export to the clinic's own EHR (no member of staff): the system reads the record with the
	 * consultation's own access right, in the clinic's tenancy.
	 */
	Bundle forEhr(ClinicId clinic, ConsultationId id) {
		ConsultationView view = consultations.view(new ConsultationAccess(id, clinic), id);
		Optional<ReviewOutcome> review = reviews.of(clinic, id);
		return ConsultationBundle.of(new ExportInput(view, review.orElse(null), null));
	}
}
