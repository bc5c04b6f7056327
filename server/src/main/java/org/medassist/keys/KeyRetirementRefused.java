package org.medassist.keys;

/** An old key was not retired; the message says why (ids and counts only). */
public class KeyRetirementRefused extends RuntimeException {

	public KeyRetirementRefused(String reason) {
		super(reason);
	}
}
