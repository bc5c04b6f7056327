package org.medassist.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.PatientClient.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries are safe and simultaneous messages to one consultation are taken one at a time. */
class IdempotencyAndConcurrencyTest extends ApplicationTest {

	@Test
	void aRetriedMessageGetsTheFirstAnswerAndIsStoredOnce() {
		Session session = patient.startAndConsent("demo");
		UUID clientMessageId = UUID.randomUUID();

		Reply first = patient.send(session, "My ankle is swollen", clientMessageId);
		String afterFirst = storedState(session.id());
		Reply retry = patient.send(session, "My ankle is swollen", clientMessageId);

		assertThat(first.status()).isEqualTo(200);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(storedState(session.id())).isEqualTo(afterFirst);
	}

	@Test
	void aRetryOfTheLastMessageStillGetsItsAnswerAfterTheInterviewEnded() {
		Session session = patient.startAndConsent("demo");
		patient.send(session, "Earache");
		patient.send(session, "Today");
		UUID last = UUID.randomUUID();
		Reply concluded = patient.send(session, "No, that's all", last);

		Reply retry = patient.send(session, "No, that's all", last);

		assertThat(concluded.body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(concluded.body());
	}

	@Test
	void reusingAnIdForDifferentTextIsAConflict() {
		Session session = patient.startAndConsent("demo");
		UUID clientMessageId = UUID.randomUUID();
		patient.send(session, "Headache", clientMessageId);
		String before = storedState(session.id());

		Reply reused = patient.send(session, "Stomach ache", clientMessageId);

		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.problemType()).isEqualTo("urn:medassist:problem:client-message-id-reused");
		assertThat(storedState(session.id())).isEqualTo(before);
	}

	@Test
	void simultaneousRetriesOfOneMessageStoreItOnceAndAllGetTheSameAnswer() throws Exception {
		Session session = patient.startAndConsent("demo");
		UUID clientMessageId = UUID.randomUUID();

		List<Reply> replies = all(8, () -> patient.send(session, "Dizzy when I stand up", clientMessageId));

		assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
		assertThat(replies.stream().map(Reply::body).distinct()).hasSize(1);
		assertThat(database.sql("SELECT count(*) FROM consultation_message WHERE consultation_id = ?::uuid"
				+ " AND author = 'PATIENT'").param(session.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(count("consultation_turn", session.id())).isEqualTo(1);
	}

	@Test
	void simultaneousDifferentMessagesAreTakenOneAtATimeInACleanTranscript() throws Exception {
		Session session = patient.startAndConsent("demo");
		int senders = 8;

		List<Reply> replies = all(senders, () -> patient.send(session, "message " + UUID.randomUUID()));

		Map<Integer, Long> byStatus = replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
		// The intake has three questions: three messages are answered, the interview ends, the rest are refused.
		assertThat(byStatus).containsEntry(200, 3L).containsEntry(409, (long) senders - 3);
		assertThat(replies.stream().filter(r -> r.status() == 409))
			.allSatisfy(r -> assertThat(r.problemType()).isEqualTo("urn:medassist:problem:consultation-closed"));

		// Each patient message is followed directly by its own replies: no turn interleaves with another.
		List<Map<String, Object>> rows = database
			.sql("SELECT seq, author, id, in_reply_to FROM consultation_message WHERE consultation_id = ?::uuid"
					+ " ORDER BY seq")
			.param(session.id())
			.query()
			.listOfRows();
		Object currentPatientMessage = null;
		int expectedSeq = 0;
		List<String> shape = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			assertThat(((Number) row.get("seq")).intValue()).isEqualTo(++expectedSeq);
			if ("PATIENT".equals(row.get("author"))) {
				currentPatientMessage = row.get("id");
				shape.add("P");
			}
			else if (row.get("in_reply_to") != null) {
				assertThat(row.get("in_reply_to")).isEqualTo(currentPatientMessage);
				shape.add("a");
			}
		}
		assertThat(String.join("", shape)).matches("(Pa+){3}");
		assertThat(count("consultation_turn", session.id())).isEqualTo(3);
		assertThat(patient.get(session).body().get("status").asString()).isEqualTo("AWAITING_REVIEW");
	}

	private static <T> List<T> all(int threads, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
