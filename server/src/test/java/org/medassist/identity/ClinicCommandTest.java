package org.medassist.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.medassist.MedAssistApplication;
import org.medassist.testing.PatientClient;
import org.medassist.testing.PatientClient.Reply;
import org.medassist.testing.StaffClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform administrator's flow: {@code medassist clinic create} on a stopped installation, then the
 * server starts and the new clinic's admin logs in with the one-time password and is sent to MFA enrolment.
 */
class ClinicCommandTest {

	@Test
	void anOperatorCreatesAClinicWhoseAdminCanThenLogIn() throws Exception {
		Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
				"clinic-");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] create = { "create", "--slug", "riverside", "--name", "Riverside Family Practice",
				"--emergency-number", "112", "--admin", "head-nurse" };
		int status = ClinicCommand.run(create, () -> command(data), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		Matcher password = Pattern.compile("one-time password: (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
		assertThat(password.find()).isTrue();

		ByteArrayOutputStream again = new ByteArrayOutputStream();
		assertThat(ClinicCommand.run(create, () -> command(data), new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(again, true, StandardCharsets.UTF_8))).as("the same clinic twice").isEqualTo(1);
		assertThat(again.toString(StandardCharsets.UTF_8)).contains("exists already");

		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(MedAssistApplication.class)
			.properties("medassist.data=" + data, "server.port=0", "logging.level.root=WARN")
			.run()) {
			String port = server.getEnvironment().getProperty("local.server.port");
			StaffClient staff = new StaffClient(PatientClient.onPort(Integer.parseInt(port)));
			Reply login = staff.loginReply("riverside", "head-nurse", password.group(1), null);
			assertThat(login.status()).as(login.raw()).isEqualTo(200);
			assertThat(login.body().get("status").asString()).isEqualTo("MFA_ENROLMENT_REQUIRED");
			assertThat(staff.loginReply("demo", "head-nurse", password.group(1), null).status())
				.as("the account belongs to its clinic only").isEqualTo(401);
		}
	}

	@Test
	void missingOptionsAreExplained() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ClinicCommand.run(new String[] { "create", "--slug", "x1" }, () -> {
			throw new AssertionError("must not start the application");
		}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--name is required").contains("usage:");
	}

	private static ConfigurableApplicationContext command(Path data) {
		return new SpringApplicationBuilder(MedAssistApplication.class).web(WebApplicationType.NONE)
			.properties("medassist.data=" + data, "logging.level.root=WARN")
			.run();
	}
}
