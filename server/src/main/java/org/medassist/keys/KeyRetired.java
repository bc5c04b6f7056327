package org.medassist.keys;

import java.time.Instant;

import org.medassist.identity.ClinicId;

/** An old key was destroyed: nothing used it any more. For the audit trail; ids only. */
public record KeyRetired(ClinicId clinicId, Instant at, int keyId, int primaryKeyId, int keysLeft) {
}
