package org.medassist.notification.internal;

import java.util.List;

import org.medassist.identity.Clinics;
import org.medassist.review.ReviewEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Alerts the clinic's staff by e-mail when a case waits past its target. The message names the urgency, the
 * breach and where to look, never the patient or what they said: e-mail is not a place for PHI.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class StaffAlerts {

	private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationProperties properties;

	private final Clinics clinics;

	StaffAlerts(ObjectProvider<JavaMailSender> mail, NotificationProperties properties, Clinics clinics) {
		this.mail = mail;
		this.properties = properties;
		this.clinics = clinics;
	}

	@TransactionalEventListener
	void on(ReviewEvent event) {
		if (event.kind() != ReviewEvent.Kind.BREACHED) {
			return;
		}
		JavaMailSender sender = mail.getIfAvailable();
		String clinic = clinics.get(event.clinicId()).slug();
		List<String> to = properties.alertRecipients().getOrDefault(clinic, List.of());
		if (sender == null || to.isEmpty()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.from());
		message.setTo(to.toArray(String[]::new));
		message.setSubject("MedAssist: an " + event.disposition() + " case is waiting past its target");
		message.setText("""
				A case assessed as %s has not been claimed within the clinic's target (%s).

				Open the review queue: %s
				Case reference: %s

				This alert carries no patient details; they are in MedAssist.""".formatted(event.disposition(),
				event.detail(), properties.dashboardUrl(), event.consultationId()));
		try {
			sender.send(message);
		}
		catch (MailException e) {
			// The breach is on the dashboard whatever happens to the e-mail; the next breach alerts again.
			log.warn("Could not send a breach alert for clinic {} ({})", clinic, e.getClass().getSimpleName());
		}
	}
}
