package org.medassist.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by telling PostgreSQL which clinic it is for, transaction-locally, so the setting
 * cannot outlive the transaction on a pooled connection. Without a {@link Tenancy} the setting is empty and
 * row-level security shows no tenant rows at all.
 */
class TenantTransactionManager extends JdbcTransactionManager {

	TenantTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('medassist.clinic_id', ?, true)")) {
			statement.setString(1, Tenancy.current().map(ClinicId::toString).orElse(""));
			statement.execute();
		}
	}
}
