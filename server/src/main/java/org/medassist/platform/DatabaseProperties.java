package org.medassist.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The external PostgreSQL ({@code medassist.db.*}; environment {@code MEDASSIST_DB_URL}, {@code MEDASSIST_DB_USER},
 * {@code MEDASSIST_DB_PASSWORD}, {@code MEDASSIST_DB_MIGRATION_USER}, {@code MEDASSIST_DB_MIGRATION_PASSWORD}).
 * With no {@code url} MedAssist runs its own embedded PostgreSQL under the data directory.
 *
 * <p>The application role ({@code user}) must be neither superuser nor owner of the tables, so that row-level
 * security applies to it; the migration role owns the schema. Without a migration user the application role
 * migrates too (and then owns the tables: a warning is logged).
 */
@ConfigurationProperties("medassist.db")
public record DatabaseProperties(String url, String user,
		@Classification(Classification.Level.RESTRICTED) String password,
		Migration migration) {

	public boolean external() {
		return url != null && !url.isBlank();
	}

	/** The role that owns the schema and runs migrations ({@code medassist.db.migration.user|password}). */
	public record Migration(String user, @Classification(Classification.Level.RESTRICTED) String password) {
	}

	public boolean hasMigrationUser() {
		return migration != null && migration.user() != null && !migration.user().isBlank();
	}
}
