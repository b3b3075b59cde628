package vn.truongso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The "one way" choices, each with a planted violation that proves the rule can fail. */
class ArchitectureTests {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.truongso");
  static final JavaClasses PLANTED =
      new ClassFileImporter().importPackages("vn.truongso.architecture.planted");

  static final ArchRule ASSESSMENT_IS_PURE =
      classes()
          .that()
          .resideInAPackage("..assessment..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "..assessment..")
          .allowEmptyShould(true)
          .because("the circulars' rules are pure functions (ARCHITECTURE.md)");

  static final ArchRule NOW_ONLY_FROM_THE_CLOCK =
      noClasses()
          .that()
          .resideOutsideOfPackage("vn.truongso.platform.time..")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(OffsetDateTime.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("time comes from the Clock bean, so that tests can move it");

  static final ArchRule CONTROLLERS_IN_WEB =
      classes()
          .that()
          .areAnnotatedWith(Controller.class)
          .or()
          .areAnnotatedWith(RestController.class)
          .should()
          .resideInAPackage("..web..")
          .because("pages and API live in each module's web package");

  static final ArchRule ONE_WAY =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..", "javax.persistence..", "lombok..", "org.hibernate..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Date")
          .because("Spring Data JDBC / JdbcClient, records and java.time are the one way");

  @Test
  void assessmentDependsOnlyOnTheJdk() {
    ASSESSMENT_IS_PURE.check(MAIN);
  }

  @Test
  void onlyTheClockAsksForNow() {
    NOW_ONLY_FROM_THE_CLOCK.check(MAIN);
  }

  @Test
  void controllersLiveInWebPackages() {
    CONTROLLERS_IN_WEB.check(MAIN);
  }

  @Test
  void noJpaLombokOrJavaUtilDate() {
    ONE_WAY.check(MAIN);
  }

  @Test
  void plantedViolationsAreCaught() {
    assertThatThrownBy(() -> ASSESSMENT_IS_PURE.check(PLANTED)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> NOW_ONLY_FROM_THE_CLOCK.check(PLANTED))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> CONTROLLERS_IN_WEB.check(PLANTED)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> ONE_WAY.check(PLANTED)).isInstanceOf(AssertionError.class);
  }
}
