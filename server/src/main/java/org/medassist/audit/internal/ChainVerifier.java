package org.medassist.audit.internal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medassist.audit.ChainReport;
import org.medassist.identity.ClinicId;
import org.springframework.stereotype.Component;

/**
 * Walks a chain in sequence order and reports the first record that does not verify: a missing sequence number
 * (deleted), a record whose content no longer matches its hash (edited, or moved: the sequence number is
 * hashed), a record that does not link to its predecessor, or a chain shorter than, or different from, its last
 * checkpoint (truncated or rewritten). Runs inside the caller's transaction, for the chain its clinic sees.
 */
@Component
class ChainVerifier {

	/** {@code detail} of an AUDIT_PURGED record: where the chain now begins. */
	static final Pattern PURGED = Pattern.compile("through=(\\d+) hash=([0-9a-f]{64})");

	private final AuditLog log;

	ChainVerifier(AuditLog log) {
		this.log = log;
	}

	/**
	 * The whole chain, against its latest checkpoint when there is one. A checkpoint whose signature is missing or
	 * does not verify is not used: the chain is walked without it and, if intact, reported broken at the
	 * checkpoint's record, since its anchor cannot be trusted.
	 */
	ChainReport verify(ClinicId clinic, String name, Optional<Checkpoints.Checkpoint> checkpoint) {
		if (checkpoint.isPresent() && !checkpoint.get().trusted()) {
			ChainReport alone = walkAll(clinic, name, Optional.empty());
			if (!alone.intact()) {
				return alone;
			}
			return new ChainReport(name, alone.records(), alone.headSeq(), alone.headHash(), checkpoint.get().seq(),
					checkpoint.get().seq(), checkpoint.get().distrust());
		}
		return walkAll(clinic, name, checkpoint);
	}

	/** The whole chain against a checkpoint, whether signed or not (re-anchoring a checkpoint written unsigned). */
	ChainReport walkAll(ClinicId clinic, String name, Optional<Checkpoints.Checkpoint> checkpoint) {
		Walk walk = new Walk(checkpoint.orElse(null));
		Optional<AuditRecord> purge = log.lastPurge(clinic);
		if (purge.isPresent()) {
			Matcher m = PURGED.matcher(String.valueOf(purge.get().detail()));
			if (m.matches()) {
				// Records up to 'through' were deleted past retention; the chain now starts after them.
				walk.expectedSeq = Long.parseLong(m.group(1)) + 1;
				walk.prev = HexFormat.of().parseHex(m.group(2));
			}
		}
		log.walk(clinic, 1, walk::step);
		return walk.report(name);
	}

	/** From a trusted checkpoint to the head: what the checkpointer checks before it moves the checkpoint on. */
	ChainReport verifySince(ClinicId clinic, String name, Checkpoints.Checkpoint since) {
		Walk walk = new Walk(since);
		walk.expectedSeq = since.seq();
		Optional<AuditRecord> anchor = log.at(clinic, since.seq());
		if (anchor.isEmpty() && purgedThrough(clinic) >= since.seq()) {
			// The checkpointed record has since been purged past retention: verify from where the chain begins.
			return walkAll(clinic, name, Optional.of(since));
		}
		if (anchor.isEmpty() || !Arrays.equals(anchor.get().hash(), since.hash())) {
			walk.fail(since.seq(), anchor.isEmpty() ? "the checkpointed record is missing (deleted or truncated)"
					: "the checkpointed record differs from its checkpoint (rewritten)");
			return walk.report(name);
		}
		walk.prev = anchor.get().prevHash();
		log.walk(clinic, since.seq(), walk::step);
		return walk.report(name);
	}

	private long purgedThrough(ClinicId clinic) {
		return log.lastPurge(clinic)
			.map(purge -> PURGED.matcher(String.valueOf(purge.detail())))
			.filter(Matcher::matches)
			.map(m -> Long.parseLong(m.group(1)))
			.orElse(0L);
	}

	private static final class Walk {

		private final Checkpoints.Checkpoint checkpoint;

		long expectedSeq = 1;

		byte[] prev = AuditRecord.GENESIS;

		long records;

		byte[] headHash;

		Long brokenAt;

		String problem;

		Walk(Checkpoints.Checkpoint checkpoint) {
			this.checkpoint = checkpoint;
		}

		void step(AuditRecord record) {
			if (brokenAt != null) {
				return;
			}
			if (record.seq() < expectedSeq) {
				return; // before a purge point: only there while the purge record is being read back
			}
			records++;
			if (record.seq() != expectedSeq) {
				fail(expectedSeq, "record missing (deleted): the next record is " + record.seq());
				return;
			}
			if (!Arrays.equals(record.computeHash(), record.hash())) {
				fail(record.seq(), "content does not match its hash (edited or moved)");
				return;
			}
			if (!Arrays.equals(record.prevHash(), prev)) {
				fail(record.seq(), "does not link to the previous record (inserted, reordered, or the previous one"
						+ " was rewritten)");
				return;
			}
			if (checkpoint != null && record.seq() == checkpoint.seq() && !Arrays.equals(record.hash(), checkpoint.hash())) {
				fail(record.seq(), "differs from the checkpoint of " + checkpoint.at() + " (chain rewritten)");
				return;
			}
			prev = record.hash();
			headHash = record.hash();
			expectedSeq++;
		}

		void fail(long seq, String why) {
			brokenAt = seq;
			problem = why;
		}

		ChainReport report(String name) {
			long head = expectedSeq - 1;
			if (brokenAt == null && checkpoint != null && checkpoint.seq() > head) {
				fail(head + 1, "chain ends at record " + head + " but was checkpointed at record " + checkpoint.seq()
						+ " on " + checkpoint.at() + " (tail truncated)");
			}
			return new ChainReport(name, records, head, AuditRecord.hex(headHash),
					checkpoint == null ? 0 : checkpoint.seq(), brokenAt, problem);
		}
	}
}
