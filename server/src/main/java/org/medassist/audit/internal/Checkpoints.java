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
 */
@Component
class Checkpoints {

	record Checkpoint(long seq, byte[] hash, Instant at) {
	}

	private final Path directory;

	Checkpoints(AuditProperties properties, PlatformProperties platform) {
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
				if (parts.length == 3) {
					return Optional.of(new Checkpoint(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]),
							Instant.parse(parts[2])));
				}
			}
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Appends and forces to disk: a checkpoint that a crash can lose is no anchor. */
	void write(ClinicId clinic, Checkpoint checkpoint) {
		try {
			Files.createDirectories(directory);
			String line = checkpoint.seq() + " " + HexFormat.of().formatHex(checkpoint.hash()) + " "
					+ checkpoint.at() + "\n";
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

	private Path file(ClinicId clinic) {
		return directory.resolve((clinic == null ? "deployment" : clinic.value().toString()) + ".log");
	}
}
