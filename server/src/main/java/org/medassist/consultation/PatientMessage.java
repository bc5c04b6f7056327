package org.medassist.consultation;

import java.util.UUID;

/**
 * A message as the patient's client sent it: raw text (checked and cleaned by the consultation) and the
 * client's idempotency key, reused when the client retries.
 */
public record PatientMessage(String text, UUID clientMessageId) {
}
