package org.medassist;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The business modules depend on each other only through their APIs, and without cycles. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MedAssistApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theSpineModulesExist() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("consultation", "triage", "identity", "platform");
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
