package vn.truongso.curriculum;

import java.util.List;
import java.util.Optional;

/** The curriculum module's door: programme subjects and teaching assignments. */
public interface Teaching {

  /** Subjects of the programme for a grade (GDPT 2018), compulsory first. */
  List<ProgrammeSubject> subjects(int grade);

  Optional<ProgrammeSubject> subject(int grade, String code);

  long assign(long schoolId, long classId, String subjectCode, int term, long staffId);

  List<Assignment> assignmentsOfClass(long schoolId, long classId);

  /**
   * Replaces who teaches each subject of a class in each term, for the subjects the signed-in user
   * may assign (the principal and vice-principals every subject; a subject group's head their
   * subject). Only the slots that differ from what is stored are written, each audited; a slot with
   * no teacher removes the assignment. All or nothing: an unknown teacher or subject refuses the
   * whole plan.
   */
  void savePlan(long schoolId, long classId, List<Slot> slots);

  /** For each class of a school year, how many of its subject-terms have a teacher. */
  List<Coverage> coverage(long schoolId, int startYear);

  /** One subject in one term of a class; {@code staffId} null for nobody. */
  record Slot(String subjectCode, int term, Long staffId) {}

  record Coverage(long classId, int assigned, int slots) {}

  /**
   * A subject of the programme: {@code assessmentMode} says whether it is scored or assessed by
   * comment (Thông tư 22/2021 art. 5, Thông tư 27/2020).
   */
  /**
   * {@code testPoints}: the points of the year at which the subject has a periodic test, as the
   * programme data names them (primary: {@code GHKI}, {@code CHKI}, {@code GHKII}, {@code CN};
   * secondary: {@code GHK}, {@code CHK}); empty when it has none.
   */
  record ProgrammeSubject(
      String level,
      int grade,
      String code,
      String name,
      String category,
      Integer periodsPerYear,
      String assessmentMode,
      java.util.List<String> testPoints) {}

  record Assignment(
      long id,
      long classId,
      String subjectCode,
      String subjectName,
      int term,
      long staffId,
      String teacherName) {}
}
