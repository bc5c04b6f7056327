package org.medassist.audit.internal;

import org.medassist.platform.MedAssistException;

/**
 * The checkpoint-signing key does not open with this master key (a restore with another master key, or an altered
 * row): checkpoints can be neither signed nor checked, which is not the same as a forged checkpoint.
 */
class CheckpointKeyUnavailable extends MedAssistException {

	CheckpointKeyUnavailable() {
		super(Kind.UNAVAILABLE, "audit-checkpoint-key-unavailable",
				"The audit checkpoint-signing key does not open with this master key; checkpoints cannot be checked.");
	}
}
