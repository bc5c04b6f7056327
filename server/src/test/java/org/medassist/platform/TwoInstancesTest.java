package org.medassist.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.testing.EventStreams.readUntil;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.medassist.MedAssistApplication;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ScriptedTriageEngine;
import org.medassist.testing.SocketClient;
import org.medassist.testing.StaffClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Two MedAssist instances (two application contexts in this JVM, each with its own web server, pool and
 * Redis connections) on one PostgreSQL and one Redis, as behind a load balancer: a patient on one and a nurse
 * on the other is notified; a claim on one instance blocks a claim on the other; a nurse's decision on one
 * reaches the patient's chat open on the other; when one instance stops, the other carries on and a dashboard
 * that reconnects to it catches up. The test that stops an instance runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

	static final String DATABASE = "medassist_it_two_instances";

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() throws Exception {
		ExternalPostgresTest.createDatabaseAndRoles(DATABASE);
		first = instance(true);
		second = instance(false);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null && first.isActive()) {
			first.close();
		}
	}

	static ConfigurableApplicationContext instance(boolean seedDemo) {
		// Command-line arguments: they outrank application.yml (default properties would not).
		return new SpringApplicationBuilder(MedAssistApplication.class, ScriptedTriageEngine.Configuration.class)
			.run("--medassist.db.url=" + ExternalPostgresTest.SERVER + DATABASE,
					"--medassist.db.user=" + ExternalPostgresTest.APP, "--medassist.db.password=app-secret",
					"--medassist.db.migration.user=" + ExternalPostgresTest.OWNER,
					"--medassist.db.migration.password=owner-secret", "--medassist.demo=" + seedDemo,
					"--medassist.redis.url="
							+ System.getenv().getOrDefault("MEDASSIST_TEST_REDIS_URL", "redis://127.0.0.1:6379"),
					"--medassist.identity.logins-per-minute-per-address=1000",
					"--medassist.identity.logins-per-minute-per-account=1000", "--server.port=0",
					"--logging.level.root=WARN", "--spring.main.allow-bean-definition-overriding=true");
	}

	static PatientClient client(ConfigurableApplicationContext instance) {
		return PatientClient.onPort(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
	}

	@Test
	@Order(1)
	void aNursesDecisionOnOneInstanceReachesThePatientsChatOpenOnTheOther() {
		PatientClient onFirst = client(first);
		PatientClient onSecond = client(second);
		StaffClient nurseOnSecond = new StaffClient(onSecond);
		String nurse = login(nurseOnSecond, "nurse", "nurse-demo-password");
		Session session = onFirst.startAndConsent("demo");
		onFirst.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "URGENT");
		try (SocketClient socket = SocketClient.connectWithHeader(onFirst.base(), session.id(), session.token())) {
			assertThat(socket.nextOfType("state").at("/consultation/status").asString()).isEqualTo("AWAITING_REVIEW");
			assertThat(nurseOnSecond.post("/api/v1/review/" + session.id() + "/claim", "", nurse).status())
				.isEqualTo(200);
			assertThat(nurseOnSecond.post("/api/v1/review/" + session.id() + "/decision",
					"{\"disposition\":\"URGENT\",\"patientInstructions\":\"Come in at 3 pm.\"}", nurse).status())
				.isEqualTo(200);
			// The second instance has no socket for this patient: only the fan-out can bring this.
			JsonNode pushed = socket.nextOfType("state").get("consultation");
			assertThat(pushed.get("status").asString()).isEqualTo("REVIEWED");
			assertThat(lastText(pushed)).isEqualTo("Come in at 3 pm.");
		}
		// A patient who reconnects, here to the other instance, gets the whole state from PostgreSQL.
		try (SocketClient again = SocketClient.connectWithHeader(onSecond.base(), session.id(), session.token())) {
			JsonNode state = again.nextOfType("state").get("consultation");
			assertThat(state.get("status").asString()).isEqualTo("REVIEWED");
			assertThat(lastText(state)).isEqualTo("Come in at 3 pm.");
		}
	}

	/**
	 * A demo login, tried once more with the next code if refused: the test client uses the step before the
	 * current one, and a fresh instance's first login can be slow enough for that step to leave the server's window.
	 */
	private static String login(StaffClient client, String username, String password) {
		for (int attempt = 1;; attempt++) {
			Reply reply = client.loginReply("demo", username, password,
					client.freshCode("demo", username, StaffClient.DEMO_SECRET));
			if (reply.status() == 200 || attempt == 2) {
				assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
				return reply.body().get("accessToken").asString();
			}
		}
	}

	private static String lastText(JsonNode consultation) {
		JsonNode messages = consultation.get("messages");
		return messages.get(messages.size() - 1).get("text").asString();
	}

	@Test
	@Order(2)
	void eachBreachIsRecordedOnceAndClimbsOneTierThoughBothInstancesSweepAtOnce() throws Exception {
		PatientClient onFirst = client(first);
		Session session = onFirst.startAndConsent("demo");
		onFirst.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "EMERGENCY");
		JdbcClient database = JdbcClient.create(new DriverManagerDataSource(ExternalPostgresTest.SERVER + DATABASE,
				ExternalPostgresTest.OWNER, "owner-secret"));
		String breaches = """
				SELECT breaches || ' ' || tier || ' ' || (SELECT count(*) FROM dashboard_update d
				    WHERE d.consultation_id = r.consultation_id AND d.kind = 'BREACHED')
				FROM review r WHERE consultation_id = ?::uuid""";
		// Past the two-minute target once, then twice: each time both instances sweep at the same moment.
		for (String ago : List.of("3 minutes", "5 minutes")) {
			database.sql("UPDATE review SET queued_at = now() - ?::interval WHERE consultation_id = ?::uuid")
				.params(ago, session.id()).update();
			CompletableFuture<Integer> onOne = CompletableFuture.supplyAsync(() -> sweep(first));
			CompletableFuture<Integer> onOther = CompletableFuture.supplyAsync(() -> sweep(second));
			onOne.get(60, TimeUnit.SECONDS);
			onOther.get(60, TimeUnit.SECONDS);
		}
		assertThat(database.sql(breaches).param(session.id()).query(String.class).single())
			.as("two breaches, each recorded and announced once; the demo clinic has a charge nurse, then physicians")
			.isEqualTo("2 PHYSICIAN 2");
	}

	/** One run of an instance's escalation job, as its scheduler would start it. */
	private static int sweep(ConfigurableApplicationContext instance) {
		try {
			Object job = instance.getBean("escalations");
			var sweep = job.getClass().getMethod("sweep");
			sweep.setAccessible(true); // a package-private class's public method
			return (Integer) sweep.invoke(job);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	@Order(3)
	void aPatientOnOneInstanceReachesANurseOnTheOtherAndClaimsAreExclusive() throws Exception {
		PatientClient onFirst = client(first);
		PatientClient onSecond = client(second);
		StaffClient nurseOnSecond = new StaffClient(onSecond);
		StaffClient physicianOnFirst = new StaffClient(onFirst);
		String nurse = login(nurseOnSecond, "nurse", "nurse-demo-password");
		String physician = login(physicianOnFirst, "physician", "physician-demo-password");

		// The nurse's dashboard is on the second instance; the patient talks to the first.
		HttpResponse<InputStream> stream = HttpClient.newHttpClient()
			.send(onSecond.request("/api/v1/notifications/dashboard", nurse).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		Session session = onFirst.startAndConsent("demo");
		onFirst.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "EMERGENCY");
		String seen = readUntil(stream.body(), session.id(), 15);
		assertThat(seen).contains("event:QUEUED").contains(session.id());
		stream.body().close();

		Reply claimed = nurseOnSecond.post("/api/v1/review/" + session.id() + "/claim", "", nurse);
		assertThat(claimed.status()).isEqualTo(200);
		Reply refused = physicianOnFirst.post("/api/v1/review/" + session.id() + "/claim", "", physician);
		assertThat(refused.status()).as("a claim on one instance blocks the other").isEqualTo(409);

		// The first instance stops; the second goes on, and a dashboard reconnecting there catches up from seq 0.
		first.close();
		Reply decided = nurseOnSecond.post("/api/v1/review/" + session.id() + "/decision",
				"{\"disposition\":\"EMERGENCY\"}", nurse);
		assertThat(decided.status()).isEqualTo(200);
		HttpResponse<InputStream> again = HttpClient.newHttpClient()
			.send(onSecond.request("/api/v1/notifications/dashboard?after=0", nurse).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		String replay = readUntil(again.body(), "DECIDED", 15);
		assertThat(replay).contains("event:QUEUED").contains("event:CLAIMED").contains("event:DECIDED");
		again.body().close();
	}

}
