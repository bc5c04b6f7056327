package org.medassist.knowledge;

import java.time.Instant;
import java.util.UUID;

import org.medassist.identity.ClinicId;

/**
 * A clinic admin added, replaced or deleted one of the clinic's guidance documents. Published in the transaction
 * of the change (for the audit trail) and used after commit to update this instance's index at once.
 */
public record KnowledgeDocumentChanged(ClinicId clinicId, UUID actorId, String documentId, int version, Change change,
		Instant at) {

	public enum Change {
		CREATED, REPLACED, DELETED
	}
}
