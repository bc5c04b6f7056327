package org.medassist.identity.internal;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * One stateless filter chain: bearer tokens only, no cookies, no sessions (so no CSRF surface). Rejections go
 * through the MVC exception resolver so that they are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, List<AuthenticationProvider> providers,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
		AuthenticationManager tokens = new ProviderManager(providers);
		AuthenticationEntryPoint unauthenticated = (request, response, e) -> resolver.resolveException(request,
				response, null, e);
		AccessDeniedHandler denied = (request, response, e) -> resolver.resolveException(request, response, null, e);
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/consultations").permitAll()
				// The WebSocket authenticates in-band (browsers cannot set headers on the handshake).
				.requestMatchers("/ws/**").permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
				.requestMatchers("/error").permitAll()
				.anyRequest().authenticated());
		return http.build();
	}
}
