package org.medassist.consultation.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * Settings of the consultation module ({@code medassist.consultation.*}).
 *
 * @param abandonAfter an unfinished consultation with no activity for this long becomes {@code ABANDONED}
 * @param abandonCheckInterval how often every instance looks for such consultations
 * @param maxMessageLength the longest patient message accepted, in characters
 * @param languages the languages the patient-facing texts exist in (this module's messages and the triage
 *        knowledge base's translations, checked by {@code medassist kb check}); the first is the default
 * @param consentVersion the version of the consent statement in force (recorded with each consent)
 */
@Validated
@ConfigurationProperties("medassist.consultation")
record ConsultationProperties(@DefaultValue("PT24H") Duration abandonAfter,
		@DefaultValue("PT5M") Duration abandonCheckInterval, @DefaultValue("2000") @Min(1) int maxMessageLength,
		@DefaultValue({ "en", "es" }) @NotEmpty List<String> languages, @DefaultValue("2026-11.1") String consentVersion) {
}
