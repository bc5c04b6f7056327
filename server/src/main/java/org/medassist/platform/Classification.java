package org.medassist.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How sensitive the value of a field is, declared where the field is declared so that reviewers and tests
 * ({@code ClassifiedFieldsTest}, {@code LogPrivacyTest}) can find every piece of PHI and every secret by
 * reflection instead of by memory. Unannotated fields are INTERNAL by convention.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
public @interface Classification {

	Level value();

	enum Level {

		/** May be shown to anyone: dispositions, clinic display names, published advice. */
		PUBLIC,

		/** Operational data without patient content: ids, timestamps, roles. May be logged. */
		INTERNAL,

		/** Business data we would not publish: usernames, staff emails, settings. Not logged verbatim. */
		CONFIDENTIAL,

		/**
		 * PHI and secrets: what a patient wrote, what staff wrote about a patient, credentials, tokens, MFA
		 * secrets. Never logged, never in an error report, encrypted at rest where stored.
		 */
		RESTRICTED
	}
}
