package org.medassist.identity;

/** A caller who acts within one clinic: their requests run with that clinic as the {@link Tenancy}. */
public interface ClinicScoped {

	ClinicId clinicId();
}
