package vn.truongso.identity;

/**
 * A role assignment resolved for checking: the role and its scope, with the organisation path of
 * the unit it was given on ({@code /1/4/9/}).
 */
public record Grant(
    Role role,
    long orgUnitId,
    String orgPath,
    Long schoolId,
    Long classId,
    String subjectCode,
    Integer schoolYear,
    Long studentId) {}
