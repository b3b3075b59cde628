package vn.truongso.platform;

/**
 * The resource an action is done on, named by its scope: an organisation unit, a school, a class, a
 * subject, a school year, a student. Unset parts are null.
 */
public record Target(
    Long orgUnitId,
    Long schoolId,
    Long classId,
    String subjectCode,
    Integer schoolYear,
    Long studentId) {

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

  public static Target student(long schoolId, Long classId, long studentId) {
    return new Target(null, schoolId, classId, null, null, studentId);
  }

  public Target inYear(int startYear) {
    return new Target(orgUnitId, schoolId, classId, subjectCode, startYear, studentId);
  }
}
