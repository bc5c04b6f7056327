package org.medassist.consultation.internal;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;
import org.medassist.consultation.ConsultationAccess;
import org.medassist.consultation.ConsultationId;
import org.medassist.consultation.ConsultationStatus;
import org.medassist.consultation.ConsultationView;
import org.medassist.consultation.Consultations;
import org.medassist.consultation.MessageView;
import org.medassist.consultation.PatientMessage;
import org.medassist.consultation.QuestionView;
import org.medassist.consultation.StartedConsultation;
import org.medassist.consultation.TurnListener;
import org.medassist.consultation.TurnView;
import org.medassist.identity.StaffMember;
import org.medassist.triage.Disposition;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The patient's consultation over REST (v1). */
@RestController
@RequestMapping("/api/v1/consultations")
@Tag(name = "Consultations", description = "A patient's conversation with MedAssist")
class ConsultationController {

	private final Consultations consultations;

	ConsultationController(Consultations consultations) {
		this.consultations = consultations;
	}

	record StartRequest(String clinic, String language) {
	}

	record StartResponse(UUID id, @Classification(Level.RESTRICTED) String accessToken, ConsultationStatus status,
			String clinic, String language,
			ConsultationView.ConsentView consent, java.util.List<MessageView> messages, QuestionView question,
			Disposition disposition) {

		static StartResponse of(StartedConsultation started) {
			ConsultationView c = started.consultation();
			return new StartResponse(c.id(), started.accessToken(), c.status(), c.clinic(), c.language(), c.consent(),
					c.messages(), c.question(), c.disposition());
		}
	}

	record ConsentRequest(@NotNull(message = "is required (true or false)") Boolean accepted) {
	}

	record MessageRequest(@Classification(Level.RESTRICTED) String text, UUID clientMessageId) {
	}

	@PostMapping
	@Operation(summary = "Start an anonymous consultation",
			description = "Returns the consultation and its access token: send it as 'Authorization: Bearer <token>'"
					+ " for everything about this consultation. The patient must accept the consent statement next.")
	ResponseEntity<StartResponse> start(@RequestBody StartRequest request) {
		StartedConsultation started = consultations.start(request.clinic(), request.language());
		return ResponseEntity.created(URI.create("/api/v1/consultations/" + started.consultation().id()))
			.body(StartResponse.of(started));
	}

	@GetMapping("/{id}")
	@Operation(summary = "The consultation: status, transcript, the waiting question; resumes an interrupted turn",
			security = @SecurityRequirement(name = "bearer"))
	ConsultationView get(@PathVariable UUID id, @AuthenticationPrincipal Object caller) {
		if (caller instanceof StaffMember staff) {
			return consultations.viewAsStaff(staff, scoped(id));
		}
		return consultations.view(checked(caller instanceof ConsultationAccess access ? access : null), scoped(id));
	}

	@PostMapping("/{id}/consent")
	@Operation(summary = "Accept (or decline) the consent statement", security = @SecurityRequirement(name = "bearer"))
	TurnView consent(@PathVariable UUID id, @Valid @RequestBody ConsentRequest request,
			@AuthenticationPrincipal ConsultationAccess access) {
		return consultations.consent(checked(access), scoped(id), request.accepted());
	}

	@PostMapping("/{id}/messages")
	@Operation(summary = "Send a patient message; the reply comes back",
			description = "The message is durable before the response is sent. Retrying with the same"
					+ " clientMessageId returns the first answer and stores nothing new.",
			security = @SecurityRequirement(name = "bearer"))
	TurnView message(@PathVariable UUID id, @RequestBody MessageRequest request,
			@AuthenticationPrincipal ConsultationAccess access) {
		return consultations.receive(checked(access), scoped(id),
				new PatientMessage(request.text(), request.clientMessageId()), TurnListener.NONE);
	}

	private static ConsultationId scoped(UUID id) {
		return new ConsultationId(id);
	}

	/** The security configuration lets only a consultation's patient (or, for reading, clinical staff) here. */
	private static ConsultationAccess checked(ConsultationAccess access) {
		if (access == null) {
			throw new org.springframework.security.access.AccessDeniedException("not a consultation token");
		}
		return access;
	}
}
