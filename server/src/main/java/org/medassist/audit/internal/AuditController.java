package org.medassist.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.audit.ChainReport;
import org.medassist.audit.internal.AuditEntry.Outcome;
import org.medassist.identity.Clinics;
import org.medassist.identity.Reauthentication;
import org.medassist.identity.StaffMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's API: search, export and verification of the caller's own clinic's chain (row-level security
 * shows no other). Every call is itself audited, in the same transaction as the read: no record, no read.
 * Only AUDITOR reaches it (SecurityConfiguration).
 */
@RestController
@Tag(name = "Audit")
class AuditController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	static final int MAX_EXPORT = 100_000;

	private final AuditLog log;

	private final AuditRecorder recorder;

	private final ChainVerifier verifier;

	private final Checkpoints checkpoints;

	private final Clinics clinics;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Reauthentication reauthentication;

	AuditController(AuditLog log, AuditRecorder recorder, ChainVerifier verifier, Checkpoints checkpoints,
			Clinics clinics, PlatformTransactionManager transactions, Clock clock, Reauthentication reauthentication) {
		this.reauthentication = reauthentication;
		this.log = log;
		this.recorder = recorder;
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.clinics = clinics;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** One record as the auditor sees it. Hashes in hex so that an export can be re-verified elsewhere. */
	record EventView(UUID id, long seq, Instant at, UUID userId, String role, String action, String objectType,
			String objectId, String outcome, String purpose, String detail, String remoteAddress, String userAgent,
			String correlationId, String prevHash, String hash) {

		static EventView of(AuditRecord r) {
			return new EventView(r.id(), r.seq(), r.at(), r.userId(), r.role(), r.action(), r.objectType(),
					r.objectId(), r.outcome(), r.purpose(), r.detail(), r.remoteAddress(), r.userAgent(),
					r.correlationId(), AuditRecord.hex(r.prevHash()), AuditRecord.hex(r.hash()));
		}
	}

	record Events(int count, List<EventView> events) {
	}

	record Export(String clinic, Instant exportedAt, int count, List<EventView> events) {
	}

	@GetMapping("/api/v1/audit/events")
	@Operation(summary = "Search the clinic's audit trail by user, consultation, action and period [from, to); newest first",
			security = @SecurityRequirement(name = "bearer"))
	Events events(@AuthenticationPrincipal StaffMember auditor, @RequestParam(required = false) String user,
			@RequestParam(required = false) String consultation, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer limit) {
		AuditQuery query = query(user, consultation, action, from, to, limit == null ? DEFAULT_LIMIT : limit,
				MAX_LIMIT, true);
		List<EventView> found = tx.execute(s -> {
			List<AuditRecord> records = log.search(auditor.clinicId(), query);
			recorder.record(read(auditor, "AUDIT_SEARCHED", records.size()));
			return records.stream().map(EventView::of).toList();
		});
		return new Events(found.size(), found);
	}

	@GetMapping("/api/v1/audit/export")
	@Operation(summary = "Download the clinic's audit trail (same filters) as a JSON file",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Export> export(@AuthenticationPrincipal StaffMember auditor,
			@RequestParam(required = false) String user, @RequestParam(required = false) String consultation,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		// An export leaves the system: it needs a fresh confirmation of password and code.
		reauthentication.require(auditor);
		AuditQuery query = query(user, consultation, action, from, to, MAX_EXPORT, MAX_EXPORT, false);
		String slug = clinics.get(auditor.clinicId()).slug();
		Instant now = clock.instant();
		List<EventView> found = tx.execute(s -> {
			List<AuditRecord> records = log.search(auditor.clinicId(), query);
			recorder.record(read(auditor, "AUDIT_EXPORTED", records.size()));
			return records.stream().map(EventView::of).toList();
		});
		String file = "audit-" + slug + "-" + now.toString().replace(":", "") + ".json";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
			.body(new Export(slug, now, found.size(), found));
	}

	@GetMapping("/api/v1/audit/verify")
	@Operation(summary = "Verify the clinic's audit chain: intact, or the first broken record",
			security = @SecurityRequirement(name = "bearer"))
	ChainReport verify(@AuthenticationPrincipal StaffMember auditor) {
		String slug = clinics.get(auditor.clinicId()).slug();
		// Verified before this request's own record is appended, which then links to the verified head.
		ChainReport report = tx.execute(s -> verifier.verify(auditor.clinicId(), slug,
				checkpoints.latest(auditor.clinicId())));
		recorder.record(new AuditEntry(auditor.clinicId(), clock.instant(), auditor.userId(), auditor.role().name(),
				"AUDIT_VERIFIED", "audit_chain", slug, Outcome.SUCCESS, AuditedEvents.OPERATIONS,
				report.intact() ? "intact" : "broken-at:" + report.firstBrokenSeq(), null, null, null));
		return report;
	}

	private AuditEntry read(StaffMember auditor, String action, int records) {
		return new AuditEntry(auditor.clinicId(), clock.instant(), auditor.userId(), auditor.role().name(), action,
				"audit_chain", clinics.get(auditor.clinicId()).slug(), Outcome.SUCCESS, AuditedEvents.OPERATIONS,
				"records:" + records, null, null, null);
	}

	private static AuditQuery query(String user, String consultation, String action, String from, String to,
			int limit, int max, boolean newestFirst) {
		if (limit < 1 || limit > max) {
			throw new InvalidAuditQuery("'limit' must be between 1 and " + max + ".");
		}
		if (action != null && !action.matches("[A-Z_]{1,64}")) {
			throw new InvalidAuditQuery("'action' must be an action name such as CONSULTATION_VIEWED.");
		}
		return new AuditQuery(uuid("user", user), uuid("consultation", consultation), action, instant("from", from),
				instant("to", to), limit, newestFirst);
	}

	private static UUID uuid(String name, String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidAuditQuery("'" + name + "' must be a UUID.");
		}
	}

	private static Instant instant(String name, String value) {
		try {
			return value == null || value.isBlank() ? null : Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidAuditQuery("'" + name + "' must be an ISO-8601 instant such as 2026-11-24T00:00:00Z.");
		}
	}
}
