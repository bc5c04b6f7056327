package org.medassist.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import java.util.HexFormat;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.medassist.platform.SecretSealer;
import org.medassist.testing.ScriptedTriageEngine;
import org.medassist.testing.StaffClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.medassist.testing.ApplicationTest;
import org.medassist.testing.MachinePostgres;
import org.medassist.testing.PatientClient.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a database administrator's dump shows: MedAssist on the machine's PostgreSQL (pg_dump must match the
 * server's version, and the embedded binaries ship none), a consultation with a known name and sentence, then
 * {@code pg_dump} as the superuser. The transcript and the assessment (which quotes the patient) are in the dump,
 * the name and sentence are not; nor are the staff's TOTP secret and the private key that signs access tokens.
 */
class DatabaseDumpTest extends ApplicationTest {

	static final String SERVER = MachinePostgres.SERVER;
	static final String ADMIN = MachinePostgres.ADMIN;
	static final String ADMIN_PASSWORD = MachinePostgres.ADMIN_PASSWORD;
	static final String DATABASE = "medassist_it_dump";
	static final String OWNER = "medassist_it_dump_owner";
	static final String APP = "medassist_it_dump_app";

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
		MachinePostgres.createDatabase(DATABASE, OWNER, APP);
		registry.add("medassist.db.url", () -> SERVER + DATABASE);
		registry.add("medassist.db.user", () -> APP);
		registry.add("medassist.db.password", () -> "app-secret");
		registry.add("medassist.db.migration.user", () -> OWNER);
		registry.add("medassist.db.migration.password", () -> "owner-secret");
		registry.add("medassist.demo", () -> "true");
	}

	@Autowired
	private SecretSealer sealer;

	@Test
	void aDumpOfTheDatabaseHoldsNeitherTheNameNorTheSentenceNorAnyStaffSecret() throws Exception {
		String name = "Zebedee" + UUID.randomUUID().toString().substring(0, 8);
		String sentence = "the rash spread over my elbows on Tuesday";
		Session session = patient.startAndConsent("demo");
		assertThat(patient.send(session, "My name is " + name + " Quill and " + sentence).status()).isEqualTo(200);
		// The test engine's assessment quotes what the patient said, as a real one may.
		assertThat(patient.send(session, ScriptedTriageEngine.ASSESSMENT_PREFIX + "ROUTINE").status()).isEqualTo(200);
		assertThat(patient.get(session).raw()).contains(name).contains(sentence);
		String access = staff.loginDemo("demo", "nurse", "nurse-demo-password").accessToken();
		String kid = SignedJWT.parse(access).getHeader().getKeyID();
		byte[] privateKey = sealer.open(database.sql("SELECT private_der FROM signing_key WHERE kid = ?").param(kid)
			.query(byte[].class).single(), ("signing_key|private_der|" + kid).getBytes(StandardCharsets.UTF_8));

		String dump = pgDump();

		assertThat(dump).contains("COPY public.consultation_message").contains(session.id());
		assertThat(dump).contains("assessment_encrypted").contains("mfa_secret").contains("COPY public.signing_key");
		assertThat(database.sql("SELECT count(*) FROM consultation WHERE id = ?::uuid AND assessment_encrypted IS NOT NULL")
			.param(session.id()).query(Integer.class).single()).as("the assessment was stored").isOne();
		assertThat(dump).doesNotContain(name).doesNotContain(sentence).doesNotContain("elbows");
		assertThat(dump).as("the demo TOTP secret").doesNotContain(StaffClient.DEMO_SECRET);
		// pg_dump writes bytea as hex: no 32-byte stretch of the private exponent or primes appears (the private
		// key's DER also holds the modulus, which is public and in public_der).
		var rsa = (java.security.interfaces.RSAPrivateCrtKey) java.security.KeyFactory.getInstance("RSA")
			.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(privateKey));
		for (java.math.BigInteger secret : List.of(rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ())) {
			String hex = HexFormat.of().formatHex(secret.toByteArray());
			for (int i = 0; i + 64 <= hex.length(); i += 64) {
				assertThat(dump).as("the token-signing private key").doesNotContain(hex.substring(i, i + 64));
			}
		}
	}

	private static String pgDump() throws IOException, InterruptedException {
		String hostPort = SERVER.replace("jdbc:postgresql://", "").replaceAll("/.*$", "");
		ProcessBuilder builder = new ProcessBuilder("pg_dump", "--host", hostPort.split(":")[0], "--port",
				hostPort.contains(":") ? hostPort.split(":")[1] : "5432", "--username", ADMIN, "--no-password",
				DATABASE);
		builder.environment().put("PGPASSWORD", ADMIN_PASSWORD);
		builder.redirectErrorStream(true);
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String text = new String(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text.length() > 500 ? text.substring(0, 500) : text).isZero();
		return text;
	}
}
