package org.medassist.consultation;

import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

/**
 * A new consultation and the token its patient uses for everything about it. The token is shown once: only
 * its hash is stored. {@code access} is what the token proves, for in-process callers (the evaluation harness).
 */
public record StartedConsultation(ConsultationView consultation, @Classification(Level.RESTRICTED) String accessToken,
		ConsultationAccess access) {
}
