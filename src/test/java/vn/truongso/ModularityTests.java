package vn.truongso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    // A new module is a decision: add it here and to docs/ARCHITECTURE.md's table.
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .containsExactlyInAnyOrder(
            "platform",
            "org",
            "identity",
            "people",
            "enrolment",
            "assessment",
            "curriculum",
            "gradebook",
            "control",
            "corrections",
            "reporting",
            "records",
            "attendance",
            "portal",
            "messaging",
            "kindergarten",
            "demo");
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
  void aNamedInterfaceIsOpenOnlyToTheModulesThatNameIt() {
    // like gradebook :: corrections: corrections names it, reporting (which reads the book) not
    ApplicationModules planted =
        ApplicationModules.of(
            "vn.truongso.modularity.named",
            new com.tngtech.archunit.core.importer.ImportOption.OnlyIncludeTests());
    assertThatThrownBy(planted::verify)
        .hasMessageContaining("Reader")
        .message()
        .doesNotContain("Fixer");
  }

  /**
   * The module diagram in docs/ is drawn from the code on every test run. When the modules or their
   * dependencies change, the run rewrites the file and fails once, so that the new diagram is
   * committed with the change that made it.
   */
  @Test
  void theModuleDiagramInDocsIsTheCodes() throws IOException {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    String drawn = ModuleDiagram.mermaid(MODULES);
    Path committed = Path.of("docs/modules.md");
    String before = Files.exists(committed) ? Files.readString(committed) : "";
    if (!before.equals(drawn)) {
      Files.writeString(committed, drawn);
    }
    assertThat(before)
        .as("docs/modules.md was out of date and has been rewritten: commit it")
        .isEqualTo(drawn);
  }
}
