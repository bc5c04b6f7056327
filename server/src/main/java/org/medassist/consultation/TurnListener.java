package org.medassist.consultation;

/**
 * Hears a turn as it happens, for streaming transports: first that the patient's message is durable, then that
 * the reply is being produced. The reply itself is the returned {@link TurnView}.
 */
public interface TurnListener {

	TurnListener NONE = new TurnListener() {
	};

	/** The patient's message is committed to the database; it will survive a crash from now on. */
	default void acknowledged(MessageView patientMessage) {
	}

	/** The assistant has started producing its reply. */
	default void replying() {
	}
}
