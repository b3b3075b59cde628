package vn.truongso.identity.internal;

import java.util.List;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.Organisation;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.UserInputException;

/**
 * What a role assignment must name besides its unit (a school role its school, a homeroom role its
 * class, a guardian's role its student…), and that the class or student named belongs to the
 * school.
 */
final class RoleScopes {

  private final Organisation org;
  private final List<ScopeDirectory> directories;

  RoleScopes(Organisation org, List<ScopeDirectory> directories) {
    this.org = org;
    this.directories = directories;
  }

  static void requireSchoolRole(Role role) {
    if (role == null || role.scope() == Role.ScopeKind.ORG) {
      throw new UserInputException("role", "role.notAssignableHere");
    }
  }

  static Scope withSchool(Scope s, long schoolId) {
    Scope scope = s == null ? Scope.none() : s;
    return new Scope(
        schoolId,
        scope.classId(),
        blankToNull(scope.subjectCode()),
        scope.schoolYear(),
        scope.studentId());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  void validate(Role role, long orgUnitId, Scope s) {
    var unit =
        org.unit(orgUnitId)
            .orElseThrow(() -> new UserInputException("orgUnit", "role.unitUnknown"));
    boolean schoolUnit = unit.type() == vn.truongso.org.UnitType.SCHOOL;
    boolean ok =
        switch (role.scope()) {
          case ORG ->
              !schoolUnit && s.schoolId() == null && s.classId() == null && s.studentId() == null;
          case SCHOOL ->
              schoolUnit
                  && orgUnitId == nz(s.schoolId())
                  && s.classId() == null
                  && s.studentId() == null;
          case SUBJECT ->
              schoolUnit
                  && orgUnitId == nz(s.schoolId())
                  && s.subjectCode() != null
                  && s.classId() == null;
          case CLASS ->
              schoolUnit
                  && orgUnitId == nz(s.schoolId())
                  && s.classId() != null
                  && s.subjectCode() == null;
          case CLASS_SUBJECT ->
              schoolUnit
                  && orgUnitId == nz(s.schoolId())
                  && s.classId() != null
                  && s.subjectCode() != null;
          case STUDENT ->
              schoolUnit
                  && orgUnitId == nz(s.schoolId())
                  && s.studentId() != null
                  && s.classId() == null;
        };
    if (!ok) {
      throw new UserInputException("role", "role.scopeInvalid");
    }
    if (s.classId() != null
        && !directories.isEmpty()
        && directories.stream()
            .noneMatch(d -> d.classBelongs(s.schoolId(), s.classId(), s.schoolYear()))) {
      throw new UserInputException("classId", "role.classUnknown");
    }
    if (s.studentId() != null
        && !directories.isEmpty()
        && directories.stream().noneMatch(d -> d.studentBelongs(s.schoolId(), s.studentId()))) {
      throw new UserInputException("studentId", "role.studentUnknown");
    }
  }

  private static long nz(Long v) {
    return v == null ? -1 : v;
  }
}
