package vn.truongso.assessment;

import java.util.List;

/**
 * One student's school year as the circulars see it. {@code absentSessions}: sessions (buổi)
 * missed, excused or not. {@code individualPlan}: a student with disabilities assessed on an
 * individual education plan (TT22 art. 11).
 */
public record StudentYear(
    int grade,
    List<SubjectRecord> subjects,
    ConductRecord conduct,
    int absentSessions,
    boolean individualPlan) {
  public StudentYear {
    subjects = List.copyOf(subjects);
  }
}
