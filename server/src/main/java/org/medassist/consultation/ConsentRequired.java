package org.medassist.consultation;

import org.medassist.platform.MedAssistException;

/** The patient has not accepted the consent statement yet. */
public class ConsentRequired extends MedAssistException {

	public ConsentRequired() {
		super(Kind.CONFLICT, "consent-required",
				"Please read and accept the consent statement first (POST .../consent with {\"accepted\": true}).");
	}
}
