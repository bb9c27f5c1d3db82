package cn.chengxin;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules talk through their APIs only, with no cycles (Spring Modulith). */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ChengxinApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theBusinessModulesOfTheArchitectureExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "subject", "demo", "portal", "oversight", "platform");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
