package org.medassist.triage.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used memo of a pure function. The engine rebuilds the facts from the whole conversation at
 * every turn, so without it each earlier message is read (and embedded) again at every later turn; the answers are
 * the same each time, since reading depends only on the text and the knowledge base.
 */
final class Memo<K, V> {

	private final Map<K, V> values;

	Memo(int capacity) {
		this.values = new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		};
	}

	/** The value for {@code key}, computed outside the lock (two threads may compute the same value once each). */
	V get(K key, Function<K, V> compute) {
		synchronized (values) {
			V known = values.get(key);
			if (known != null) {
				return known;
			}
		}
		V value = compute.apply(key);
		synchronized (values) {
			values.put(key, value);
		}
		return value;
	}
}
