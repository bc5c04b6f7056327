package org.medassist.audit.internal;

import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.medassist.identity.ClinicId;
import org.medassist.identity.Tenancy;
import org.medassist.platform.Problems;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit records in the same transaction as the action they record when there is one for the record's
 * chain, so that an action whose record cannot be written does not happen (its transaction rolls back). Actions
 * outside a transaction (a refused request, a login that has committed) get their record in a transaction of
 * their own, for their clinic; failure to write it still fails the caller.
 */
@Component
class AuditRecorder {

	private static final int MAX_USER_AGENT = 256;

	private final AuditLog log;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	AuditRecorder(AuditLog log, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.log = log;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	AuditRecord record(AuditEntry entry) {
		AuditEntry complete = withRequestContext(entry);
		if (TransactionSynchronizationManager.isActualTransactionActive() && sameChain(complete.clinic())) {
			return log.append(complete);
		}
		return Tenancy.callAs(complete.clinic(), () -> ownTransaction.execute(status -> log.append(complete)));
	}

	/** Whether the transaction in progress works for the record's clinic (the database says; it enforces it). */
	private boolean sameChain(ClinicId clinic) {
		UUID current = jdbc.sql("SELECT current_clinic()")
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list()
			.get(0);
		return Objects.equals(current, clinic == null ? null : clinic.value());
	}

	/** Adds where the request came from and its correlation id, when the action is part of a request. */
	private static AuditEntry withRequestContext(AuditEntry e) {
		String remote = e.remoteAddress();
		String agent = e.userAgent();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			remote = remote != null ? remote : request.getRemoteAddr();
			String header = request.getHeader("User-Agent");
			agent = agent != null ? agent
					: header == null ? null : header.substring(0, Math.min(header.length(), MAX_USER_AGENT));
		}
		String correlation = e.correlationId() != null ? e.correlationId() : MDC.get(Problems.CORRELATION_ID);
		return new AuditEntry(e.clinic(), e.at(), e.userId(), e.role(), e.action(), e.objectType(), e.objectId(),
				e.outcome(), e.purpose(), e.detail(), remote, agent, correlation);
	}
}
