package org.medassist.consultation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A consultation left idle for longer than the configured time (24 h by default) is abandoned, once. */
class AbandonmentTest extends ApplicationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void anIdleConsultationIsAbandonedAndAnActiveOneIsNot() {
		Session idle = patient.startAndConsent("demo");
		Session active = patient.startAndConsent("demo");
		Session waitingForTheNurse = finishedInterview();
		idleFor(idle, Duration.ofHours(25));
		idleFor(active, Duration.ofHours(23));
		idleFor(waitingForTheNurse, Duration.ofDays(3));

		sweep();

		assertThat(status(idle)).isEqualTo("ABANDONED");
		assertThat(status(active)).isEqualTo("IN_PROGRESS");
		assertThat(status(waitingForTheNurse)).isEqualTo("AWAITING_REVIEW");
		Reply late = patient.send(idle, "Are you still there?");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.problemType()).isEqualTo("urn:medassist:problem:consultation-closed");
		// The patient can still read what was said.
		assertThat(patient.get(idle).status()).isEqualTo(200);
	}

	@Test
	void sweepsRunningOnSeveralInstancesAtOnceAbandonEachConsultationExactlyOnce() {
		List<Session> idle = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Session session = patient.startAndConsent("demo");
			idleFor(session, Duration.ofDays(2));
			idle.add(session);
		}

		List<CompletableFuture<Integer>> sweeps = IntStream.range(0, 4)
			.mapToObj(i -> CompletableFuture.supplyAsync(this::sweep))
			.toList();
		int abandoned = sweeps.stream().mapToInt(CompletableFuture::join).sum();

		// Earlier tests in this class may have left idle consultations too: count only ours.
		assertThat(abandoned).isGreaterThanOrEqualTo(idle.size());
		assertThat(idle).allSatisfy(s -> assertThat(status(s)).isEqualTo("ABANDONED"));
		assertThat(sweep()).isZero();
	}

	private Session finishedInterview() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, "Tired all the time");
		patient.send(session, "More than 2 weeks ago");
		patient.send(session, "No, that's all");
		return session;
	}

	private int sweep() {
		// The scheduled job's own entry point, as each instance's scheduler calls it.
		Object job = context.getBean("abandonedConsultations");
		try {
			var sweep = job.getClass().getMethod("sweep");
			sweep.setAccessible(true);
			return (int) sweep.invoke(job);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private void idleFor(Session session, Duration idle) {
		database.sql("UPDATE consultation SET last_activity_at = now() - ?::interval WHERE id = ?::uuid")
			.params(idle.toSeconds() + " seconds", session.id())
			.update();
	}

	private String status(Session session) {
		return database.sql("SELECT status FROM consultation WHERE id = ?::uuid")
			.param(session.id())
			.query(String.class)
			.single();
	}
}
