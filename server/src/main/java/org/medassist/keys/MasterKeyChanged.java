package org.medassist.keys;

import java.time.Instant;

import org.medassist.identity.ClinicId;

/**
 * The master key was changed (re-wrap committed). Published once per clinic, inside the re-wrap's transaction, for
 * the clinic's audit trail, and once with {@code clinicId} null and the totals for the deployment's chain (also
 * what the re-wrap returns). No key material.
 *
 * @param keysets clinic keysets re-wrapped (1 for a clinic's record)
 * @param staffSecrets staff TOTP secrets re-sealed (the clinic's, or all)
 * @param signingKeys token-signing private keys re-sealed (deployment-wide)
 * @param sealedKeysets deployment keysets re-sealed (the audit checkpoint-signing key)
 * @param newMasterKey where the new master key is (a path), never its content
 */
public record MasterKeyChanged(ClinicId clinicId, Instant at, int keysets, int staffSecrets, int signingKeys,
		int sealedKeysets, String newMasterKey) {
}
