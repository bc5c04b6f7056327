package org.medassist.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medassist.identity.AccessDenied;
import org.medassist.identity.ClinicId;
import org.medassist.identity.ClinicScoped;
import org.medassist.identity.StaffMember;
import org.medassist.identity.StaffRole;
import org.medassist.identity.Tenancy;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * One stateless filter chain: bearer tokens only, no cookies, no sessions (so no CSRF surface). Who may call
 * what is declared here, in one place, and checked by the permission-matrix test; which object they may see is
 * the database's business (row-level security for the clinic, the service for the patient). Rejections go
 * through the MVC exception resolver so that they are problem+json like every other error, and each is
 * published as {@link AccessDenied} for the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String PATIENT = "ROLE_CONSULTATION_PATIENT";

	@Bean
	SecurityFilterChain api(HttpSecurity http, List<AuthenticationProvider> providers,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, ApplicationEventPublisher events,
			Clock clock) throws Exception {
		AuthenticationManager tokens = new ProviderManager(providers);
		AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
			events.publishEvent(denial(request, 401, "unauthenticated", clock));
			resolver.resolveException(request, response, null, e);
		};
		AccessDeniedHandler denied = (request, response, e) -> {
			events.publishEvent(denial(request, 403, "forbidden", clock));
			resolver.resolveException(request, response, null, e);
		};
		String[] staff = roles(StaffRole.values());
		String[] clinical = roles(StaffRole.NURSE, StaffRole.PHYSICIAN);
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// The web app loads nothing from elsewhere; patient text is never markup (no inline scripts allowed).
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:;"
							+ " style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self';"
							+ " form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new TenantFilter(), AuthorizationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.authorizeHttpRequests(requests -> requests
				// The continuation of a request already authorised (a server-sent event stream) and error pages.
				.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC, jakarta.servlet.DispatcherType.ERROR)
				.permitAll()
				// Patients
				.requestMatchers(HttpMethod.POST, "/api/v1/consultations").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/consultations/*").hasAnyAuthority(and(clinical, PATIENT))
				.requestMatchers(HttpMethod.POST, "/api/v1/consultations/*/consent", "/api/v1/consultations/*/messages")
				.hasAuthority(PATIENT)
				// A consultation as FHIR and its EHR export: clinical staff (auditors read the trail, not records)
				.requestMatchers(HttpMethod.GET, "/api/v1/consultations/*/fhir", "/api/v1/consultations/*/fhir/export",
						"/api/v1/consultations/*/fhir/patient-context")
				.hasAnyAuthority(clinical)
				.requestMatchers(HttpMethod.PUT, "/api/v1/consultations/*/fhir/patient").hasAnyAuthority(clinical)
				.requestMatchers(HttpMethod.POST, "/api/v1/consultations/*/fhir/export").hasAnyAuthority(clinical)
				// The WebSocket authenticates in-band (browsers cannot set headers on the handshake).
				.requestMatchers("/ws/**").permitAll()
				// Staff authentication
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/oidc/login")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/auth/oidc/*").permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
				.requestMatchers("/api/v1/auth/mfa/enrolment", "/api/v1/auth/mfa/enrolment/confirm")
				.hasAuthority(StaffTokenAuthentication.MFA_ENROLMENT)
				// A temporary password (set by an admin) opens only its own change, "me" and logout.
				.requestMatchers("/api/v1/auth/password", "/api/v1/auth/me", "/api/v1/auth/logout")
				.hasAnyAuthority(and(staff, StaffTokenAuthentication.PASSWORD_CHANGE))
				.requestMatchers("/api/v1/auth/**").hasAnyAuthority(staff)
				// The review queue: clinical staff
				.requestMatchers("/api/v1/review/**").hasAnyAuthority(clinical)
				// Live dashboard updates: clinical staff
				.requestMatchers("/api/v1/notifications/**").hasAnyAuthority(clinical)
				// Guideline search: clinical staff and admins (their clinic's documents and the shared corpus); a patient
				// with a consultation token (patient-facing documents of their consultation's clinic)
				.requestMatchers(HttpMethod.GET, "/api/v1/knowledge/search")
				.hasAnyAuthority(and(roles(StaffRole.NURSE, StaffRole.PHYSICIAN, StaffRole.CLINIC_ADMIN), PATIENT))
				// Clinic administration
				.requestMatchers("/api/v1/admin/**").hasAuthority(StaffRole.CLINIC_ADMIN.authority())
				.requestMatchers("/api/v1/audit/**").hasAuthority(StaffRole.AUDITOR.authority())
				// A clinic's public face (name, emergency number) for its patients' page
				.requestMatchers(HttpMethod.GET, "/api/v1/clinics/*").permitAll()
				// The web app's screens and assets: public files; every API call they make is checked as above
				.requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.svg", "/assets/**", "/c/**", "/nurse",
						"/nurse/**", "/admin", "/admin/**")
				.permitAll()
				// Operations and documentation
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
				.requestMatchers("/error").permitAll()
				.anyRequest().denyAll());
		return http.build();
	}

	private static String[] roles(StaffRole... roles) {
		return java.util.Arrays.stream(roles).map(StaffRole::authority).toArray(String[]::new);
	}

	private static String[] and(String[] authorities, String more) {
		String[] out = java.util.Arrays.copyOf(authorities, authorities.length + 1);
		out[authorities.length] = more;
		return out;
	}

	private static AccessDenied denial(HttpServletRequest request, int status, String reason, Clock clock) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		UUID userId = null;
		ClinicId clinic = null;
		String role = null;
		if (caller != null && caller.getPrincipal() instanceof StaffMember staff) {
			userId = staff.userId();
			clinic = staff.clinicId();
			role = staff.role().name();
		}
		else if (caller != null && caller.getPrincipal() instanceof ClinicScoped scoped) {
			clinic = scoped.clinicId();
			role = "PATIENT";
		}
		return new AccessDenied(clock.instant(), userId, clinic, role, request.getMethod(), request.getRequestURI(),
				status, reason, request.getRemoteAddr());
	}

	/** Runs the rest of an authenticated request as its caller's clinic. */
	static final class TenantFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication caller = SecurityContextHolder.getContext().getAuthentication();
			if (caller != null && caller.getPrincipal() instanceof ClinicScoped scoped) {
				try {
					Tenancy.callAs(scoped.clinicId(), () -> {
						try {
							chain.doFilter(request, response);
						}
						catch (IOException | ServletException e) {
							throw new FilterFailure(e);
						}
						return null;
					});
				}
				catch (FilterFailure failure) {
					if (failure.getCause() instanceof IOException io) {
						throw io;
					}
					throw (ServletException) failure.getCause();
				}
				return;
			}
			chain.doFilter(request, response);
		}
	}

	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}
	}
}
