package vn.truongso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import vn.truongso.architecture.planted.clock.WallClockReads;
import vn.truongso.support.MovableClock;

/** The "one way" choices, each with a planted violation that proves the rule can fail. */
class ArchitectureTests {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.truongso");

  /** Tests too: a test that reads the calendar passes on some days only. */
  static final JavaClasses MAIN_AND_TESTS =
      new ClassFileImporter()
          .importPackages("vn.truongso")
          .that(
              DescribedPredicate.not(
                  JavaClass.Predicates.resideInAPackage("vn.truongso.architecture.planted..")));

  static final JavaClasses PLANTED =
      new ClassFileImporter().importPackages("vn.truongso.architecture.planted");

  static final ArchRule ASSESSMENT_IS_PURE =
      classes()
          .that()
          .resideInAPackage("..assessment..")
          .should()
          .onlyDependOnClassesThat()
          // JSpecify's nullness annotations (NullAway reads them at compile time) carry no code.
          .resideInAnyPackage("java..", "..assessment..", "org.jspecify.annotations")
          .allowEmptyShould(true)
          .because("the circulars' rules are pure functions (ARCHITECTURE.md)");

  /**
   * Any {@code now(..)} of a {@code java.time} type except {@code now(Clock)}, any {@code
   * Clock.system*}, and {@code System.currentTimeMillis()}: each reads the wall calendar.
   */
  static final DescribedPredicate<JavaMethodCall> READS_THE_WALL_CLOCK =
      new DescribedPredicate<>("read the wall clock instead of the Clock bean") {
        @Override
        public boolean test(JavaMethodCall call) {
          var target = call.getTarget();
          String owner = target.getOwner().getName();
          String name = target.getName();
          List<String> params =
              target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
          boolean javaTime =
              owner.startsWith("java.time.") && !owner.startsWith("java.time.format");
          return (javaTime && name.equals("now") && !params.equals(List.of(Clock.class.getName())))
              || (owner.equals(Clock.class.getName()) && name.startsWith("system"))
              || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"));
        }
      };

  static final ArchRule NOW_ONLY_FROM_THE_CLOCK =
      noClasses()
          .that()
          .resideOutsideOfPackage("vn.truongso.platform.time..")
          .and()
          .doNotHaveFullyQualifiedName(MovableClock.class.getName())
          .should()
          .callMethodWhere(READS_THE_WALL_CLOCK)
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
          // the signature library's API speaks java.util.Date; only its adapter may touch it
          .that()
          .resideOutsideOfPackage("vn.truongso.records.signing..")
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
    NOW_ONLY_FROM_THE_CLOCK.check(MAIN_AND_TESTS);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        WallClockReads.DateInZone.class,
        WallClockReads.TimeOfDay.class,
        WallClockReads.Moment.class,
        WallClockReads.ZonedMoment.class,
        WallClockReads.ThisYear.class,
        WallClockReads.ThisMonth.class,
        WallClockReads.SystemClock.class,
        WallClockReads.DefaultZoneClock.class,
        WallClockReads.ClockInZone.class,
        WallClockReads.Millis.class
      })
  void everyWayOfReadingTheWallClockIsCaught(Class<?> planted) {
    assertThatThrownBy(
            () -> NOW_ONLY_FROM_THE_CLOCK.check(new ClassFileImporter().importClasses(planted)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void askingTheClockBeanIsAllowed() {
    NOW_ONLY_FROM_THE_CLOCK.check(
        new ClassFileImporter().importClasses(WallClockReads.FromTheClock.class));
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
