package org.medassist.consultation;

import org.medassist.platform.MedAssistException;

/** A retry carried the same {@code clientMessageId} as an earlier message but different text. */
public class ClientMessageIdReused extends MedAssistException {

	public ClientMessageIdReused() {
		super(Kind.CONFLICT, "client-message-id-reused",
				"This clientMessageId was already used for a different message; use a new id for a new message.");
	}
}
