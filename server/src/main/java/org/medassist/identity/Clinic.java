package org.medassist.identity;

/**
 * A clinic using MedAssist.
 *
 * @param slug the short public name patients' links use ({@code demo})
 * @param emergencyNumber the number patients are told to call in an emergency, in the clinic's country
 */
public record Clinic(ClinicId id, String slug, String name, String emergencyNumber) {
}
