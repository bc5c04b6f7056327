package org.medassist.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;

/**
 * A clinic's own guidance documents over HTTP: an upload is searchable at once, by that clinic only; replace makes
 * a new version; delete retires it; bad uploads change nothing; odd queries never fail; every change is audited.
 */
@ManyLogins
class ClinicDocumentsTest extends ApplicationTest {

	private static final String DOCS = "/api/v1/admin/knowledge/documents";

	private String admin;

	private String nurse;

	private String otherNurse;

	@BeforeEach
	void logIn() {
		admin = staff.loginDemo("demo", "admin", "admin-demo-password").accessToken();
		nurse = staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken();
		otherNurse = staff.loginDemo("other", "nurse", "other-demo-password").accessToken();
	}

	private static final String FLU_CLINIC = """
			---
			id: saturday-flu-clinic
			title: Saturday flu vaccination clinic
			audience: patient
			age_group: all
			language: en
			protocols: [cold-flu]
			---
			## Opening times
			Our flu vaccination clinic is open on Saturday mornings from 9 to 12 at the Elm Street surgery. No appointment needed.
			Source: Demo clinic notice — https://clinic.example/flu
			""";

	private Reply upload(String method, String path, String contentType, byte[] body, String token) {
		HttpRequest.Builder request = patient.request(path, token).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		return patient.exchange(request.build());
	}

	private Reply search(String q, String token) {
		return staff.get("/api/v1/knowledge/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=5",
				token);
	}

	private static List<String> documentIds(Reply reply) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		reply.body().get("results").forEach(r -> ids.add(r.get("documentId").asString()));
		return ids;
	}

	private int audited() {
		return database.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'KNOWLEDGE_%'").query(Integer.class)
			.single();
	}

	private int storedRows() {
		return database.sql("SELECT count(*) FROM knowledge_document").query(Integer.class).single();
	}

	@Test
	void anUploadIsSearchableAtOnceByItsClinicOnlyAndVersionedOnReplace() {
		Reply created = upload("POST", DOCS, "text/markdown", FLU_CLINIC.getBytes(StandardCharsets.UTF_8), admin);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.body().get("version").asInt()).isEqualTo(1);
		assertThat(created.body().get("passages").asInt()).isEqualTo(1);

		// No restart, no wait: the response comes after the passage is in this instance's index.
		Reply found = search("when can I get my flu jab on saturday", nurse);
		assertThat(documentIds(found).get(0)).isEqualTo("saturday-flu-clinic");
		assertThat(found.body().get("results").get(0).get("source").get("url").asString())
			.isEqualTo("https://clinic.example/flu");
		assertThat(found.body().get("results").get(0).get("clinicDocument").asBoolean()).isTrue();
		assertThat(documentIds(search("when can I get my flu jab on saturday", otherNurse)))
			.as("another clinic's staff never see it").doesNotContain("saturday-flu-clinic");

		// A patient of the clinic finds it too (patient-facing), with their consultation token.
		Session session = patient.startAndConsent("demo");
		assertThat(documentIds(search("flu jab saturday", session.token()))).contains("saturday-flu-clinic");
		Session otherPatient = patient.startAndConsent("other");
		assertThat(documentIds(search("flu jab saturday", otherPatient.token()))).doesNotContain("saturday-flu-clinic");

		// Replace: version 2; the old text is no longer found, the new one is.
		Reply replaced = upload("PUT", DOCS + "/saturday-flu-clinic", "text/markdown",
				FLU_CLINIC.replace("Saturday mornings from 9 to 12 at the Elm Street surgery",
						"Tuesday evenings from 5 to 8 at the Oak Road health centre").getBytes(StandardCharsets.UTF_8),
				admin);
		assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
		assertThat(replaced.body().get("version").asInt()).isEqualTo(2);
		Reply after = search("flu vaccination Oak Road health centre", nurse);
		assertThat(documentIds(after).get(0)).isEqualTo("saturday-flu-clinic");
		assertThat(after.body().get("results").get(0).get("text").asString()).contains("Oak Road")
			.doesNotContain("Elm Street");
		Reply detail = staff.get(DOCS + "/saturday-flu-clinic", admin);
		assertThat(detail.body().get("versions")).hasSize(2);
		assertThat(staff.get(DOCS + "/saturday-flu-clinic", otherNurse).status()).isEqualTo(403);

		// Delete: retired (both versions kept in PostgreSQL), gone from search.
		assertThat(staff.send("DELETE", DOCS + "/saturday-flu-clinic", null, admin).status()).isEqualTo(204);
		assertThat(documentIds(search("flu vaccination Oak Road health centre", nurse)))
			.doesNotContain("saturday-flu-clinic");
		assertThat(staff.get(DOCS + "/saturday-flu-clinic", admin).status()).isEqualTo(404);
		assertThat(database.sql("SELECT count(*) FROM knowledge_document WHERE id = 'saturday-flu-clinic'")
			.query(Integer.class).single()).isEqualTo(2);

		assertThat(database.sql("SELECT string_agg(action || ':' || detail, ',' ORDER BY seq) FROM audit_event"
				+ " WHERE object_type = 'knowledge_document' AND object_id = 'saturday-flu-clinic'")
			.query(String.class).single())
			.isEqualTo("KNOWLEDGE_DOCUMENT_CREATED:version:1,KNOWLEDGE_DOCUMENT_REPLACED:version:2,"
					+ "KNOWLEDGE_DOCUMENT_DELETED:version:2");
	}

	@Test
	void plainTextTakesItsMetadataFromParameters() {
		Reply created = upload("POST",
				DOCS + "?title=Travel%20vaccines%20at%20our%20clinic&audience=patient&protocols=cold-flu",
				"text/plain; charset=utf-8",
				"We offer travel vaccines by appointment.\n\nBook at least eight weeks before you travel."
					.getBytes(StandardCharsets.UTF_8), admin);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.body().get("id").asString()).isEqualTo("travel-vaccines-at-our-clinic");
		assertThat(documentIds(search("how early should I book travel vaccines", nurse)))
			.contains("travel-vaccines-at-our-clinic");
	}

	@Test
	void badUploadsAreRefusedAndChangeNothing() {
		assertThat(upload("POST", DOCS + "?title=Bad%20upload%20target&audience=patient", "text/plain",
				"A document to replace badly.".getBytes(StandardCharsets.UTF_8), admin).status()).isEqualTo(201);
		int rowsBefore = storedRows();
		int auditedBefore = audited();
		String indexedBefore = search("flu jab saturday", nurse).raw();
		record Bad(String contentType, byte[] body, String type) {
		}
		byte[] huge = ("---\nid: huge\ntitle: Huge\naudience: patient\n---\n## A\n" + "x".repeat(300_000))
			.getBytes(StandardCharsets.UTF_8);
		List<Bad> bad = List.of(new Bad("text/markdown", new byte[0], "empty-document"),
				new Bad("text/markdown", "   \n\n ".getBytes(StandardCharsets.UTF_8), "empty-document"),
				new Bad("text/markdown", huge, "document-too-large"),
				new Bad("text/markdown", new byte[] { 0x50, 0x4b, 0x03, 0x04, 0, 0, (byte) 0xff, (byte) 0xfe },
						"binary-document"),
				new Bad("text/plain", "text\u0000with NUL".getBytes(StandardCharsets.UTF_8), "binary-document"),
				new Bad("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), "unsupported-document-type"),
				new Bad("application/octet-stream", "abc".getBytes(StandardCharsets.UTF_8), "unsupported-document-type"),
				new Bad("text/markdown", "## No front matter\ntext".getBytes(StandardCharsets.UTF_8),
						"invalid-guidance-document"),
				new Bad("text/markdown", FLU_CLINIC.replace("audience: patient", "audience: martians")
					.getBytes(StandardCharsets.UTF_8), "invalid-guidance-document"),
				new Bad("text/markdown", FLU_CLINIC.replace("id: saturday-flu-clinic", "id: Not An Id")
					.getBytes(StandardCharsets.UTF_8), "invalid-guidance-document"),
				new Bad("text/plain", "Plain text without a title".getBytes(StandardCharsets.UTF_8),
						"invalid-guidance-document"));
		for (Bad b : bad) {
			Reply reply = upload("POST", DOCS, b.contentType(), b.body(), admin);
			assertThat(reply.status()).as(b.type() + ": " + reply.raw()).isEqualTo(400);
			assertThat(reply.problemType()).isEqualTo("urn:medassist:problem:" + b.type());
			assertThat(reply.body().get("detail").asString()).isNotBlank();
		}
		// PUT of a document that does not exist, and a front matter id that is not the path's.
		assertThat(upload("PUT", DOCS + "/no-such-doc", "text/markdown",
				FLU_CLINIC.replace("saturday-flu-clinic", "no-such-doc").getBytes(StandardCharsets.UTF_8), admin)
			.status()).isEqualTo(404);
		assertThat(upload("PUT", DOCS + "/bad-upload-target", "text/markdown",
				FLU_CLINIC.getBytes(StandardCharsets.UTF_8), admin).status()).isEqualTo(400);
		assertThat(upload("PUT", DOCS + "/bad-upload-target", "application/zip", new byte[] { 0x50, 0x4b, 3, 4 }, admin)
			.status()).isEqualTo(400);
		assertThat(storedRows()).as("nothing stored").isEqualTo(rowsBefore);
		assertThat(search("flu jab saturday", nurse).raw()).as("index unchanged").isEqualTo(indexedBefore);
		assertThat(audited()).as("nothing audited as changed").isEqualTo(auditedBefore);
	}

	@Test
	void oddQueriesNeverFail() {
		for (String q : List.of("\"", "ibuprofen AND (", "title:*", "[1 TO 5]", "~!@#$%^&*()_+{}|:<>?", "🤒",
				"ça fait mal à la gorge", "\\", "OR", "a".repeat(1000))) {
			assertThat(search(q, nurse).status()).as(q).isEqualTo(200);
		}
		assertThat(staff.get("/api/v1/knowledge/search?q=", nurse).status()).isEqualTo(400);
		assertThat(staff.get("/api/v1/knowledge/search?q=x&limit=abc", nurse).status()).isEqualTo(400);
		assertThat(staff.get("/api/v1/knowledge/search?q=x&audience=martians", nurse).status()).isEqualTo(400);
	}
}
