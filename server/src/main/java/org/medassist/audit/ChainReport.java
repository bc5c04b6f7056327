package org.medassist.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The state of one audit chain after walking it from its first record to its head.
 *
 * @param chain the clinic's slug, or {@code deployment} for records made before a clinic was known
 * @param records how many records were read
 * @param headSeq sequence number of the last record (0 when the chain is empty)
 * @param headHash hex SHA-256 of the last record, or {@code null}
 * @param checkpointSeq the latest checkpoint kept outside the database (0 when none yet)
 * @param firstBrokenSeq where the chain first fails to verify, or {@code null} when it is intact
 * @param problem what is wrong there (a fixed sentence, no record content), or {@code null}
 */
public record ChainReport(String chain, long records, long headSeq, String headHash, long checkpointSeq,
		Long firstBrokenSeq, String problem) {

	@JsonProperty("intact")
	public boolean intact() {
		return firstBrokenSeq == null;
	}

	/** One line for the command line and logs. */
	public String summary() {
		return intact()
				? "audit chain %s: intact, %d records, head %d, checkpoint %d".formatted(chain, records, headSeq,
						checkpointSeq)
				: "audit chain %s: BROKEN at record %d: %s".formatted(chain, firstBrokenSeq, problem);
	}
}
