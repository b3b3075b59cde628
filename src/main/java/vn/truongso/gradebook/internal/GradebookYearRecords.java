package vn.truongso.gradebook.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/**
 * The year's grade book for the sealed archive: every mark with every value it has held, conduct,
 * absences, the approvals, the computed results, exemptions and individual plans; for primary
 * classes (TT27) the values of the four points, the pupils' year-end facts and the supplementary
 * assessments (their results are computed, never stored: the archive keeps what computes them).
 */
@Component
class GradebookYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.ofEntries(
        Map.entry(
            "gradebook.scores",
            "SELECT x.* FROM score_cell x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.subject_code, x.term_no, x.student_id, x.slot"),
        Map.entry(
            "gradebook.score_history",
            "SELECT x.* FROM score_cell_version x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.subject_code, x.term_no, x.student_id, x.slot,"
                + " x.version"),
        Map.entry(
            "gradebook.conduct",
            "SELECT x.* FROM conduct_entry x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.student_id, x.period"),
        Map.entry(
            "gradebook.absences",
            "SELECT x.* FROM absence_entry x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.student_id, x.term_no"),
        Map.entry(
            "gradebook.approvals",
            "SELECT x.* FROM result_approval x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.period"),
        Map.entry(
            "gradebook.results",
            "SELECT x.* FROM student_result x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.student_id, x.period"),
        Map.entry(
            "gradebook.exemptions",
            "SELECT * FROM subject_exemption WHERE school_id = :school AND start_year = :year"
                + " ORDER BY student_id, subject_code"),
        Map.entry(
            "gradebook.individual_plans",
            "SELECT * FROM individual_plan WHERE school_id = :school AND start_year = :year"
                + " ORDER BY student_id"),
        Map.entry(
            "gradebook.primary_values",
            "SELECT x.* FROM primary_assessment x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.student_id, x.point, x.kind, x.item"),
        Map.entry(
            "gradebook.primary_years",
            "SELECT x.* FROM primary_year x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.student_id"),
        Map.entry(
            "gradebook.primary_supplementary",
            "SELECT x.* FROM primary_supplementary x"
                + OF_YEAR_CLASSES
                + " ORDER BY x.class_id, x.student_id, x.kind, x.item"));
  }
}
