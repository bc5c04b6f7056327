package org.medassist.consultation;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

import java.util.UUID;

/**
 * A message as the patient's client sent it: raw text (checked and cleaned by the consultation) and the
 * client's idempotency key, reused when the client retries.
 */
public record PatientMessage(@Classification(Level.RESTRICTED) String text, UUID clientMessageId) {
}
