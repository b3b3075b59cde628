package vn.truongso.gradebook.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.platform.YearRecords;

/**
 * The year's grade book for the sealed archive: every mark with every value it has held, conduct,
 * absences, the approvals, the computed results, exemptions and individual plans.
 */
@Component
class GradebookYearRecords implements YearRecords {

  @Override
  public Map<String, String> queries() {
    return Map.of(
        "gradebook.scores",
        "SELECT x.* FROM score_cell x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.subject_code, x.term_no, x.student_id, x.slot",
        "gradebook.score_history",
        "SELECT x.* FROM score_cell_version x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.subject_code, x.term_no, x.student_id, x.slot, x.version",
        "gradebook.conduct",
        "SELECT x.* FROM conduct_entry x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.student_id, x.period",
        "gradebook.absences",
        "SELECT x.* FROM absence_entry x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.student_id, x.term_no",
        "gradebook.approvals",
        "SELECT x.* FROM result_approval x" + OF_YEAR_CLASSES + " ORDER BY x.class_id, x.period",
        "gradebook.results",
        "SELECT x.* FROM student_result x"
            + OF_YEAR_CLASSES
            + " ORDER BY x.class_id, x.student_id, x.period",
        "gradebook.exemptions",
        "SELECT * FROM subject_exemption WHERE school_id = :school AND start_year = :year"
            + " ORDER BY student_id, subject_code",
        "gradebook.individual_plans",
        "SELECT * FROM individual_plan WHERE school_id = :school AND start_year = :year"
            + " ORDER BY student_id");
  }
}
