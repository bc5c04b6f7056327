package org.medassist.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An auditor's search: every filter is optional; {@code limit} caps the answer, which is newest first for a
 * search and in chain order (oldest first, so that it re-verifies) for an export.
 */
record AuditQuery(UUID user, UUID consultation, String action, Instant from, Instant to, int limit,
		boolean newestFirst) {
}
