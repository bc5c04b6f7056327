package org.medassist.audit.internal;

import java.time.Instant;
import java.util.UUID;

import org.medassist.identity.ClinicId;

/**
 * What happened, before it is placed in a chain. Values only: ids, roles, fixed codes, never PHI.
 *
 * @param clinic the chain it belongs to; {@code null} for the deployment chain
 * @param detail a fixed code that qualifies the action ({@code bad-password}, {@code role:NURSE}), never free text
 */
record AuditEntry(ClinicId clinic, Instant at, UUID userId, String role, String action, String objectType,
		String objectId, Outcome outcome, String purpose, String detail, String remoteAddress, String userAgent,
		String correlationId) {

	enum Outcome {
		SUCCESS, FAILURE, DENIED
	}
}
