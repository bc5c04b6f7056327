/**
 * Identity: clinics (the tenants), and who is calling. Today it knows clinics and authenticates bearer tokens
 * through the {@link org.springframework.security.authentication.AuthenticationProvider}s that modules
 * contribute (the consultation module's patient tokens); staff accounts, roles, MFA and row-level security
 * arrive with the identity issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.medassist.identity;
