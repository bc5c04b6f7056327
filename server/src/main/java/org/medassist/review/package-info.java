/**
 * Review: a human always decides. The nurse's queue of completed consultations (most urgent first), claims (one
 * reviewer at a time, expiring when idle), decisions that accept or override the AI disposition with a reason,
 * second opinions, escalation when a case waits past its clinic's target, and the events dashboards and the
 * audit trail follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.medassist.review;
