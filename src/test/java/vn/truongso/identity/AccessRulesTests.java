package vn.truongso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.truongso.identity.AccessRules.ResolvedTarget;
import vn.truongso.platform.Action;

/** The authorisation table: role × scope × action, one row per decision, with why. */
class AccessRulesTests {

  private static final Map<Long, String> SCHOOL_PATHS =
      Map.of(10L, "/1/2/3/10/", 11L, "/1/2/4/11/");

  @ParameterizedTest(name = "{0} {6} → {11}: {12}")
  @CsvFileSource(resources = "/identity/access-rules.csv", nullValues = "")
  void decides(
      Role role,
      String grantUnit,
      Long grantSchool,
      Long grantClass,
      String grantSubject,
      Long grantStudent,
      Action action,
      Long targetSchool,
      Long targetClass,
      String targetSubject,
      Long targetStudent,
      boolean expected,
      String why) {
    Grant grant =
        new Grant(role, 0, grantUnit, grantSchool, grantClass, grantSubject, null, grantStudent);
    ResolvedTarget target =
        new ResolvedTarget(
            SCHOOL_PATHS.get(targetSchool),
            targetSchool,
            targetClass,
            targetSubject,
            null,
            targetStudent);

    assertThat(AccessRules.permits(List.of(grant), action, target)).as(why).isEqualTo(expected);
  }

  @Test
  void deniesWithNoGrants() {
    ResolvedTarget target = new ResolvedTarget("/1/2/3/10/", 10L, null, null, null, null);
    assertThat(AccessRules.permits(List.of(), Action.VIEW_SCHOOL, target)).isFalse();
  }

  @Test
  void aRoleForLastYearDoesNotReachThisYearsClassOfTheSameId() {
    Grant lastYear = new Grant(Role.HOMEROOM_TEACHER, 0, "/1/2/3/10/", 10L, 100L, null, 2025, null);
    ResolvedTarget thisYear = new ResolvedTarget("/1/2/3/10/", 10L, 100L, null, 2026, null);
    assertThat(AccessRules.permits(List.of(lastYear), Action.ENTER_CONDUCT, thisYear)).isFalse();
  }

  @Test
  void everyRoleHasAnActionTable() {
    for (Role role : Role.values()) {
      assertThat(AccessRules.actionsOf(role)).as(role.name()).isNotNull();
    }
  }
}
