package org.medassist.identity;

import org.medassist.platform.MedAssistException;

/** No clinic answers to the name given. */
public class ClinicNotFound extends MedAssistException {

	public ClinicNotFound(String slug) {
		super(Kind.NOT_FOUND, "clinic-not-found", "There is no clinic '" + printable(slug) + "'.");
	}

	private static String printable(String slug) {
		String safe = slug == null ? "" : slug.replaceAll("[^a-z0-9-]", "");
		return safe.length() > 63 ? safe.substring(0, 63) : safe;
	}
}
