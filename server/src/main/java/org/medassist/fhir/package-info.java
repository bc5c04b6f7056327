/**
 * FHIR: a consultation and its review as a FHIR R4 transaction Bundle (HAPI FHIR's model, validated against base
 * R4 in tests), {@code GET /api/v1/consultations/{id}/fhir}, and the EHR connector: a transactional outbox
 * ({@code fhir_export}) filled in the review decision's transaction and a worker on every instance that posts the
 * bundle to the clinic's FHIR server (OAuth2 client credentials), with back-off and a circuit breaker. It uses the
 * consultation and review modules' APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR")
package org.medassist.fhir;
