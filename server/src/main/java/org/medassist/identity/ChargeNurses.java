package org.medassist.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which nurses a clinic admin put in charge: they take the cases escalated past the nurses' target. Reads run
 * in the caller's clinic transaction (row-level security).
 */
@Service
public class ChargeNurses {

	private final JdbcClient jdbc;

	ChargeNurses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether this member of staff is a nurse in charge now (checked against the database, not the token). */
	public boolean isChargeNurse(StaffMember staff) {
		return staff.role() == StaffRole.NURSE && jdbc
			.sql("SELECT charge_nurse FROM staff_user WHERE id = ? AND disabled_at IS NULL")
			.param(staff.userId())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Whether the current clinic has an active charge nurse; without one, escalation skips that tier. */
	public boolean anyInCurrentClinic() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_user WHERE charge_nurse AND disabled_at IS NULL)")
			.query(Boolean.class)
			.single();
	}
}
