package org.medassist.notification.internal;

import org.medassist.identity.ClinicId;
import org.medassist.platform.WakeUps;
import org.springframework.stereotype.Component;

/**
 * "Clinic X has news": every instance wakes its own dashboards, which read the updates from PostgreSQL. Through
 * Redis when configured, in-process otherwise (see {@link WakeUps}).
 */
@Component
class Wakeups {

	static final String CHANNEL = "medassist:dashboard";

	private final WakeUps wakeUps;

	Wakeups(DashboardHub hub, WakeUps wakeUps) {
		this.wakeUps = wakeUps;
		wakeUps.listen(CHANNEL, clinic -> hub.wake(new ClinicId(clinic)));
	}

	void publish(ClinicId clinic) {
		wakeUps.publish(CHANNEL, clinic.value());
	}
}
