package org.medassist.consultation;

import java.util.List;

/** The question waiting for the patient's answer. */
public record QuestionView(String id, String text, List<String> options) {
}
