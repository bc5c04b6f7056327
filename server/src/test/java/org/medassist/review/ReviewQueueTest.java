package org.medassist.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.ManyLogins;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ScriptedTriageEngine;
import org.medassist.testing.SocketClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The nurse's side of the loop over HTTP: completed consultations queue most urgent first, one reviewer holds a
 * case at a time, decisions keep the AI disposition beside the human one and reach the patient's chat, and an
 * unclaimed case breaches its target exactly once however many instances sweep.
 */
@ManyLogins
class ReviewQueueTest extends ApplicationTest {

	private static final Map<String, String> logins = new ConcurrentHashMap<>();

	@Autowired
	private ApplicationContext context;

	@Test
	void completedConsultationsQueueMostUrgentFirstAndOnlyInTheirClinic() {
		String routine = completed("demo", "ROUTINE");
		String emergency = completed("demo", "EMERGENCY");
		String urgent = completed("demo", "URGENT");
		List<String> order = ids(staff.get("/api/v1/review/queue", nurse()));
		assertThat(order.stream().filter(List.of(routine, emergency, urgent)::contains).toList())
			.containsExactly(emergency, urgent, routine);
		assertThat(ids(staff.get("/api/v1/review/queue?disposition=EMERGENCY", nurse()))).contains(emergency)
			.doesNotContain(urgent, routine);
		assertThat(ids(staff.get("/api/v1/review/queue", otherClinicNurse()))).doesNotContain(routine, emergency, urgent);
		Reply item = staff.get("/api/v1/review/" + emergency, nurse());
		assertThat(item.body().at("/review/item/escalated").asBoolean()).isTrue();
		assertThat(item.body().at("/review/item/aiGenerated").asBoolean()).as("the disposition is labelled AI-made")
			.isTrue();
		assertThat(item.body().at("/consultation/status").asString()).isEqualTo("ESCALATED");
	}

	@Test
	void oneReviewerAtATimeAndTheSecondIsToldWho() throws Exception {
		String id = completed("demo", "URGENT");
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status()).isEqualTo(200);
		assertThat(patientStatus(id)).isEqualTo("IN_REVIEW");
		Reply second = staff.post("/api/v1/review/" + id + "/claim", "", physician());
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body().get("detail").asString()).contains("nurse");
		assertThat(staff.post("/api/v1/review/" + id + "/release", "", nurse()).status()).isEqualTo(200);
		assertThat(patientStatus(id)).isEqualTo("AWAITING_REVIEW");

		String raced = completed("demo", "URGENT");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> byNurse = () -> staff.post("/api/v1/review/" + raced + "/claim", "", nurse()).status();
			Callable<Integer> byPhysician = () -> staff.post("/api/v1/review/" + raced + "/claim", "", physician())
				.status();
			List<Future<Integer>> results = pool.invokeAll(List.of(byNurse, byPhysician));
			assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aLapsedClaimCanBeTakenByAnother() {
		String id = completed("demo", "ROUTINE");
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status()).isEqualTo(200);
		database.sql("UPDATE review SET claim_expires_at = now() - interval '1 second' WHERE consultation_id = ?::uuid")
			.param(id).update();
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", physician()).status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/review/" + id + "/decision", "{\"disposition\":\"ROUTINE\"}", nurse()).status())
			.as("the nurse's claim lapsed").isEqualTo(409);
	}

	@Test
	void badDecisionsAreRefusedWithAReasonAndStoreNothing() {
		String id = completed("demo", "URGENT");
		String accept = "{\"disposition\":\"URGENT\"}";
		assertThat(decide(id, accept, nurse()).problemType()).as("not claimed")
			.isEqualTo("urn:medassist:problem:review-not-claimed-by-you");
		staff.post("/api/v1/review/" + id + "/claim", "", nurse());
		Reply noReason = decide(id, "{\"disposition\":\"ROUTINE\"}", nurse());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.problemType()).isEqualTo("urn:medassist:problem:override-reason-required");
		Reply unknownReason = decide(id, "{\"disposition\":\"ROUTINE\",\"reasonCode\":\"BECAUSE\"}", nurse());
		assertThat(unknownReason.status()).isEqualTo(400);
		assertThat(unknownReason.problemType()).isEqualTo("urn:medassist:problem:unknown-reason-code");
		assertThat(decide(id, "{\"disposition\":\"SOMETIMES\"}", nurse()).status()).isEqualTo(400);
		assertThat(decide(id, accept, otherClinicNurse()).status()).as("another clinic's case").isEqualTo(404);
		assertThat(database.sql("SELECT status FROM review WHERE consultation_id = ?::uuid").param(id)
			.query(String.class).single()).isEqualTo("CLAIMED");
	}

	@Test
	void anOverrideKeepsBothDispositionsAndTheInstructionsReachThePatient() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "EMERGENCY");
		String id = session.id();
		staff.post("/api/v1/review/" + id + "/claim", "", nurse());
		Reply decided = decide(id, """
				{"disposition":"URGENT","reasonCode":"RED_FLAG_NOT_CONFIRMED","note":"Spoke to the patient by phone.",
				 "patientInstructions":"Please come to the clinic today before 5 pm.","contactedPatient":true}""",
				nurse());
		assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
		assertThat(decided.body().at("/item/aiDisposition").asString()).isEqualTo("EMERGENCY");
		assertThat(decided.body().get("decidedDisposition").asString()).isEqualTo("URGENT");

		JsonNode view = patient.get(session).body();
		assertThat(view.get("status").asString()).isEqualTo("REVIEWED");
		JsonNode last = view.get("messages").get(view.get("messages").size() - 1);
		assertThat(last.get("author").asString()).isEqualTo("STAFF");
		assertThat(last.get("kind").asString()).isEqualTo("INSTRUCTION");
		assertThat(last.get("aiGenerated").asBoolean()).isFalse();
		assertThat(last.get("text").asString()).isEqualTo("Please come to the clinic today before 5 pm.");
		assertThat(events.of(ReviewDecided.class)).anyMatch(e -> e.consultationId().toString().equals(id)
				&& e.overridden() && "RED_FLAG_NOT_CONFIRMED".equals(e.reasonCode()));
		assertThat(decide(id, "{\"disposition\":\"URGENT\"}", nurse()).status()).as("decided once").isEqualTo(409);
		String stored = database.sql("SELECT note || '|' || patient_instructions FROM review WHERE consultation_id = ?::uuid")
			.param(id).query(String.class).single();
		assertThat(stored).as("staff's free text is encrypted at rest").doesNotContain("phone").doesNotContain("5 pm");
		assertThat(staff.get("/api/v1/review/" + id, nurse()).body().at("/review/note").asString())
			.isEqualTo("Spoke to the patient by phone.");
		assertThat(database.sql("SELECT detail FROM audit_event WHERE action = 'REVIEW_OVERRIDDEN' AND object_id = ?")
			.param(id).query(String.class).single()).as("the audit trail keeps both dispositions and the reason")
			.isEqualTo("ai:EMERGENCY human:URGENT reason:RED_FLAG_NOT_CONFIRMED");
	}

	@Test
	void aPatientWhoseChatIsOpenSeesTheNursesInstructionsAtOnce() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "URGENT");
		try (SocketClient socket = SocketClient.connectWithHeader(patient.base(), session.id(), session.token())) {
			assertThat(socket.nextOfType("state").at("/consultation/status").asString()).isEqualTo("AWAITING_REVIEW");
			staff.post("/api/v1/review/" + session.id() + "/claim", "", nurse());
			assertThat(decide(session.id(), "{\"disposition\":\"URGENT\",\"patientInstructions\":\"Come in at 3 pm.\"}",
					nurse()).status()).isEqualTo(200);
			JsonNode pushed = socket.nextOfType("state").get("consultation");
			assertThat(pushed.get("status").asString()).isEqualTo("REVIEWED");
			JsonNode messages = pushed.get("messages");
			assertThat(messages.get(messages.size() - 1).get("text").asString()).isEqualTo("Come in at 3 pm.");
		}
	}

	@Test
	void aSecondOpinionGoesToPhysiciansOnly() {
		String id = completed("demo", "URGENT");
		staff.post("/api/v1/review/" + id + "/claim", "", nurse());
		assertThat(staff.post("/api/v1/review/" + id + "/second-opinion", "{}", nurse()).status()).isEqualTo(400);
		assertThat(staff.post("/api/v1/review/" + id + "/second-opinion",
				"{\"note\":\"Chest pain at rest last week?\"}", nurse()).status()).isEqualTo(200);
		Reply byNurse = staff.post("/api/v1/review/" + id + "/claim", "", nurse());
		assertThat(byNurse.problemType()).isEqualTo("urn:medassist:problem:physician-review-requested");
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", physician()).status()).isEqualTo(200);
		assertThat(decide(id, "{\"disposition\":\"URGENT\"}", physician()).status()).isEqualTo(200);
	}

	@Test
	void anUnclaimedEmergencyClimbsOneTierPerBreachEachOnceThoughTwoInstancesSweep() throws Exception {
		String id = completed("demo", "EMERGENCY");
		// Queued three minutes ago: past the two-minute target once, not yet twice.
		queuedAgo(id, "3 minutes");
		sweepTwiceAtOnceThenAgain();
		assertThat(breachesAndTier(id)).as("the first breach goes to the charge nurse").isEqualTo("1 CHARGE_NURSE");
		assertThat(breachEvents(id)).containsExactly("breach:1 tier:CHARGE_NURSE");
		JsonNode item = staff.get("/api/v1/review/queue", nurse()).body().valueStream()
			.filter(n -> n.get("consultationId").asString().equals(id)).findFirst().orElseThrow();
		assertThat(item.get("breaches").asInt()).as("shown on the queue").isOne();
		assertThat(item.get("tier").asString()).isEqualTo("CHARGE_NURSE");

		queuedAgo(id, "5 minutes");
		sweepTwiceAtOnceThenAgain();
		assertThat(breachesAndTier(id)).as("the second breach sends it to physicians").isEqualTo("2 PHYSICIAN");
		assertThat(breachEvents(id)).containsExactly("breach:1 tier:CHARGE_NURSE", "breach:2 tier:PHYSICIAN");
	}

	@Test
	void aCaseEscalatedByAMissedTargetCanStillBeTakenByAnyNurseButASecondOpinionOnlyByAPhysician() throws Exception {
		String id = completed("demo", "URGENT");
		queuedAgo(id, "31 minutes");
		sweep();
		assertThat(breachesAndTier(id)).isEqualTo("1 CHARGE_NURSE");
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status())
			.as("escalation chases more people; it never stops a nurse taking an overdue case").isEqualTo(200);
		assertThat(staff.post("/api/v1/review/" + id + "/second-opinion", "{\"note\":\"Worse since this morning?\"}",
				nurse()).status()).isEqualTo(200);
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", chargeNurse()).problemType())
			.as("a physician was asked").isEqualTo("urn:medassist:problem:physician-review-requested");
		assertThat(staff.post("/api/v1/review/" + id + "/claim", "", physician()).status()).isEqualTo(200);
		assertThat(decide(id, "{\"disposition\":\"URGENT\"}", physician()).status()).isEqualTo(200);

		String emergency = completed("demo", "EMERGENCY");
		queuedAgo(emergency, "3 minutes");
		sweep();
		queuedAgo(emergency, "5 minutes");
		sweep();
		assertThat(breachesAndTier(emergency)).isEqualTo("2 PHYSICIAN");
		assertThat(staff.post("/api/v1/review/" + emergency + "/claim", "", nurse()).status())
			.as("an emergency that has waited is taken by whoever can").isEqualTo(200);
	}

	@Test
	void theClinicAdminPutsANurseInChargeAtOnceWithoutEndingHerSessionAndOnlyANurse() throws Exception {
		String admin = login("demo", "admin", "admin-demo-password");
		String nurseId = staffId("nurse");
		assertThat(staff.get("/api/v1/admin/staff", admin).body().valueStream()
			.filter(n -> n.get("username").asString().equals("charge")).findFirst().orElseThrow()
			.get("chargeNurse").asBoolean()).as("the demo charge nurse").isTrue();
		String id = completed("demo", "URGENT");
		queuedAgo(id, "31 minutes");
		sweep();
		Reply inCharge = staff.send("PATCH", "/api/v1/admin/staff/" + nurseId, "{\"chargeNurse\":true}", admin);
		assertThat(inCharge.status()).as(inCharge.raw()).isEqualTo(200);
		assertThat(inCharge.body().get("chargeNurse").asBoolean()).isTrue();
		try {
			assertThat(staff.get("/api/v1/admin/staff", admin).body().valueStream()
				.filter(n -> n.get("username").asString().equals("nurse")).findFirst().orElseThrow()
				.get("chargeNurse").asBoolean()).as("in charge at once").isTrue();
			assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status())
				.as("with the session she had").isEqualTo(200);
		}
		finally {
			assertThat(staff.send("PATCH", "/api/v1/admin/staff/" + nurseId, "{\"chargeNurse\":false}", admin).status())
				.isEqualTo(200);
		}
		Reply physicianInCharge = staff.send("PATCH", "/api/v1/admin/staff/" + staffId("physician"),
				"{\"chargeNurse\":true}", admin);
		assertThat(physicianInCharge.status()).isEqualTo(400);
		assertThat(physicianInCharge.problemType()).isEqualTo("urn:medassist:problem:invalid-charge-nurse");
	}

	@Test
	void withoutAChargeNurseTheFirstBreachChasesTheNursesAgain() throws Exception {
		database.sql("UPDATE staff_user SET charge_nurse = false WHERE username = 'charge'").update();
		try {
			String id = completed("demo", "EMERGENCY");
			queuedAgo(id, "3 minutes");
			sweep();
			assertThat(breachesAndTier(id)).as("no tier nobody holds").isEqualTo("1 NURSE");
			assertThat(staff.post("/api/v1/review/" + id + "/claim", "", nurse()).status()).isEqualTo(200);
		}
		finally {
			database.sql("UPDATE staff_user SET charge_nurse = true WHERE username = 'charge'").update();
		}
	}

	@Test
	void aRoutineCaseIsDueOneWorkingDayLaterInTheClinicsCalendarAnUrgentOneByTheClock() {
		String admin = login("demo", "admin", "admin-demo-password");
		String madridWeekdays = """
				{"timeZone":"Europe/Madrid","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
				 "opens":"08:00","closes":"18:00"}""";
		assertThat(staff.send("PUT", "/api/v1/admin/working-hours", madridWeekdays, admin).status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/admin/working-hours", admin).body().get("timeZone").asString())
			.isEqualTo("Europe/Madrid");
		for (String bad : List.of(madridWeekdays.replace("Europe/Madrid", "Mars/Olympus"),
				madridWeekdays.replace("\"08:00\"", "\"19:00\""), madridWeekdays.replace("\"08:00\"", "\"8 am\""),
				"{\"timeZone\":\"UTC\",\"days\":[],\"opens\":\"08:00\",\"closes\":\"18:00\"}")) {
			Reply refused = staff.send("PUT", "/api/v1/admin/working-hours", bad, admin);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.problemType()).isEqualTo("urn:medassist:problem:invalid-working-hours");
		}
		assertThat(staff.get("/api/v1/admin/working-hours", admin).body().get("opens").asString())
			.as("a refused change stores nothing").isEqualTo("08:00");

		// Friday 29 November 2030, 17:00 in Madrid (far ahead: no sweep breaches these while the test runs).
		String routine = completed("demo", "ROUTINE");
		String urgent = completed("demo", "URGENT");
		for (String id : List.of(routine, urgent)) {
			database.sql("UPDATE review SET queued_at = '2030-11-29T17:00:00+01:00' WHERE consultation_id = ?::uuid")
				.param(id).update();
		}
		Map<String, String> due = new java.util.HashMap<>();
		staff.get("/api/v1/review/queue", nurse()).body().valueStream()
			.forEach(n -> due.put(n.get("consultationId").asString(), n.get("dueAt").asString()));
		assertThat(java.time.Instant.parse(due.get(routine))).as("Monday 17:00 in Madrid, not Saturday")
			.isEqualTo(java.time.Instant.parse("2030-12-02T16:00:00Z"));
		assertThat(java.time.Instant.parse(due.get(urgent))).as("thirty minutes, weekend or not")
			.isEqualTo(java.time.Instant.parse("2030-11-29T16:30:00Z"));
	}

	@Test
	void analyticsCountOverridesByDirectionAndTimeToDecision() {
		// Reason codes that every clinic list in these tests has (the permission matrix replaces the demo list).
		java.time.Instant from = java.time.Instant.now();
		String up = completed("demo", "ROUTINE");
		String down = completed("demo", "URGENT");
		String accepted = completed("demo", "URGENT");
		for (String[] d : new String[][] { { up, "URGENT", "CLINICAL_JUDGEMENT" }, { down, "ROUTINE", "CLINICAL_JUDGEMENT" },
				{ accepted, "URGENT", null } }) {
			staff.post("/api/v1/review/" + d[0] + "/claim", "", nurse());
			String reason = d[2] == null ? "" : ",\"reasonCode\":\"" + d[2] + "\"";
			assertThat(decide(d[0], "{\"disposition\":\"" + d[1] + "\"" + reason + "}", nurse()).status()).isEqualTo(200);
		}
		Reply report = staff.get("/api/v1/review/analytics?from=" + from, nurse());
		assertThat(report.status()).as(report.raw()).isEqualTo(200);
		assertThat(report.body().get("cases").asLong()).isEqualTo(3);
		assertThat(report.body().get("decided").asLong()).isEqualTo(3);
		assertThat(report.body().get("overrideRate").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		JsonNode routine = report.body().get("byDisposition").valueStream()
			.filter(n -> n.get("disposition").asString().equals("ROUTINE")).findFirst().orElseThrow();
		assertThat(routine.get("overriddenUp").asLong()).isOne();
		assertThat(routine.get("overriddenDown").asLong()).isZero();
		JsonNode urgent = report.body().get("byDisposition").valueStream()
			.filter(n -> n.get("disposition").asString().equals("URGENT")).findFirst().orElseThrow();
		assertThat(urgent.get("overriddenDown").asLong()).isOne();
		assertThat(urgent.get("decisionP50").asDouble()).isGreaterThanOrEqualTo(0.0);
		assertThat(staff.get("/api/v1/review/analytics?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", nurse())
			.status()).isEqualTo(400);
	}

	// --- helpers ---

	private String completed(String clinic, String disposition) {
		Session session = patient.startAndConsent(clinic);
		Reply reply = patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + disposition);
		assertThat(reply.body().get("status").asString()).isIn("ESCALATED", "AWAITING_REVIEW");
		return session.id();
	}

	private String patientStatus(String id) {
		return database.sql("SELECT status FROM consultation WHERE id = ?::uuid").param(id).query(String.class).single();
	}

	private Reply decide(String id, String body, String token) {
		return staff.post("/api/v1/review/" + id + "/decision", body, token);
	}

	private void queuedAgo(String id, String interval) {
		database.sql("UPDATE review SET queued_at = now() - ?::interval WHERE consultation_id = ?::uuid")
			.params(interval, id).update();
	}

	private String staffId(String username) {
		return database.sql("SELECT u.id::text FROM staff_user u JOIN clinic c ON c.id = u.clinic_id"
				+ " WHERE c.slug = 'demo' AND u.username = ?").param(username).query(String.class).single();
	}

	private String breachesAndTier(String id) {
		return database.sql("SELECT breaches || ' ' || tier FROM review WHERE consultation_id = ?::uuid").param(id)
			.query(String.class).single();
	}

	private List<String> breachEvents(String id) {
		return events.of(ReviewEvent.class).stream()
			.filter(e -> e.kind() == ReviewEvent.Kind.BREACHED && e.consultationId().toString().equals(id))
			.map(ReviewEvent::detail)
			.toList();
	}

	/** Two instances' sweeps at the same moment, then one more: each breach must still be recorded once. */
	private void sweepTwiceAtOnceThenAgain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> sweeps = pool.invokeAll(List.of(this::sweep, this::sweep));
			sweeps.get(0).get();
			sweeps.get(1).get();
		}
		finally {
			pool.shutdown();
		}
		sweep();
	}

	private Integer sweep() throws Exception {
		Object job = context.getBean("escalations");
		var sweep = job.getClass().getMethod("sweep");
		sweep.setAccessible(true);
		return (Integer) sweep.invoke(job);
	}

	private static List<String> ids(Reply queue) {
		assertThat(queue.status()).as(queue.raw()).isEqualTo(200);
		return queue.body().valueStream().map(n -> n.get("consultationId").asString()).toList();
	}

	private String nurse() {
		return login("demo", "nurse", "nurse-demo-password");
	}

	private String physician() {
		return login("demo", "physician", "physician-demo-password");
	}

	private String chargeNurse() {
		return login("demo", "charge", "charge-demo-password");
	}

	private String otherClinicNurse() {
		return login("other", "nurse", "other-demo-password");
	}

	private String login(String clinic, String username, String password) {
		return logins.computeIfAbsent(port + clinic + username,
				k -> staff.loginDemo(clinic, username, password).accessToken());
	}
}
