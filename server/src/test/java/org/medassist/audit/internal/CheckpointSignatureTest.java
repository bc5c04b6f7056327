package org.medassist.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medassist.AuditCommand;
import org.medassist.audit.ChainReport;
import org.medassist.identity.ClinicId;
import org.medassist.keys.SealedKeysets;
import org.medassist.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Checkpoints are signed with the deployment's Ed25519 key: an auditor checks them with the exported public key
 * alone (here the JDK's Ed25519, not Tink), and whoever can write the checkpoint files cannot make an anchor of
 * their own: an altered line, a line signed with another key, an unsigned line after signed ones are each
 * reported at the checkpoint's record, and the checkpointer refuses to move on from them.
 */
class CheckpointSignatureTest extends ApplicationTest {

	@Autowired
	private AuditRecorder recorder;

	@Autowired
	private ChainVerification chains;

	@Autowired
	private Checkpoints checkpoints;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private SealedKeysets sealedKeysets;

	@Autowired
	private JdbcClient app;

	@Autowired
	private PlatformTransactionManager transactions;

	private ChainTampering dba;

	private ClinicId clinic;

	private Path file;

	@BeforeEach
	void aCheckpointedChainOfFiveRecords() {
		dba = new ChainTampering(database);
		clinic = dba.newClinic();
		for (int i = 0; i < 5; i++) {
			recorder.record(ChainTampering.entry(clinic, Instant.now(), "CONSULTATION_VIEWED"));
		}
		assertThat(chains.checkpoint(clinic).intact()).isTrue();
		file = checkpoints.file(clinic);
		assertThat(chains.verify(clinic).intact()).as("signed and untouched").isTrue();
	}

	@Test
	void anAuditorVerifiesACheckpointWithThePublicKeyAlone() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(AuditCommand.publicKey(context, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		String pem = out.toString(StandardCharsets.UTF_8);
		assertThat(pem).containsPattern("# audit checkpoint key, ed25519 sha256:[0-9a-f]{64}\n-----BEGIN PUBLIC KEY-----");
		PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
			.decode(pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26, pem.indexOf("-----END")))));

		String[] line = lastLine().split(" ");
		assertThat(line).hasSize(4);
		assertThat(line[0]).isEqualTo("5");
		String message = "medassist-checkpoint-v1 " + clinic.value() + " " + line[0] + " " + line[1] + " " + line[2];
		assertThat(ed25519Verifies(key, message, line[3])).as("the checkpoint as written verifies").isTrue();
		assertThat(ed25519Verifies(key, message.replace(" 5 ", " 4 "), line[3])).as("another record does not")
			.isFalse();
		assertThat(ed25519Verifies(key, "medassist-checkpoint-v1 deployment " + line[0] + " " + line[1] + " " + line[2],
				line[3])).as("nor another chain").isFalse();

		String fingerprint = pem.substring(pem.indexOf("sha256:") + 7, pem.indexOf('\n'));
		assertThat(database.sql("SELECT detail FROM audit_event WHERE action = 'AUDIT_SIGNING_KEY_CREATED'")
			.query(String.class).list()).as("the key's creation is on record, once").containsExactly(
					"ed25519 sha256:" + fingerprint);
	}

	@Test
	void anAlteredCheckpointLineIsForged() throws Exception {
		// A truncated tail hidden by lowering the checkpoint: the old signature no longer matches.
		String[] line = lastLine().split(" ");
		replaceLastLine("3 " + line[1] + " " + line[2] + " " + line[3]);
		ChainReport report = chains.verify(clinic);
		assertThat(report.intact()).isFalse();
		assertThat(report.firstBrokenSeq()).isEqualTo(3);
		assertThat(report.problem()).contains("signature that does not verify");
		assertThat(chains.checkpoint(clinic).intact()).as("the checkpointer refuses too").isFalse();
		assertThat(lastLine()).as("and writes nothing").startsWith("3 ");
	}

	@Test
	void aCheckpointSignedWithAnotherKeyIsForged() throws Exception {
		// The rogue administrator truncates the chain and signs a matching checkpoint with a key of their own.
		dba.tamper("DELETE FROM audit_event WHERE clinic_id = ? AND seq > 3", clinic.value());
		byte[] hash = database.sql("SELECT hash FROM audit_event WHERE clinic_id = ? AND seq = 3")
			.param(clinic.value()).query(byte[].class).single();
		Instant at = Instant.now();
		PrivateKey rogue = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(rogue);
		signer.update(CheckpointSigner.message(clinic, 3, hash, at));
		append("3 " + HexFormat.of().formatHex(hash) + " " + at + " "
				+ Base64.getEncoder().encodeToString(signer.sign()));
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).as(report.summary()).isEqualTo(3);
		assertThat(report.problem()).contains("signature that does not verify");
	}

	@Test
	void anUnsignedLineAfterSignedOnesIsForged() throws Exception {
		dba.tamper("DELETE FROM audit_event WHERE clinic_id = ? AND seq > 2", clinic.value());
		byte[] hash = database.sql("SELECT hash FROM audit_event WHERE clinic_id = ? AND seq = 2")
			.param(clinic.value()).query(byte[].class).single();
		append("2 " + HexFormat.of().formatHex(hash) + " " + Instant.now());
		ChainReport report = chains.verify(clinic);
		assertThat(report.firstBrokenSeq()).isEqualTo(2);
		assertThat(report.problem()).contains("not signed although earlier checkpoints are");
		assertThat(chains.checkpoint(clinic).intact()).as("not re-anchored").isFalse();

		String slug = database.sql("SELECT slug FROM clinic WHERE id = ?").param(clinic.value()).query(String.class)
			.single();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = AuditCommand.verify(context, Optional.of(slug), new PrintStream(out, true, StandardCharsets.UTF_8),
				System.err);
		assertThat(status).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at record 2").contains("not signed");
	}

	@Test
	void aCheckpointFromBeforeSigningIsReportedThenReanchoredWhenTheChainMatchesIt() throws Exception {
		String[] signed = lastLine().split(" ");
		Files.writeString(file, signed[0] + " " + signed[1] + " " + signed[2] + "\n", StandardCharsets.US_ASCII);
		ChainReport unsigned = chains.verify(clinic);
		assertThat(unsigned.firstBrokenSeq()).isEqualTo(5);
		assertThat(unsigned.problem()).contains("is not signed");

		// The checkpointer checks the whole chain against it and, since it matches, signs a new anchor.
		recorder.record(ChainTampering.entry(clinic, Instant.now(), "LOGIN"));
		assertThat(chains.checkpoint(clinic).intact()).isTrue();
		assertThat(lastLine().split(" ")).hasSize(4);
		assertThat(chains.verify(clinic).intact()).isTrue();
		assertThat(chains.verify(clinic).checkpointSeq()).isEqualTo(6);
	}

	@Test
	void anUnsignedCheckpointThatDisagreesWithTheChainIsNotReanchored() throws Exception {
		dba.tamper("UPDATE audit_event SET action = 'LOGOUT' WHERE clinic_id = ? AND seq = 2", clinic.value());
		String[] signed = lastLine().split(" ");
		Files.writeString(file, signed[0] + " " + signed[1] + " " + signed[2] + "\n", StandardCharsets.US_ASCII);
		ChainReport report = chains.checkpoint(clinic);
		assertThat(report.firstBrokenSeq()).isEqualTo(2);
		assertThat(lastLine().split(" ")).as("still the unsigned line").hasSize(3);
	}

	@Test
	void aSigningKeyThatDoesNotOpenIsUnavailableNotForged() throws Exception {
		// Another master key (or an altered row) cannot open the sealed key: that says nothing about the files.
		byte[] sealedKeyset = database.sql("SELECT sealed_keyset FROM audit_signing_key").query(byte[].class).single();
		byte[] altered = sealedKeyset.clone();
		altered[altered.length - 1] ^= 1;
		database.sql("UPDATE audit_signing_key SET sealed_keyset = ?").param(altered).update();
		try {
			CheckpointSigner elsewhere = new CheckpointSigner(sealedKeysets, app, transactions, Clock.systemUTC(),
					recorder);
			assertThatThrownBy(() -> elsewhere.verify(clinic, 1, new byte[32], Instant.now(), new byte[64]))
				.isInstanceOf(CheckpointKeyUnavailable.class)
				.hasMessageContaining("does not open with this master key");
		}
		finally {
			database.sql("UPDATE audit_signing_key SET sealed_keyset = ?").param(sealedKeyset).update();
		}
	}

	private static boolean ed25519Verifies(PublicKey key, String message, String signature) throws Exception {
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(key);
		verifier.update(message.getBytes(StandardCharsets.US_ASCII));
		return verifier.verify(Base64.getDecoder().decode(signature));
	}

	private String lastLine() throws Exception {
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		return lines.get(lines.size() - 1);
	}

	private void replaceLastLine(String line) throws Exception {
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		lines.set(lines.size() - 1, line);
		Files.write(file, lines, StandardCharsets.US_ASCII);
	}

	private void append(String line) throws Exception {
		Files.writeString(file, line + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
	}
}
