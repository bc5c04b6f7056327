package org.medassist.keys;

import org.medassist.identity.ClinicId;

/**
 * What one re-encryption run did.
 *
 * @param reencrypted values moved under the primary key (or encrypted from plain text) by this run
 * @param remaining values still not under the primary key when it stopped (0: the clinic is done)
 * @param steppedAside another process was re-encrypting the same clinic, so this run left it to that one
 */
public record ReencryptionRun(ClinicId clinic, int primaryKeyId, long reencrypted, long remaining,
		boolean steppedAside) {
}
