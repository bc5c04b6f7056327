package org.medassist.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a clinic, the tenant that owns every patient record. */
public record ClinicId(UUID value) {

	public ClinicId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
