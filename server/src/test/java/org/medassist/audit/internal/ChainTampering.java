package org.medassist.audit.internal;

import java.time.Instant;
import java.util.UUID;

import org.medassist.audit.internal.AuditEntry.Outcome;
import org.medassist.identity.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a rogue database administrator does to an audit chain, as the schema owner, switching the append-only
 * trigger off first as they would have to. Each test gets a clinic of its own, so chains do not interfere.
 */
final class ChainTampering {

	private final JdbcClient owner;

	ChainTampering(JdbcClient owner) {
		this.owner = owner;
	}

	ClinicId newClinic() {
		UUID id = UUID.randomUUID();
		owner.sql("INSERT INTO clinic (id, slug, name, emergency_number) VALUES (?, ?, 'Audit test clinic', '112')")
			.params(id, "audit-" + id.toString().substring(0, 8))
			.update();
		return new ClinicId(id);
	}

	static AuditEntry entry(ClinicId clinic, Instant at, String action) {
		return new AuditEntry(clinic, at, UUID.randomUUID(), "NURSE", action, "consultation",
				UUID.randomUUID().toString(), Outcome.SUCCESS, "TREAT", null, "127.0.0.1", "test", null);
	}

	/** Runs one statement with the trigger off, then puts it back. */
	int tamper(String sql, Object... params) {
		owner.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
		try {
			return owner.sql(sql).params(params).update();
		}
		finally {
			owner.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
		}
	}
}
