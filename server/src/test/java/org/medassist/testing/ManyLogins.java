package org.medassist.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * For test classes that log staff in many times from one address, with tokens that outlive a slow run. One
 * annotation, so that every class using it shares one application.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = { "medassist.identity.logins-per-minute-per-address=1000",
		"medassist.identity.logins-per-minute-per-account=8", "medassist.identity.access-token-ttl=20m",
		"medassist.identity.reauthentication-window=20m" })
public @interface ManyLogins {
}
