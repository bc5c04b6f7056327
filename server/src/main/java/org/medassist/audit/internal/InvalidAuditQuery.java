package org.medassist.audit.internal;

import org.medassist.platform.MedAssistException;

/** A search parameter of the auditor's API is malformed. The detail names the parameter, never its value. */
class InvalidAuditQuery extends MedAssistException {

	InvalidAuditQuery(String detail) {
		super(Kind.INVALID_INPUT, "invalid-audit-query", detail);
	}
}
