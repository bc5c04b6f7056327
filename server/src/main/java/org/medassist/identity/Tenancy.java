package org.medassist.identity;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The clinic the current thread works for. Every database transaction begins by handing it to PostgreSQL
 * ({@code set_config('medassist.clinic_id', ..., true)}), whose row-level security then shows and accepts only
 * that clinic's rows. No clinic: no rows. Set it around work with {@link #callAs}; requests of authenticated
 * callers have it set from their credentials.
 */
public final class Tenancy {

	private static final ThreadLocal<ClinicId> CURRENT = new ThreadLocal<>();

	private Tenancy() {
	}

	public static <T> T callAs(ClinicId clinic, Supplier<T> work) {
		ClinicId previous = CURRENT.get();
		CURRENT.set(clinic);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	public static void runAs(ClinicId clinic, Runnable work) {
		callAs(clinic, () -> {
			work.run();
			return null;
		});
	}

	public static Optional<ClinicId> current() {
		return Optional.ofNullable(CURRENT.get());
	}
}
