package org.medassist.triage.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medassist.triage.internal.engine.EngineConsultations.disposition;


import org.junit.jupiter.api.Test;
import org.medassist.triage.Disposition;

/**
 * The guard on reading "what the patient can do" as a problem absent (round 3): an impairment said with the same
 * words ("can't breathe properly", "isn't feeding properly", "can't speak normally") is still the problem, and an
 * emergency said that way stays an emergency; nor does a negation earlier in the sentence reach a red flag after
 * "and" with a new subject. Real knowledge base and the bundled embedding model, as in production.
 */
class ImpairmentWordingTest {

	@Test
	void anEmergencySaidWithProperlyOrNormallyStaysAnEmergency() {
		assertThat(disposition("I can't breathe properly and my lips are going blue")).isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("my dad's face has dropped on one side and he can't speak properly"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("I'm 58 and I have crushing chest pain and I can't breathe normally"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("my 5 week old baby is not feeding properly, she is floppy and has a temperature of 38.5"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("bad back pain since yesterday, I can't pee properly and I'm numb around my bottom"))
			.isEqualTo(Disposition.EMERGENCY);
	}

	@Test
	void aNegationEarlierInTheSentenceDoesNotReachAStrokeSignAfterANewSubject() {
		assertThat(disposition("my husband suddenly isn't walking properly and his left arm is weak"))
			.isEqualTo(Disposition.EMERGENCY);
		assertThat(disposition("my mum doesn't feel well and her face has dropped on one side"))
			.isEqualTo(Disposition.EMERGENCY);
	}
}
