/**
 * Platform: what every business module stands on and no business module owns: the database server
 * (embedded PostgreSQL by default, an external one when configured), Flyway migrations, request
 * correlation ids, and the mapping of domain failures to RFC 9457 problem responses. It also owns the
 * privacy helpers every module uses: {@link org.medassist.platform.Redaction} (identifiers in free text, applied to
 * every log line and problem detail) and {@link org.medassist.platform.Classification} (PUBLIC to RESTRICTED on
 * fields that hold PHI or secrets).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.medassist.platform;
