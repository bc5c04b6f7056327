package org.medassist.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's own PostgreSQL server (127.0.0.1:5432), used as an external database the way a clinic's IT staff
 * deploy MedAssist. bin/test provides a superuser when 'postgres' cannot log in over TCP.
 */
public final class MachinePostgres {

	public static final String SERVER = env("MEDASSIST_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

	public static final String ADMIN = env("MEDASSIST_TEST_PG_USER", "postgres");

	public static final String ADMIN_PASSWORD = env("MEDASSIST_TEST_PG_PASSWORD", "");

	public static final String OWNER_PASSWORD = "owner-secret";

	public static final String APP_PASSWORD = "app-secret";

	private MachinePostgres() {
	}

	/**
	 * What an administrator does once: a fresh database owned by an unprivileged owner role, and an application
	 * role that is neither superuser nor exempt from row-level security.
	 */
	public static void createDatabase(String database, String owner, String app) throws SQLException {
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", ADMIN, ADMIN_PASSWORD);
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			for (String role : new String[] { owner, app }) {
				sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
						+ " CREATE ROLE " + role + " LOGIN; END IF; END $$");
			}
			sql.execute("ALTER ROLE " + owner + " PASSWORD '" + OWNER_PASSWORD + "' NOSUPERUSER");
			sql.execute("ALTER ROLE " + app + " PASSWORD '" + APP_PASSWORD + "' NOSUPERUSER NOBYPASSRLS");
			sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
