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
   * A subject of the programme: {@code assessmentMode} says whether it is scored or assessed by
   * comment (Thông tư 22/2021 art. 5, Thông tư 27/2020).
   */
  record ProgrammeSubject(
      String level,
      int grade,
      String code,
      String name,
      String category,
      Integer periodsPerYear,
      String assessmentMode) {}

  record Assignment(
      long id,
      long classId,
      String subjectCode,
      String subjectName,
      int term,
      long staffId,
      String teacherName) {}
}
