package vn.truongso.reporting.internal;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.truongso.gradebook.EntryProgress;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;

/**
 * Entry progress for the leaders' monthly check (DH-SD art. 5.1, BA-HBS art. 4): per teacher and
 * per class, how many cells were due by today, how many of those are still empty, and the sheets
 * behind the overdue ones.
 */
@Service
public class ProgressReport {

  /** A teacher's or a class's totals over its sheets. */
  public record Line(
      String label, int sheets, int cells, int filledCells, int dueCells, int overdueCells) {

    /** Share of the cells due by now that hold a mark; null when nothing is due yet. */
    public Integer percentDue() {
      return dueCells == 0 ? null : (int) ((dueCells - overdueCells) * 100L / dueCells);
    }

    static Line of(String label, EntryProgress.Sheet s) {
      return new Line(label, 1, s.cells(), s.filledCells(), s.dueCells(), s.overdueCells());
    }

    Line plus(Line o) {
      return new Line(
          label,
          sheets + o.sheets,
          cells + o.cells,
          filledCells + o.filledCells,
          dueCells + o.dueCells,
          overdueCells + o.overdueCells);
    }
  }

  public record Report(
      LocalDate on,
      Integer term,
      Line school,
      List<Line> byTeacher,
      List<Line> byClass,
      List<EntryProgress.Sheet> overdue) {}

  private final EntryProgress progress;
  private final Authorization authorization;

  ProgressReport(EntryProgress progress, Authorization authorization) {
    this.progress = progress;
    this.authorization = authorization;
  }

  /** The school year's progress as of {@code on}, for one term or (null) both. */
  public Report of(long schoolId, int startYear, LocalDate on, Integer term) {
    authorization.require(Action.MONITOR_GRADEBOOK, Target.school(schoolId));
    Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
    List<EntryProgress.Sheet> sheets =
        progress.ofSchool(schoolId, startYear, on).stream()
            .filter(s -> term == null || s.term() == term)
            .sorted(
                Comparator.comparingInt(EntryProgress.Sheet::grade)
                    .thenComparing(EntryProgress.Sheet::className, vi)
                    .thenComparing(EntryProgress.Sheet::subjectName, vi)
                    .thenComparingInt(EntryProgress.Sheet::term))
            .toList();
    Line school = new Line("", 0, 0, 0, 0, 0);
    Map<Long, Line> teachers = new LinkedHashMap<>();
    Map<Long, Line> classes = new LinkedHashMap<>();
    List<EntryProgress.Sheet> overdue = new ArrayList<>();
    for (EntryProgress.Sheet s : sheets) {
      school = school.plus(Line.of("", s));
      teachers.merge(s.teacherStaffId(), Line.of(s.teacherName(), s), Line::plus);
      classes.merge(s.classId(), Line.of(s.className(), s), Line::plus);
      if (s.overdueCells() > 0) {
        overdue.add(s);
      }
    }
    List<Line> byTeacher = new ArrayList<>(teachers.values());
    // Most overdue first: the list is read to decide whom to remind.
    byTeacher.sort(
        Comparator.comparingInt(Line::overdueCells).reversed().thenComparing(Line::label, vi));
    return new Report(on, term, school, byTeacher, List.copyOf(classes.values()), overdue);
  }
}
