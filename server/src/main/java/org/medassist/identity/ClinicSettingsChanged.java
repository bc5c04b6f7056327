package org.medassist.identity;

import java.time.Instant;
import java.util.UUID;

/** A clinic admin changed the clinic's public settings (name, emergency number). For the audit trail. */
public record ClinicSettingsChanged(Instant at, UUID actorId, ClinicId clinicId, String change) {
}
