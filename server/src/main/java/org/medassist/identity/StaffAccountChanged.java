package org.medassist.identity;

import java.time.Instant;
import java.util.UUID;

/** A clinic admin created, changed, disabled or reset a staff account. For the audit trail. */
public record StaffAccountChanged(Instant at, UUID actorId, ClinicId clinicId, UUID accountId, String change) {
}
