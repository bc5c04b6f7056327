package org.medassist.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medassist.identity.StaffMember;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live dashboard updates as Server-Sent Events. */
@RestController
@Tag(name = "Notifications")
class DashboardController {

	private final DashboardHub hub;

	DashboardController(DashboardHub hub) {
		this.hub = hub;
	}

	@GetMapping(path = "/api/v1/notifications/dashboard", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Your clinic's review updates as they happen (QUEUED, CLAIMED, DECIDED, BREACHED...)",
			description = "Each event's id is its sequence number. Reconnect with the Last-Event-ID header (or"
					+ " ?after=) to receive what you missed. Streams end after 5 minutes: reconnect with a fresh token.",
			security = @SecurityRequirement(name = "bearer"))
	SseEmitter dashboard(@AuthenticationPrincipal StaffMember staff,
			@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
			@RequestParam(name = "after", required = false) Long after) {
		return hub.open(staff, lastEventId != null ? lastEventId : after).emitter();
	}
}
