package org.medassist.review;

import java.time.Instant;
import java.util.UUID;

import org.medassist.identity.ClinicId;

/** A clinic admin changed the override reason codes or the claim targets. For the audit trail. */
public record ReviewSettingsChanged(ClinicId clinicId, UUID actorId, String setting, Instant at) {
}
