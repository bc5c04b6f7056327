package org.medassist.platform.internal;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.medassist.platform.DatabaseProperties;
import org.medassist.platform.Installation;
import org.medassist.platform.PlatformProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Connects MedAssist to its database: the application pool uses the unprivileged role, Flyway the owner.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties db, PlatformProperties platform) {
		return db.external() ? DatabaseServer.external(db) : DatabaseServer.embedded(platform.data());
	}

	@Bean
	Installation installation(DatabaseServer server, PlatformProperties platform) {
		boolean demo = platform.demo() != null ? platform.demo() : server.isEmbedded();
		return new Installation(server.isEmbedded(), demo, platform.data().toAbsolutePath().normalize());
	}

	@Bean(destroyMethod = "close")
	@Primary
	HikariDataSource dataSource(DatabaseServer server) throws SQLException {
		DatabaseServer.Credentials app = server.application();
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("medassist");
		pool.setJdbcUrl(app.url());
		pool.setUsername(app.user());
		pool.setPassword(app.password());
		pool.setMaximumPoolSize(10);
		// Keep values (possibly PHI) out of exception messages, and so out of logs.
		pool.addDataSourceProperty("logServerErrorDetail", "false");
		pool.addDataSourceProperty("ApplicationName", "medassist");
		refuseSuperuser(pool);
		return pool;
	}

	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseServer server) {
		DatabaseServer.Credentials owner = server.migration();
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), owner.url(),
				owner.user(), owner.password());
		return dataSource;
	}

	/** Migrations grant row privileges to the application role by name. */
	@Bean
	FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseServer server) {
		return configuration -> configuration.placeholders(Map.of("app_role", server.application().user()));
	}

	/** A superuser bypasses row-level security: MedAssist will not run as one. */
	private static void refuseSuperuser(HikariDataSource pool) throws SQLException {
		try (var connection = pool.getConnection();
				var rows = connection.createStatement()
					.executeQuery("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
			if (rows.next() && rows.getBoolean(1)) {
				pool.close();
				throw new IllegalStateException("The database user for MedAssist may not be a superuser or bypass"
						+ " row-level security: create an unprivileged role (see README) and set MEDASSIST_DB_USER");
			}
		}
	}
}
