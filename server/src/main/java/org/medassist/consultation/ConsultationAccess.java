package org.medassist.consultation;

import org.medassist.identity.ClinicId;
import org.medassist.identity.ClinicScoped;

/**
 * The right to act on one consultation, as proven by its patient's access token. It is the authenticated
 * principal of an anonymous patient's requests.
 */
public record ConsultationAccess(ConsultationId consultationId, ClinicId clinicId) implements ClinicScoped {

	/** Access to another consultation is answered as if it did not exist. */
	public void check(ConsultationId requested) {
		if (!consultationId.equals(requested)) {
			throw new ConsultationNotFound(requested);
		}
	}
}
