package org.medassist.keys;

import org.medassist.identity.ClinicId;

/** Key operations an operator runs ({@code medassist keys rotate}). */
public interface KeyRotation {

	/**
	 * Adds a new primary key to the clinic's keyset (creating the keyset if it has none): new values are
	 * encrypted with it; older keys stay, so that what they encrypted still decrypts.
	 *
	 * @return what the keyset now is
	 */
	KeysetChanged rotate(ClinicId clinic);
}
