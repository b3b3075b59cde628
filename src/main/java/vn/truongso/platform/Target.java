package vn.truongso.platform;

import org.jspecify.annotations.Nullable;

/**
 * The resource an action is done on, named by its scope: an organisation unit, a school, a class, a
 * subject, a school year, a student. Unset parts are null.
 */
public record Target(
    @Nullable Long orgUnitId,
    @Nullable Long schoolId,
    @Nullable Long classId,
    @Nullable String subjectCode,
    @Nullable Integer schoolYear,
    @Nullable Long studentId) {

  public static Target orgUnit(long orgUnitId) {
    return new Target(orgUnitId, null, null, null, null, null);
  }

  public static Target school(long schoolId) {
    return new Target(null, schoolId, null, null, null, null);
  }

  public static Target schoolClass(long schoolId, long classId) {
    return new Target(null, schoolId, classId, null, null, null);
  }

  public static Target classSubject(long schoolId, long classId, String subjectCode) {
    return new Target(null, schoolId, classId, subjectCode, null, null);
  }

  public static Target student(long schoolId, @Nullable Long classId, long studentId) {
    return new Target(null, schoolId, classId, null, null, studentId);
  }

  public Target inYear(int startYear) {
    return new Target(orgUnitId, schoolId, classId, subjectCode, startYear, studentId);
  }
}
