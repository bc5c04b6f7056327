package org.medassist.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Session;
import org.medassist.testing.ScriptedTriageEngine;
import org.medassist.testing.StandInSmtpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A case that waits past its target alerts the clinic's staff by e-mail, over real SMTP to a stand-in mail
 * server, with no patient details in the message.
 */
class BreachAlertTest extends ApplicationTest {

	static final StandInSmtpServer smtp = new StandInSmtpServer();

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
		registry.add("medassist.notification.alert-recipients.demo[0]", () -> "charge-nurse@demo.example");
		registry.add("medassist.notification.from", () -> "medassist@demo.example");
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@Test
	void anUnclaimedEmergencyPastItsTargetAlertsTheChargeNurseWithoutPatientDetails() throws Exception {
		Session session = patient.startAndConsent("demo");
		patient.send(session, ScriptedTriageEngine.DISPOSITION_PREFIX + "EMERGENCY");
		database.sql("UPDATE review SET queued_at = now() - interval '3 minutes' WHERE consultation_id = ?::uuid")
			.param(session.id()).update();
		Object job = context.getBean("escalations");
		var sweep = job.getClass().getMethod("sweep");
		sweep.setAccessible(true);
		sweep.invoke(job);

		StandInSmtpServer.Mail mail = smtp.next(10);
		assertThat(mail).as("an alert within 10 s").isNotNull();
		assertThat(mail.to()).containsExactly("<charge-nurse@demo.example>");
		assertThat(mail.data()).contains("Subject: MedAssist: an EMERGENCY case is waiting past its target")
			.contains(session.id())
			.doesNotContain(ScriptedTriageEngine.DISPOSITION_PREFIX);
		assertThat(smtp.next(1)).as("one breach, one alert").isNull();
	}
}
