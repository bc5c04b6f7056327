package org.medassist.evaluation;

/**
 * One case: {@code text} as a patient, carer or clinician would say it, and the disposition it should get.
 *
 * @param expected EMERGENCY, URGENT, ROUTINE, SELF_CARE, or NON_EMERGENCY (URGENT or ROUTINE both right)
 * @param age years, used to answer a question about age (optional)
 * @param sex "female" or "male", used to answer a question about sex (optional)
 */
public record Vignette(String id, String text, String expected, Double age, String sex) {
}
