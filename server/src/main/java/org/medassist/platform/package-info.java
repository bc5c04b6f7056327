/**
 * Platform: what every business module stands on and no business module owns: the database server
 * (embedded PostgreSQL by default, an external one when configured), Flyway migrations, request
 * correlation ids, and the mapping of domain failures to RFC 9457 problem responses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.medassist.platform;
