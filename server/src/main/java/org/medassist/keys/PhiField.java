package org.medassist.keys;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import org.medassist.identity.ClinicId;

/**
 * Where an encrypted value lives. It is the AEAD's associated data: a ciphertext copied to another row, column,
 * table or clinic does not decrypt.
 */
public record PhiField(ClinicId clinic, String table, String column, UUID rowId) {

	public PhiField {
		Objects.requireNonNull(clinic, "clinic");
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(column, "column");
		Objects.requireNonNull(rowId, "rowId");
	}

	public byte[] associatedData() {
		return ("medassist-phi-v1|" + clinic + "|" + table + "|" + column + "|" + rowId).getBytes(StandardCharsets.UTF_8);
	}
}
