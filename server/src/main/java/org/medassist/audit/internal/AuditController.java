package org.medassist.audit.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

	/**
	 * A FHIR file holds at most this many records (10,000 made 26 MiB and took 1.7-3.2 s to build warm); beyond, the
	 * auditor narrows the period rather than getting a silently cut file.
	 */
	static final int MAX_FHIR_EXPORT = 10_000;

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	/** HAPI's R4 context (the library, not the fhir module, which the audit module listens to). */
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	/** Which MedAssist made an export: the host's name, for the AuditEvents' source. */
	private final String instance = hostName();

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
		Exported exported = exported(auditor, query(user, consultation, action, from, to, MAX_EXPORT, MAX_EXPORT, false),
				"", Integer.MAX_VALUE);
		List<EventView> found = exported.records().stream().map(EventView::of).toList();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, exported.attachment(".json"))
			.body(new Export(exported.clinic(), exported.at(), found.size(), found));
	}

	@GetMapping("/api/v1/audit/export/fhir")
	@Operation(summary = "Download the clinic's audit trail (same filters) as a FHIR R4 searchset Bundle of AuditEvent"
			+ " resources (application/fhir+json)",
			description = "DICOM/FHIR audit event types, C/R/U/D/E actions, agents by id and role, entities by type"
					+ " and id, no PHI. Each AuditEvent carries the chain extension (seq, hashes, canonical form), so"
					+ " the file re-verifies offline as the JSON export does.",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<String> exportFhir(@AuthenticationPrincipal StaffMember auditor,
			@RequestParam(required = false) String user, @RequestParam(required = false) String consultation,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		AuditQuery query = query(user, consultation, action, from, to, MAX_FHIR_EXPORT + 1, MAX_FHIR_EXPORT + 1, false);
		Exported exported = exported(auditor, query, " fhir", MAX_FHIR_EXPORT);
		Bundle bundle = FhirAuditEvents.bundle(exported.clinic(), instance, exported.at(), exported.records());
		bundle.addLink().setRelation("self").setUrl(self(query));
		String body = FHIR.newJsonParser().encodeResourceToString(bundle);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, exported.attachment(".fhir.json"))
			.contentType(FHIR_JSON)
			.body(body);
	}

	/** What was asked, rebuilt from the validated filters only (nothing the caller typed is echoed). */
	private static String self(AuditQuery query) {
		StringBuilder url = new StringBuilder("/api/v1/audit/export/fhir");
		java.util.StringJoiner parameters = new java.util.StringJoiner("&", "?", "").setEmptyValue("");
		if (query.user() != null) {
			parameters.add("user=" + query.user());
		}
		if (query.consultation() != null) {
			parameters.add("consultation=" + query.consultation());
		}
		if (query.action() != null) {
			parameters.add("action=" + query.action());
		}
		if (query.from() != null) {
			parameters.add("from=" + query.from());
		}
		if (query.to() != null) {
			parameters.add("to=" + query.to());
		}
		return url.append(parameters).toString();
	}

	/** The records an export holds, in chain order, read in the transaction that records the export. */
	private record Exported(String clinic, Instant at, List<AuditRecord> records) {

		String attachment(String extension) {
			return "attachment; filename=\"audit-" + clinic + "-" + at.toString().replace(":", "") + extension + "\"";
		}
	}

	private Exported exported(StaffMember auditor, AuditQuery query, String qualifier, int cap) {
		// An export leaves the system: it needs a fresh confirmation of password and code.
		reauthentication.require(auditor);
		String slug = clinics.get(auditor.clinicId()).slug();
		Instant now = clock.instant();
		List<AuditRecord> records = tx.execute(s -> {
			List<AuditRecord> found = log.search(auditor.clinicId(), query);
			if (found.size() > cap) {
				// Before the export is recorded: a refused export leaves nothing behind.
				throw new InvalidAuditQuery("More than " + cap + " records match: narrow the export with 'from' and 'to'.");
			}
			recorder.record(read(auditor, "AUDIT_EXPORTED", found.size(), qualifier));
			return found;
		});
		return new Exported(slug, now, records);
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
		return read(auditor, action, records, "");
	}

	private AuditEntry read(StaffMember auditor, String action, int records, String qualifier) {
		return new AuditEntry(auditor.clinicId(), clock.instant(), auditor.userId(), auditor.role().name(), action,
				"audit_chain", clinics.get(auditor.clinicId()).slug(), Outcome.SUCCESS, AuditedEvents.OPERATIONS,
				"records:" + records + qualifier, null, null, null);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "unknown-host";
		}
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
