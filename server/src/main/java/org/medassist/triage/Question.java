package org.medassist.triage;

import java.util.List;
import java.util.Objects;

/**
 * A question the engine asks the patient, in the patient's language.
 *
 * @param id stable identifier within the engine's knowledge base (recorded with the answer)
 * @param options suggested answers for quick-reply buttons; the patient may always answer in free text
 */
public record Question(String id, String text, List<String> options) {

	public Question {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
		options = options == null ? List.of() : List.copyOf(options);
	}
}
