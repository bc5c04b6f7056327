package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.assess;
import static org.medassist.triage.internal.engine.EngineConsultations.disposition;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Assessment;
import org.medassist.triage.Disposition;

/**
 * Everyday minor problems (stye, cold sore, nail infection, athlete's foot, head lice, sunburn, a bite's usual local
 * reaction, sinusitis, earwax) are recognised and kept at self-care or a GP appointment instead of going to the
 * nurse as an unrecognised complaint; their same-day twins (a cold sore with a painful eye, redness spreading from a
 * nail, blistered sunburn with a temperature, eczema herpeticum, a reliever needed every few hours) are escalated,
 * and the emergencies among the look-alikes stay emergencies. Real knowledge base and the bundled embedding model,
 * as in production.
 */
class MinorProblemsTest {

	@Test
	void commonMinorProblemsAreRecognisedAndStaySelfCare() {
		assertThat(disposition("I'm 24 and I have a stye on my upper eyelid since yesterday, my eye and vision are fine.",
				"finding:eyelid_cellulitis", "no", "finding:vision_loss", "no", "finding:fever", "no"))
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("I'm 30 and I'm getting a cold sore on my lip, it's tingly since this morning.",
				"finding:eye_pain", "no", "finding:red_eye", "no", "finding:light_sensitivity", "no",
				"finding:immunosuppressed", "no", "finding:eczema_flare", "no"))
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("I'm 35 and I've had athlete's foot between my toes for a week, itchy and peeling.",
				"finding:spreading_redness", "no", "finding:diabetes", "no", "finding:immunosuppressed", "no",
				"finding:treatment_not_working", "no", "finding:fever", "no"))
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("My 8 year old daughter has head lice again, we found live lice when combing.",
				"finding:spreading_redness", "no", "finding:treatment_not_working", "no"))
			.isEqualTo(Disposition.SELF_CARE);
		assertThat(disposition("I'm 22 and I fell asleep in the garden and got sunburnt, it's red and sore but no blisters.",
				"finding:sunburn_severe", "no", "finding:fever", "no", "finding:chills", "no", "finding:dizziness", "no",
				"finding:headache", "no", "finding:vomiting", "no", "finding:confusion", "no"))
			.isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void aBeeStingsUsualLocalReactionIsNotALargeReaction() {
		Assessment a = assess("My 9-year-old got stung by a bee on his hand an hour ago. It's red, swollen and sore around the sting.",
				"finding:lip_tongue_swelling", "no", "finding:severe_breathing_difficulty", "no", "finding:dizziness", "no",
				"finding:sting_in_mouth_throat", "no", "finding:large_local_reaction", "no", "finding:bite_infected", "no",
				"finding:fever", "no", "finding:previous_anaphylaxis", "no", "finding:hives", "no");

		assertThat(a.disposition()).isEqualTo(Disposition.SELF_CARE);
	}

	@Test
	void minorProblemsThatAreNotGettingBetterGoToTheGp() {
		assertThat(disposition("I've had a painless lump in my lower eyelid for about six weeks, warm compresses haven't shrunk it."))
			.isEqualTo(Disposition.ROUTINE);
		assertThat(disposition("I've had a blocked nose and sinus pain across my cheeks for 12 days and it isn't getting better.",
				"finding:swelling_spreading_eye_neck", "no", "finding:eyelid_cellulitis", "no"))
			.isEqualTo(Disposition.ROUTINE);
		assertThat(disposition("I've had an ulcer on the side of my tongue for four weeks that isn't healing. I'm 61."))
			.isEqualTo(Disposition.ROUTINE);
	}

	@Test
	void theSameDayTwinsAreEscalated() {
		assertThat(disposition("I've had a cold sore for a few days and now my eye on the same side is painful and sensitive to light."))
			.isIn(Disposition.URGENT, Disposition.EMERGENCY);
		assertThat(disposition("The skin round my fingernail is red and throbbing with pus, and the redness is spreading up my finger."))
			.isEqualTo(Disposition.URGENT);
		assertThat(disposition("I got badly sunburnt yesterday, my back is blistered and I've got a high temperature and chills."))
			.isEqualTo(Disposition.URGENT);
		assertThat(disposition("My 3 year old's eczema has suddenly become painful with clusters of punched out blisters on his face."))
			.isIn(Disposition.URGENT, Disposition.EMERGENCY);
	}

	@Test
	void aRelieverNeededEveryFewHoursIsSameDayAndOneThatDoesNotHelpIsAnEmergency() {
		Assessment a = assess("My asthma is bad today. I've used my blue inhaler 4 times this morning and it only helps for an hour, "
				+ "I'm wheezy but I can talk in full sentences.", "finding:severe_breathing_difficulty", "no",
				"finding:reliever_not_helping", "no");
		assertThat(a.disposition()).isEqualTo(Disposition.URGENT);
		assertThat(a.reasons()).anySatisfy(r -> assertThat(r.rule()).isEqualTo("wheeze-asthma-reliever-every-4-hours"));

		assertThat(disposition("My daughter is having an asthma attack and her blue inhaler isn't helping at all."))
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void theEmergencyLookAlikesStayEmergencies() {
		assertThat(disposition("My left eye suddenly became very painful and red this evening with halos around lights, and I have a bad headache."))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("I've had low back pain after lifting and since this morning I can't feel anything around my bottom and haven't been able to pee."))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("My husband was stung by a wasp and his lips are swelling up and he's wheezing."))
			.isEqualTo(Disposition.EMERGENCY);
	}
}
