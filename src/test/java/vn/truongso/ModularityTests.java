package vn.truongso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk to each other only through their public API and the dependencies they declare. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TruongSoApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void everyModuleIsKnown() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("platform", "org", "identity");
  }

  @Test
  void aModuleReachingIntoAnothersInternalsIsCaught() {
    ApplicationModules planted =
        ApplicationModules.of(
            "vn.truongso.modularity.planted",
            new com.tngtech.archunit.core.importer.ImportOption.OnlyIncludeTests());
    assertThatThrownBy(planted::verify).hasMessageContaining("internal");
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
