package org.medassist.consultation;

import java.util.Objects;
import java.util.UUID;

/** Identifies a consultation. */
public record ConsultationId(UUID value) {

	public ConsultationId {
		Objects.requireNonNull(value, "value");
	}

	public static ConsultationId random() {
		return new ConsultationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
