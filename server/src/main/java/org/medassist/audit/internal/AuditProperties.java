package org.medassist.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Audit settings ({@code medassist.audit.*}).
 *
 * @param retention how long audit records are kept; never less than six years (HIPAA, 45 CFR 164.316(b)(2)),
 * seven by default. The database enforces the same floor in {@code audit_purge()}.
 * @param checkpointDir where chain heads are written; default {@code <medassist.data>/audit-checkpoints}
 * @param checkpointInterval how often each chain's head is verified and checkpointed
 * @param purgeInterval how often records past retention are purged
 */
@Validated
@ConfigurationProperties("medassist.audit")
record AuditProperties(@NotNull @DefaultValue("P7Y") Period retention, Path checkpointDir,
		@NotNull @DefaultValue("5m") Duration checkpointInterval, @NotNull @DefaultValue("1d") Duration purgeInterval) {

	static final Period MINIMUM_RETENTION = Period.ofYears(6);

	AuditProperties {
		if (retention != null && shorter(retention, MINIMUM_RETENTION)) {
			throw new IllegalArgumentException(
					"medassist.audit.retention must be at least 6 years (P6Y), was " + retention);
		}
	}

	/** Compared on a calendar, so that P2191D and P6Y compare as a person would. */
	private static boolean shorter(Period a, Period b) {
		LocalDate base = LocalDate.of(2000, 1, 1);
		return base.plus(a).isBefore(base.plus(b));
	}
}
