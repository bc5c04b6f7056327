package org.medassist.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.medassist.identity.ClinicId;
import org.medassist.identity.StaffMember;
import org.medassist.identity.Tenancy;
import org.medassist.knowledge.KnowledgeDocumentChanged;
import org.medassist.knowledge.KnowledgeDocumentChanged.Change;
import org.medassist.knowledge.KnowledgeProperties;
import org.medassist.platform.MedAssistException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic admin's own guidance documents: Markdown (front matter as in the shared corpus) or plain text (metadata
 * as parameters). Each upload is checked, split and embedded before anything is written; then stored (a new version
 * on replace) and audited in one transaction; then indexed on this instance at once (others poll). A refused
 * upload writes nothing.
 */
@RestController
@Tag(name = "Clinic administration")
class ClinicDocumentAdministration {

	private static final String BASE = "/api/v1/admin/knowledge/documents";

	private final ClinicDocuments documents;
	private final Knowledge knowledge;
	private final KnowledgeProperties properties;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClinicDocumentAdministration(ClinicDocuments documents, Knowledge knowledge, KnowledgeProperties properties,
			TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.documents = documents;
		this.knowledge = knowledge;
		this.properties = properties;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	/** A document version as the admin sees it. */
	record DocumentView(String id, int version, String title, String mediaType, String audience, String ageGroup,
			String language, List<String> protocols, List<String> sections, Integer passages, String sha256,
			Instant createdAt, String content, List<VersionView> versions) {
	}

	record VersionView(int version, String sha256, Instant createdAt, Instant retiredAt) {
	}

	@GetMapping(BASE)
	@Operation(summary = "The clinic's guidance documents in force", security = @SecurityRequirement(name = "bearer"))
	List<DocumentView> list(@AuthenticationPrincipal StaffMember admin) {
		List<ClinicDocuments.Stored> stored = Tenancy.callAs(admin.clinicId(),
				() -> tx.execute(s -> documents.current(admin.clinicId())));
		return stored.stream().map(d -> view(d, null, false, List.of())).toList();
	}

	@GetMapping(BASE + "/{id}")
	@Operation(summary = "One document: its text and every version", security = @SecurityRequirement(name = "bearer"))
	DocumentView get(@AuthenticationPrincipal StaffMember admin, @PathVariable String id) {
		return Tenancy.callAs(admin.clinicId(), () -> tx.execute(s -> {
			ClinicDocuments.Stored d = documents.current(admin.clinicId(), id).orElseThrow(DocumentNotFound::new);
			return view(d, null, true, documents.versions(admin.clinicId(), id));
		}));
	}

	@PostMapping(BASE)
	@Operation(summary = "Add a document (text/markdown with front matter, or text/plain with ?title=&audience=...)",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<DocumentView> create(@AuthenticationPrincipal StaffMember admin, HttpServletRequest request,
			@RequestParam(required = false) String id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String audience, @RequestParam(required = false) String ageGroup,
			@RequestParam(required = false) String language, @RequestParam(required = false) List<String> protocols,
			@RequestParam(required = false) String url) {
		ClinicDocumentFormat.Upload upload = ClinicDocumentFormat.check(body(request), request.getContentType(),
				new ClinicDocumentFormat.PlainMetadata(id, title, audience, ageGroup, language, protocols, url),
				properties.maxDocumentBytes());
		DocumentView view = store(admin, upload, false);
		return ResponseEntity.status(HttpStatus.CREATED).body(view);
	}

	@PutMapping(BASE + "/{id}")
	@Operation(summary = "Replace a document (a new version)", security = @SecurityRequirement(name = "bearer"))
	DocumentView replace(@AuthenticationPrincipal StaffMember admin, @PathVariable String id, HttpServletRequest request,
			@RequestParam(required = false) String title, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String ageGroup, @RequestParam(required = false) String language,
			@RequestParam(required = false) List<String> protocols, @RequestParam(required = false) String url) {
		// Another clinic's document (or none) is not found, whatever was sent.
		Tenancy.runAs(admin.clinicId(), () -> tx.execute(s -> documents.current(admin.clinicId(), id))
			.orElseThrow(DocumentNotFound::new));
		ClinicDocumentFormat.Upload upload = ClinicDocumentFormat.check(body(request), request.getContentType(),
				new ClinicDocumentFormat.PlainMetadata(id, title, audience, ageGroup, language, protocols, url),
				properties.maxDocumentBytes());
		if (!upload.document().id().equals(id)) {
			throw new InvalidGuidanceDocument("The front matter's 'id' must be the id in the path.");
		}
		return store(admin, upload, true);
	}

	@DeleteMapping(BASE + "/{id}")
	@Operation(summary = "Retire a document (its versions are kept)", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> delete(@AuthenticationPrincipal StaffMember admin, @PathVariable String id) {
		ClinicId clinic = admin.clinicId();
		Tenancy.runAs(clinic, () -> tx.executeWithoutResult(s -> {
			ClinicDocuments.Stored current = documents.current(clinic, id).orElseThrow(DocumentNotFound::new);
			Instant now = clock.instant();
			documents.retire(clinic, id, admin.userId(), now);
			events.publishEvent(new KnowledgeDocumentChanged(clinic, admin.userId(), id, current.version(),
					Change.DELETED, now));
		}));
		knowledge.removed(clinic, id);
		return ResponseEntity.noContent().build();
	}

	private DocumentView store(StaffMember admin, ClinicDocumentFormat.Upload upload, boolean replace) {
		ClinicId clinic = admin.clinicId();
		GuidanceDocument doc = upload.document();
		int version = Tenancy.callAs(clinic, () -> tx.execute(s -> {
			boolean exists = documents.current(clinic, doc.id()).isPresent();
			if (replace && !exists) {
				throw new DocumentNotFound();
			}
			if (!replace && exists) {
				throw new DocumentExists();
			}
			return documents.nextVersion(clinic, doc.id());
		}));
		// Split and embed before writing, so that a failure here leaves nothing behind.
		Knowledge.Prepared prepared = knowledge.prepare(clinic, version, doc);
		Instant now = clock.instant();
		ClinicDocuments.Stored stored = Tenancy.callAs(clinic, () -> tx.execute(s -> {
			try {
				if (replace && !documents.retire(clinic, doc.id(), admin.userId(), now)) {
					throw new DocumentNotFound();
				}
				documents.insert(clinic, doc.id(), version, doc.title(), upload.mediaType(), upload.content(),
						upload.sha256(), upload.metadata(), admin.userId(), now);
			}
			catch (DuplicateKeyException e) {
				// Another admin stored this id (or version) meanwhile.
				throw new DocumentExists();
			}
			events.publishEvent(new KnowledgeDocumentChanged(clinic, admin.userId(), doc.id(), version,
					replace ? Change.REPLACED : Change.CREATED, now));
			return documents.current(clinic, doc.id()).orElseThrow();
		}));
		knowledge.indexed(prepared);
		return view(stored, prepared.chunks().size(), false, List.of());
	}

	private static DocumentView view(ClinicDocuments.Stored d, Integer passages, boolean withContent,
			List<ClinicDocuments.Stored> versions) {
		GuidanceDocument doc = ClinicDocumentFormat.parse(d);
		return new DocumentView(d.id(), d.version(), d.title(), d.mediaType(), doc.audience().code(),
				doc.ageGroup().code(), doc.language(), doc.protocols(),
				doc.sections().stream().map(GuidanceDocument.Section::heading).toList(), passages, d.sha256(),
				d.createdAt(), withContent ? d.content() : null,
				versions.stream().map(v -> new VersionView(v.version(), v.sha256(), v.createdAt(), v.retiredAt())).toList());
	}

	/** Reads at most one byte past the limit, so a huge upload is refused without being held in memory. */
	private byte[] body(HttpServletRequest request) {
		int limit = properties.maxDocumentBytes();
		if (request.getContentLengthLong() > limit) {
			throw new InvalidGuidanceDocument("document-too-large",
					"The document is larger than the limit of " + limit + " bytes.");
		}
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes(limit + 1);
		}
		catch (IOException e) {
			throw new InvalidGuidanceDocument("unreadable-document", "The document could not be read completely.");
		}
	}

	static final class DocumentNotFound extends MedAssistException {

		DocumentNotFound() {
			super(Kind.NOT_FOUND, "guidance-document-not-found", "Your clinic has no guidance document with this id.");
		}
	}

	static final class DocumentExists extends MedAssistException {

		DocumentExists() {
			super(Kind.CONFLICT, "guidance-document-exists",
					"Your clinic already has a document with this id: replace it with PUT, or choose another id.");
		}
	}
}
