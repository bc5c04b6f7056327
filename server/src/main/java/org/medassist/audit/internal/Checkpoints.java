package org.medassist.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.medassist.identity.ClinicId;
import org.medassist.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * Chain heads written outside the database, one append-only file per chain ({@code <clinic-id>.log} or
 * {@code deployment.log}), one line {@code seq hash at} per checkpoint. Someone who can rewrite the table cannot
 * make the chain shorter than its last checkpoint, nor rewrite a checkpointed record, without the verifier
 * noticing. The directory is {@code medassist.audit.checkpoint-dir}, by default {@code <data>/audit-checkpoints};
 * point it at storage the database administrator cannot write (another host, a WORM bucket mount).
 *
 * <p>Each line is signed ({@code seq hash at signature}, the signature base64 Ed25519 by {@link CheckpointSigner}),
 * so that whoever can write this directory cannot write an anchor of their own: a line without a signature
 * (written before signing existed, or by someone else) or with one that does not verify is reported, never
 * trusted.
 */
@Component
class Checkpoints {

	/** Whether a checkpoint line carries a signature and whether it verifies. */
	enum Signature {
		VALID,
		/** Unsigned, in a file with no signed line: written before checkpoints were signed. */
		MISSING,
		/** Unsigned after signed lines: nobody but a forger writes those. */
		MISSING_AFTER_SIGNED, INVALID
	}

	record Checkpoint(long seq, byte[] hash, Instant at, Signature signature) {

		boolean trusted() {
			return signature == Signature.VALID;
		}

		/** Why it cannot be trusted, a fixed sentence; {@code null} when it can. */
		String distrust() {
			return switch (signature) {
				case VALID -> null;
				case MISSING -> "the checkpoint of record " + seq + " is not signed (written before signing, or forged)";
				case MISSING_AFTER_SIGNED -> "the checkpoint of record " + seq + " is not signed although earlier"
						+ " checkpoints are (forged checkpoint file)";
				case INVALID -> "the checkpoint of record " + seq + " has a signature that does not verify (forged or"
						+ " altered checkpoint file)";
			};
		}
	}

	private final Path directory;

	private final CheckpointSigner signer;

	Checkpoints(AuditProperties properties, PlatformProperties platform, CheckpointSigner signer) {
		this.signer = signer;
		this.directory = properties.checkpointDir() != null ? properties.checkpointDir()
				: platform.data().resolve("audit-checkpoints");
	}

	Path directory() {
		return directory;
	}

	Optional<Checkpoint> latest(ClinicId clinic) {
		Path file = file(clinic);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
			for (int i = lines.size() - 1; i >= 0; i--) {
				String[] parts = lines.get(i).trim().split(" ");
				Optional<Checkpoint> parsed = parse(clinic, parts);
				if (parsed.isPresent()) {
					Checkpoint latest = parsed.get();
					if (latest.signature() == Signature.MISSING
							&& lines.subList(0, i).stream().anyMatch(line -> line.trim().split(" ").length == 4)) {
						return Optional.of(new Checkpoint(latest.seq(), latest.hash(), latest.at(),
								Signature.MISSING_AFTER_SIGNED));
					}
					return parsed;
				}
			}
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A line {@code seq hash at [signature]}; empty when it is not one (a torn or foreign line is skipped). */
	private Optional<Checkpoint> parse(ClinicId clinic, String[] parts) {
		if (parts.length != 3 && parts.length != 4) {
			return Optional.empty();
		}
		long seq;
		byte[] hash;
		Instant at;
		try {
			seq = Long.parseLong(parts[0]);
			hash = HexFormat.of().parseHex(parts[1]);
			at = Instant.parse(parts[2]);
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
		if (parts.length == 3) {
			return Optional.of(new Checkpoint(seq, hash, at, Signature.MISSING));
		}
		boolean valid;
		try {
			valid = signer.verify(clinic, seq, hash, at, Base64.getDecoder().decode(parts[3]));
		}
		catch (IllegalArgumentException e) {
			valid = false;
		}
		return Optional.of(new Checkpoint(seq, hash, at, valid ? Signature.VALID : Signature.INVALID));
	}

	/** Signs, appends and forces to disk: a checkpoint that a crash can lose is no anchor. */
	void write(ClinicId clinic, long seq, byte[] hash, Instant at) {
		try {
			Files.createDirectories(directory);
			String line = seq + " " + HexFormat.of().formatHex(hash) + " " + at + " "
					+ Base64.getEncoder().encodeToString(signer.sign(clinic, seq, hash, at)) + "\n";
			try (FileChannel out = FileChannel.open(file(clinic), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
				out.force(true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Path file(ClinicId clinic) {
		return directory.resolve((clinic == null ? "deployment" : clinic.value().toString()) + ".log");
	}
}
