package org.medassist.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.medassist.identity.ClinicId;
import org.medassist.triage.Disposition;

/**
 * A finished interview was assessed again because the patient's EHR record was read (a member of staff linked the
 * case or refreshed the record). Published inside the transaction that stored it, for the review queue (a raised
 * case moves up) and the audit trail.
 *
 * @param before the disposition before ({@code null}: the engine had given none)
 * @param after the disposition now: never less urgent than {@code before}
 * @param rules the rules that apply only because of the record (ids, no PHI)
 * @param readBy the member of staff whose action read the record
 */
public record ConsultationReassessed(ConsultationId consultationId, ClinicId clinicId, Disposition before,
		Disposition after, List<String> rules, UUID readBy, Instant at) {

	public ConsultationReassessed {
		rules = List.copyOf(rules);
	}

	public boolean raised() {
		return after != null && after.isMoreUrgentThan(before);
	}
}
