/**
 * Consultation: a patient's session with MedAssist: its lifecycle, the transcript, consent, idempotent and
 * durable message intake, resume after any interruption, and the REST and WebSocket endpoints. The facade is
 * {@link org.medassist.consultation.Consultations}; it publishes {@link org.medassist.consultation.ConsultationCompleted}
 * and {@link org.medassist.consultation.ConsultationAbandoned} for the review module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation")
package org.medassist.consultation;
