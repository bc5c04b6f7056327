package org.medassist.consultation;

import org.medassist.triage.Disposition;

/**
 * What reading the patient's EHR record did to a consultation.
 *
 * @param outcome {@code USED_BY_INTERVIEW} (the interview is still running: the next turns use it),
 *        {@code RAISED} (the finished interview's disposition rose), {@code UNCHANGED} (assessed again, same
 *        disposition), or {@code STORED} (decided or abandoned: stored, not assessed again)
 */
public record RecordApplied(String outcome, Disposition before, Disposition after) {
}
