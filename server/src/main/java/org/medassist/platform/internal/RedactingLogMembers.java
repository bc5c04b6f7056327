package org.medassist.platform.internal;

import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.medassist.platform.Redaction;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Redacts identifiers from every structured (ECS JSON) log line: the message and the exception's message and
 * stack trace, where a value from a request most often slips in (a driver echoing a parameter, a library quoting
 * its input). Other members are ids, levels and timestamps written by us. Registered through
 * {@code logging.structured.json.customizer} in application.yml, so it also covers lines logged before the
 * application context exists. Public only because Spring Boot instantiates it by class name.
 */
public class RedactingLogMembers implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

	/** ECS member paths that can carry free text. */
	static final Set<String> FREE_TEXT = Set.of("message", "error.message", "error.stack_trace");

	@Override
	public void customize(Members<ILoggingEvent> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, Redaction::redact)
			.whenHasPath(path -> FREE_TEXT.contains(path.toUnescapedString())));
	}
}
