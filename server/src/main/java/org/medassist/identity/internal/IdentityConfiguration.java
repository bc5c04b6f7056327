package org.medassist.identity.internal;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

	/** Replaces Boot's transaction manager: every transaction carries the caller's clinic. */
	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new TenantTransactionManager(dataSource);
	}

	/** bcrypt today; the {id} prefix lets a later encoder take over as users log in. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
