package org.medassist.triage.internal.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.LoggerFactory;

/**
 * The knowledge base's phrases already turned into vectors at build time ({@link PhraseVectorsBuild}), so that
 * loading the engine does not embed some 5,000 phrases again: that took 16-17 s of every start on this machine,
 * and minutes when the machine was busy.
 *
 * <p>A vector is only ever used for exactly the text it was made from, and only after the model in use has
 * been checked to give the same vector for one of them: a different model (or a missing or stale file) means
 * the phrases are embedded as before, never that a vector of another model is compared with this one's.
 */
public final class PhraseVectors {

	/** Where the build writes the file, on the classpath. */
	public static final String RESOURCE = "triage/phrase-vectors.bin";
	private static final int MAGIC = 0x4d415056; // "MAPV"
	private static final int FORMAT = 1;
	/**
	 * Cosine between the stored vector and the model's own for the same text. The same model gives 1 within
	 * rounding (a phrase embedded in a batch is padded with others); a different model is far below.
	 */
	static final double SAME_MODEL = 0.9999;

	private final Map<String, float[]> byText;

	PhraseVectors(Map<String, float[]> byText) {
		this.byText = Map.copyOf(byText);
	}

	/**
	 * The vectors the build made for the bundled knowledge base; none when the file is not there or cannot be read
	 * (the phrases are then embedded at load, as before: slower, never wrong).
	 */
	public static PhraseVectors bundled() {
		try (InputStream in = PhraseVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			return in == null ? new PhraseVectors(Map.of()) : read(in);
		}
		catch (IOException | RuntimeException e) {
			LoggerFactory.getLogger(PhraseVectors.class)
				.warn("{} cannot be read ({}); the engine embeds its phrases instead", RESOURCE, e.getClass().getSimpleName());
			return new PhraseVectors(Map.of());
		}
	}

	static PhraseVectors read(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
		if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
			throw new IOException(RESOURCE + " is not a phrase-vector file of format " + FORMAT);
		}
		int count = in.readInt();
		int dimensions = in.readInt();
		if (count < 0 || count > 1_000_000 || dimensions < 0 || dimensions > 4096) {
			throw new IOException(RESOURCE + " has an implausible header: " + count + " vectors of " + dimensions);
		}
		Map<String, float[]> byText = new LinkedHashMap<>();
		byte[] bytes = new byte[dimensions * Float.BYTES];
		for (int i = 0; i < count; i++) {
			String text = in.readUTF();
			in.readFully(bytes);
			float[] v = new float[dimensions];
			ByteBuffer.wrap(bytes).asFloatBuffer().get(v); // big-endian, as DataOutputStream wrote them
			byText.put(text, v);
		}
		return new PhraseVectors(byText);
	}

	void write(OutputStream stream) throws IOException {
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
		Map<String, float[]> sorted = new TreeMap<>(byText); // the same phrases give the same file
		out.writeInt(MAGIC);
		out.writeInt(FORMAT);
		out.writeInt(sorted.size());
		out.writeInt(sorted.isEmpty() ? 0 : sorted.values().iterator().next().length);
		for (Map.Entry<String, float[]> e : sorted.entrySet()) {
			out.writeUTF(e.getKey());
			for (float x : e.getValue()) {
				out.writeFloat(x);
			}
		}
		out.flush();
	}

	int size() {
		return byText.size();
	}

	/** The stored vector of exactly this text, or null. */
	float[] stored(String text) {
		return byText.get(text);
	}

	boolean covers(List<String> texts) {
		return byText.keySet().containsAll(texts);
	}

	private static boolean sameModel(float[] stored, float[] fresh) {
		return stored.length == fresh.length && Embeddings.cosine(stored, fresh) >= SAME_MODEL;
	}

	/**
	 * The vectors of these texts, in order: the stored ones where the model is the one that made them, the
	 * model's own for every other text.
	 */
	List<float[]> embedAll(Embeddings model, List<String> texts) {
		String probe = texts.stream().filter(byText::containsKey).findFirst().orElse(null);
		if (probe == null || !sameModel(byText.get(probe), model.embed(probe))) {
			return model.embedAll(texts);
		}
		List<String> missing = texts.stream().filter(t -> !byText.containsKey(t)).distinct().toList();
		Map<String, float[]> fresh = new LinkedHashMap<>();
		List<float[]> made = model.embedAll(missing);
		for (int i = 0; i < missing.size(); i++) {
			fresh.put(missing.get(i), made.get(i));
		}
		List<float[]> out = new ArrayList<>(texts.size());
		for (String t : texts) {
			float[] stored = byText.get(t);
			out.add(stored != null ? stored : fresh.get(t));
		}
		return out;
	}
}
