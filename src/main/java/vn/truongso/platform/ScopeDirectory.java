package vn.truongso.platform;

import java.util.List;

/**
 * Names of the classes, subjects and students that role assignments point at, for pickers and
 * checks in modules that may not depend on the modules owning them. Enrolment and curriculum
 * implement it.
 */
public interface ScopeDirectory {

  /** Classes of a school in a school year, sorted by grade and name. */
  List<Option> classOptions(long schoolId, int startYear);

  /** Subjects taught in a school. */
  List<Option> subjectOptions(long schoolId);

  /** Whether a class belongs to the school (and year, when given). */
  boolean classBelongs(long schoolId, long classId, Integer startYear);

  /** Whether a student is on the school's register. */
  boolean studentBelongs(long schoolId, long studentId);

  /** A choice in a picker: its id or code, and the text shown. */
  record Option(String value, String label) {}
}
