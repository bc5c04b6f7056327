/**
 * Audit: the append-only, hash-chained audit trail (one chain per clinic and one for the deployment), its
 * verification against checkpoints kept outside the database, the auditor's API and retention. It listens to
 * the events other modules publish ({@code AccessDenied}, {@code StaffLoggedIn}, {@code ConsultationViewed}, ...)
 * and depends on them; nothing depends on it. Design: {@code docs/adr/0005-audit-hash-chain.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.medassist.audit;
