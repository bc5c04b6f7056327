package org.medassist;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.medassist.platform.Classification;
import org.medassist.platform.Classification.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists every classified field of the application by reflection, so that the list of PHI and secrets is
 * reviewed whenever it changes, and fails when a text field whose name says it holds a secret or staff's free
 * text is left unclassified.
 */
class ClassifiedFieldsTest {

	/** Names that mean a secret or clinical free text; a String or list of Strings so named must be classified. */
	private static final Pattern SENSITIVE_NAME = Pattern
		.compile("(?i).*(password|secret|token|totp|recoverycode|note|instructions|codeverifier)$");

	private static final List<JavaClass> CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.medassist")
		.stream()
		.toList();

	@Test
	void everyClassifiedFieldIsListedHere() {
		Map<String, Level> classified = classified();
		StringBuilder listing = new StringBuilder("classified fields:\n");
		classified.forEach((field, level) -> listing.append("  ").append(level).append(' ').append(field).append('\n'));
		System.out.println(listing);

		assertThat(classified).as(listing.toString()).containsExactlyInAnyOrderEntriesOf(new TreeMap<>(Map.ofEntries(
				Map.entry("consultation.MessageView.text", Level.RESTRICTED),
				Map.entry("consultation.PatientMessage.text", Level.RESTRICTED),
				Map.entry("consultation.StartedConsultation.accessToken", Level.RESTRICTED),
				Map.entry("consultation.internal.AccessToken.value", Level.RESTRICTED),
				Map.entry("consultation.internal.ConsultationController$MessageRequest.text", Level.RESTRICTED),
				Map.entry("consultation.internal.ConsultationController$StartResponse.accessToken", Level.RESTRICTED),
				Map.entry("consultation.internal.PatientText.value", Level.RESTRICTED),
				Map.entry("identity.StaffMember.username", Level.CONFIDENTIAL),
				Map.entry("keys.internal.PhiColumns$Stored.value", Level.RESTRICTED),
				Map.entry("platform.DatabaseProperties.password", Level.RESTRICTED),
				Map.entry("fhir.internal.FhirProperties$Ehr.clientSecret", Level.RESTRICTED),
				Map.entry("fhir.internal.FhirProperties$Ehr.privateKey", Level.RESTRICTED),
				Map.entry("fhir.internal.BundleValidation$Issue.message", Level.RESTRICTED),
				Map.entry("fhir.internal.FhirController$ExportStatus.validationMessages", Level.RESTRICTED),
				Map.entry("review.ReviewOutcome.note", Level.RESTRICTED),
				Map.entry("knowledge.internal.KnowledgeSearchController$SearchResponse.query", Level.RESTRICTED),
				Map.entry("knowledge.internal.KnowledgeSearchController$SearchResponse.note", Level.PUBLIC),
				Map.entry("platform.DatabaseProperties$Migration.password", Level.RESTRICTED),
				Map.entry("platform.internal.DatabaseServer$Credentials.password", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$CodeRequest.code", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginRequest.password", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginRequest.recoveryCode", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginRequest.totp", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginResponse.accessToken", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginResponse.enrolmentToken", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginResponse.recoveryCodes", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$LoginResponse.refreshToken", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$PasswordChange.currentPassword", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$PasswordChange.newPassword", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$ReauthenticationRequest.password", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$ReauthenticationRequest.totp", Level.RESTRICTED),
				Map.entry("identity.internal.AuthController$RefreshRequest.refreshToken", Level.RESTRICTED),
				Map.entry("identity.internal.ClinicRegistry$NewClinic.oneTimePassword", Level.RESTRICTED),
				Map.entry("identity.internal.DemoClinics$DemoLogin.password", Level.RESTRICTED),
				Map.entry("identity.internal.IdentityProperties$OidcProvider.clientSecret", Level.RESTRICTED),
				Map.entry("identity.internal.OidcLogins$Callback.code", Level.RESTRICTED),
				Map.entry("identity.internal.OidcLogins$Callback.codeVerifier", Level.RESTRICTED),
				Map.entry("identity.internal.OidcLogins$Callback.totp", Level.RESTRICTED),
				Map.entry("identity.internal.SecondFactor$Enrolment.otpauthUri", Level.RESTRICTED),
				Map.entry("identity.internal.SecondFactor$Enrolment.qrCode", Level.RESTRICTED),
				Map.entry("identity.internal.SecondFactor$Enrolment.secret", Level.RESTRICTED),
				Map.entry("identity.internal.StaffAccounts$Account.mfaSecret", Level.RESTRICTED),
				Map.entry("identity.internal.StaffAccounts$Account.passwordHash", Level.RESTRICTED),
				Map.entry("identity.internal.StaffAdministration$NewStaffMember.password", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$Credentials.password", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$Credentials.recoveryCode", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$Credentials.totp", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$EnrolmentRequired.enrolmentToken", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$Enrolled.recoveryCodes", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$SignedIn.accessToken", Level.RESTRICTED),
				Map.entry("identity.internal.StaffLogins$SignedIn.refreshToken", Level.RESTRICTED),
				Map.entry("review.internal.ReviewController$DecisionRequest.note", Level.RESTRICTED),
				Map.entry("review.internal.ReviewController$DecisionRequest.patientInstructions", Level.RESTRICTED),
				Map.entry("review.internal.ReviewController$ReviewState.note", Level.RESTRICTED),
				Map.entry("review.internal.ReviewController$ReviewState.patientInstructions", Level.RESTRICTED),
				Map.entry("review.internal.ReviewController$ReviewState.secondOpinionNote", Level.RESTRICTED),
				Map.entry("review.internal.ReviewController$SecondOpinionRequest.note", Level.RESTRICTED),
				Map.entry("review.internal.ReviewRepository$Review.note", Level.RESTRICTED),
				Map.entry("review.internal.ReviewRepository$Review.patientInstructions", Level.RESTRICTED),
				Map.entry("review.internal.ReviewRepository$Review.secondOpinionNote", Level.RESTRICTED),
				Map.entry("review.internal.ReviewService$Decision.note", Level.RESTRICTED),
				Map.entry("review.internal.ReviewService$Decision.patientInstructions", Level.RESTRICTED))));
	}

	@Test
	void recordComponentsNamedLikeSecretsOrNotesAreClassified() {
		List<String> unclassified = new ArrayList<>();
		for (RecordComponent component : recordComponents()) {
			boolean textual = component.getType() == String.class || component.getType() == List.class
					|| component.getType() == char[].class || component.getType() == byte[].class;
			if (textual && SENSITIVE_NAME.matcher(component.getName()).matches()
					&& component.getAnnotation(Classification.class) == null) {
				unclassified.add(name(component));
			}
		}
		assertThat(unclassified).as("classify these with @Classification").isEmpty();
	}

	private static Map<String, Level> classified() {
		Map<String, Level> out = new TreeMap<>();
		for (RecordComponent component : recordComponents()) {
			Classification classification = component.getAnnotation(Classification.class);
			if (classification != null) {
				out.put(name(component), classification.value());
			}
		}
		for (JavaClass type : CLASSES) {
			Class<?> reflected = type.reflect();
			if (!reflected.isRecord()) {
				for (var field : reflected.getDeclaredFields()) {
					Classification classification = field.getAnnotation(Classification.class);
					if (classification != null) {
						out.put(reflected.getName().substring("org.medassist.".length()) + "." + field.getName(),
								classification.value());
					}
				}
			}
		}
		return out;
	}

	private static List<RecordComponent> recordComponents() {
		return CLASSES.stream()
			.map(JavaClass::reflect)
			.filter(Class::isRecord)
			.flatMap(type -> List.of(type.getRecordComponents()).stream())
			.toList();
	}

	private static String name(RecordComponent component) {
		return component.getDeclaringRecord().getName().substring("org.medassist.".length()) + "." + component.getName();
	}
}
