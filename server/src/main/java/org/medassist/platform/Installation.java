package org.medassist.platform;

import java.nio.file.Path;

/**
 * What kind of installation this process is, decided once at start-up.
 *
 * @param embeddedDatabase MedAssist runs its own PostgreSQL under {@code dataDirectory}
 * @param demo the demo clinics and staff are seeded (on by default only with the embedded database)
 * @param dataDirectory where local state lives
 */
public record Installation(boolean embeddedDatabase, boolean demo, Path dataDirectory) {
}
