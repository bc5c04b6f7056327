package org.medassist.review;

import java.time.Instant;
import java.util.UUID;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.triage.Disposition;

/**
 * Where the human review of one consultation stands, for other modules (the EHR export). The AI disposition
 * beside the human one; the note is what the reviewer wrote for colleagues (PHI, decrypted).
 *
 * @param status {@code QUEUED}, {@code CLAIMED} or {@code DECIDED}
 * @param disposition the human disposition, once decided
 * @param reasonCode the override reason code, when the human disposition differs (or one was given)
 * @param reviewerName the user name of who decided, or of who holds the claim
 */
public record ReviewOutcome(String status, Disposition aiDisposition, Disposition disposition, String reasonCode,
		String reasonLabel, @Classification(Level.RESTRICTED) String note, UUID reviewerId, String reviewerName, Instant queuedAt, Instant decidedAt) {

	public boolean decided() {
		return "DECIDED".equals(status);
	}

	public boolean overridden() {
		return decided() && aiDisposition != disposition;
	}
}
