package org.medassist.keys;

import org.medassist.identity.ClinicId;

/**
 * After a rotation: moving every stored PHI value of a clinic under its primary key, showing how far that got,
 * and retiring an old key once nothing uses it. Each instance also runs the re-encryption in the background.
 */
public interface Reencryption {

	/** The clinic's keys and how many stored values each encrypts (a full count; no keyset: an empty report). */
	KeyUsage status(ClinicId clinic);

	/**
	 * Re-encrypts, batch by batch, every value of the clinic not under the primary key (and encrypts values stored
	 * before encryption existed). Each batch is its own transaction: stopped at any point, a later run goes on from
	 * what is left. Another process working on the same clinic at that moment makes this run step aside.
	 */
	ReencryptionRun reencrypt(ClinicId clinic);

	/**
	 * Destroys an old key of the clinic's keyset.
	 *
	 * @throws KeyRetirementRefused while any stored value uses it, when it is the primary key or unknown, or when
	 * the last rotation is too recent for every instance to have stopped encrypting with the previous primary
	 */
	KeyRetired retire(ClinicId clinic, int keyId);
}
