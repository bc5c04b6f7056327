package org.medassist.keys;

/**
 * A stored PHI value does not decrypt for the field it was read from: altered, or copied from another row or
 * clinic. The message names the field by ids only.
 */
public class PhiUnreadable extends RuntimeException {

	public PhiUnreadable(PhiField field, Throwable cause) {
		super("PHI field " + field.table() + "." + field.column() + " of row " + field.rowId() + " (clinic "
				+ field.clinic() + ") does not decrypt", cause);
	}
}
