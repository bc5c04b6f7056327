package org.medassist.keys;

import java.util.List;

/**
 * The master key was not changed: the current one cannot open what is listed (by table and id), or the new key is
 * the current one. Nothing was written.
 */
public class MasterKeyChangeRefused extends RuntimeException {

	private final List<String> unopenable;

	public MasterKeyChangeRefused(String reason, List<String> unopenable) {
		super(reason + (unopenable.isEmpty() ? "" : ": " + String.join(", ", unopenable)));
		this.unopenable = List.copyOf(unopenable);
	}

	/** What the current master key does not open, as {@code table id}: no values. */
	public List<String> unopenable() {
		return unopenable;
	}
}
