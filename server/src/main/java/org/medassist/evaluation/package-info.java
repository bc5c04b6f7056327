/**
 * Evaluation: runs vignettes (synthetic cases) through the same consultation service a patient's chat uses,
 * with a simulated patient, and scores the dispositions. The format and the scoring are fixed in the shared
 * design notes ({@code bin/medassist eval}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package org.medassist.evaluation;
