/**
 * Triage: decides what to ask next and, at the end, the disposition. Other modules see only
 * {@link org.medassist.triage.TriageEngine} and its value types; the engine, its knowledge base and its rules
 * are internal. Until the clinical engine lands, the engine is a fixed intake questionnaire that gives no
 * clinical outcome: it forwards the answers to the nurse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
package org.medassist.triage;
