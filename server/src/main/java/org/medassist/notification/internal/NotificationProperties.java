package org.medassist.notification.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff alerts ({@code medassist.notification.*}). Mail goes out through Spring Mail ({@code spring.mail.host},
 * {@code spring.mail.port}, ...).
 *
 * @param alertRecipients e-mail addresses to alert, by clinic slug (e.g. the charge nurse's pager-mail)
 * @param from the sender address
 * @param dashboardUrl where staff open the dashboard, quoted in alerts
 */
@ConfigurationProperties("medassist.notification")
record NotificationProperties(Map<String, List<String>> alertRecipients,
		@DefaultValue("medassist@localhost") String from, @DefaultValue("http://localhost:8080/nurse") String dashboardUrl) {

	NotificationProperties {
		alertRecipients = alertRecipients == null ? Map.of() : Map.copyOf(alertRecipients);
	}
}
