package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.medassist.identity.ClinicId;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A flood of refused requests of no clinic: per window, a few per address (and overall) are recorded one by one
 * in the deployment chain, the rest become one counted record per address and action, written for real; the
 * chain stays intact and a new window records individually again.
 */
class AnonymousDenialsTest extends ApplicationTest {

	@Autowired
	private AuditRecorder recorder;

	@Autowired
	private ChainVerification chains;

	@Test
	void beyondTheLimitsDenialsAreCountedAndRecordedOncePerAddress() {
		// Addresses of their own (TEST-NET-2), so that other tests' records do not mix in.
		AnonymousDenials denials = new AnonymousDenials(new AnonymousDenialProperties(3, 5, Duration.ofMinutes(1)),
				recorder, Clock.systemUTC());
		List<Boolean> first = IntStream.range(0, 10).mapToObj(i -> denials.admit("ACCESS_DENIED", "198.51.100.1")).toList();
		assertThat(first).containsExactly(true, true, true, false, false, false, false, false, false, false);
		List<Boolean> second = IntStream.range(0, 4).mapToObj(i -> denials.admit("LOGIN_FAILED", "198.51.100.2")).toList();
		assertThat(second).as("the overall limit (5) is reached after two more").containsExactly(true, true, false, false);
		long before = deploymentChainLength();
		denials.flush();
		assertThat(aggregates("198.51.100.1")).singleElement().satisfies(d -> assertThat(d).startsWith("ACCESS_DENIED count:7 window:"));
		assertThat(aggregates("198.51.100.2")).singleElement().satisfies(d -> assertThat(d).startsWith("LOGIN_FAILED count:2 window:"));
		assertThat(deploymentChainLength() - before).as("one record per address and action").isEqualTo(2);

		assertThat(denials.admit("ACCESS_DENIED", "198.51.100.1")).as("a new window").isTrue();
		denials.flush();
		assertThat(aggregates("198.51.100.1")).as("nothing suppressed, nothing more written").hasSize(1);
		assertThat(chains.verify((ClinicId) null).intact()).isTrue();
	}

	@Test
	void manyAddressesAreCappedToAFixedNumberOfRecords() {
		AnonymousDenials denials = new AnonymousDenials(new AnonymousDenialProperties(1, 1, Duration.ofMinutes(1)),
				recorder, Clock.systemUTC());
		assertThat(denials.admit("ACCESS_DENIED", "198.51.100.200")).isTrue();
		// 80 more addresses, all over the overall limit: 49 aggregates of their own, the last 31 together.
		IntStream.range(0, 80).forEach(i -> denials.admit("ACCESS_DENIED", "203.0.113." + i));
		long before = deploymentChainLength();
		denials.flush();
		assertThat(deploymentChainLength() - before).isEqualTo(AnonymousDenials.MAX_AGGREGATES);
		assertThat(aggregates("*")).anySatisfy(d -> assertThat(d).startsWith("* count:31 groups:31 window:"));
	}

	private long deploymentChainLength() {
		return database.sql("SELECT count(*) FROM audit_event WHERE clinic_id IS NULL").query(Long.class).single();
	}

	/** {@code <action> <detail>} of the aggregate records from an address. */
	private List<String> aggregates(String address) {
		return database.sql("SELECT object_id || ' ' || detail FROM audit_event WHERE clinic_id IS NULL AND action = ?"
				+ " AND remote_address = ? ORDER BY seq").params(AnonymousDenials.AGGREGATED, address)
			.query(String.class).list();
	}
}
