package org.medassist.triage.internal.engine;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures similarity of meaning. */
public interface Embeddings {

	float[] embed(String text);

	List<float[]> embedAll(List<String> texts);

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}
}
