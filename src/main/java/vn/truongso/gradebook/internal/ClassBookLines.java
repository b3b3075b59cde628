package vn.truongso.gradebook.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.ConductRecord;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Outcome;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.YearResult;
import vn.truongso.gradebook.internal.ClassBook.Line;
import vn.truongso.gradebook.internal.ClassBook.Missing;
import vn.truongso.gradebook.internal.ClassBook.SubjectValues;
import vn.truongso.people.People;

/**
 * Each student's line of one class's book from what is stored: per subject the term results and the
 * year's value, a subject left out of the year shown as such (TT58 art. 12), conduct and absences
 * as entered, what is still missing, and once nothing is, the learning levels, outcome and title
 * the class's circular gives, with the principal's decision for a student on an individual plan. No
 * database: {@link ClassBook} reads the cells and entries and hands them in.
 */
final class ClassBookLines {

  private final int grade;
  private final SecondaryPolicy policy;
  private final List<SubjectSheet> subjects;
  private final ArrangementStore.OfYear arranged;
  private final PolicyOptions options = PolicyOptions.defaults();

  /** {@code policy}: null for a primary grade, which the circulars here do not assess. */
  ClassBookLines(
      int grade,
      SecondaryPolicy policy,
      List<SubjectSheet> subjects,
      ArrangementStore.OfYear arranged) {
    this.grade = grade;
    this.policy = policy;
    this.subjects = subjects;
    this.arranged = arranged;
  }

  /** A subject's part of a line: what the book prints, what the policy reads, what is missing. */
  private record Subject(SubjectValues values, SubjectRecord record, List<Missing> missing) {}

  /**
   * {@code marks}: subject → term → slot → cell; {@code conduct}: period → entry; {@code absences}:
   * term → sessions.
   */
  Line line(
      People.Student s,
      Map<String, Map<Integer, Map<String, ScoreCells.Content>>> marks,
      Map<String, HomeroomEntries.Conduct> conduct,
      Map<Integer, HomeroomEntries.Absences> absences) {
    Map<String, ArrangementStore.Exemption> exemptions = new LinkedHashMap<>();
    List<SubjectRecord> records = new ArrayList<>();
    List<SubjectValues> values = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    for (SubjectSheet sheet : subjects) {
      ArrangementStore.Exemption exemption = arranged.exemption(s.id(), sheet.code());
      if (exemption != null) {
        exemptions.put(sheet.code(), exemption);
      }
      Subject subject = subject(sheet, marks.getOrDefault(sheet.code(), Map.of()), exemption);
      values.add(subject.values());
      records.add(subject.record());
      missing.addAll(subject.missing());
    }
    Map<String, String> levels = new LinkedHashMap<>();
    Map<String, String> comments = new LinkedHashMap<>();
    conduct.forEach(
        (period, entryOf) -> {
          levels.put(period, entryOf.level());
          comments.put(period, entryOf.comment());
        });
    missing.addAll(missingConduct(levels));
    ArrangementStore.Plan plan = arranged.plan(s.id());
    Level term1 = policy == null ? null : policy.termLearning(records, 1, options);
    Level term2 = policy == null ? null : policy.termLearning(records, 2, options);
    YearResult year =
        policy == null ? null : year(records, levels, absences, plan != null, missing);
    return new Line(
        s,
        values,
        levels,
        comments,
        absences,
        term1,
        term2,
        year == null ? null : decided(year, plan),
        missing,
        exemptions,
        plan);
  }

  private Subject subject(
      SubjectSheet sheet,
      Map<Integer, Map<String, ScoreCells.Content>> terms,
      ArrangementStore.Exemption exemption) {
    if (exemption != null && policy != null && !policy.countsExemptSubjects()) {
      // Left out of the year: no marks are asked for and none count (TT58 art. 12).
      String exempt = ClassBook.EXEMPT;
      return new Subject(
          new SubjectValues(sheet.code(), exempt, exempt, exempt),
          record(sheet, true, Map.of(), Map.of(), null),
          List.of());
    }
    Map<String, ScoreCells.Content> t1 = terms.getOrDefault(1, Map.of());
    Map<String, ScoreCells.Content> t2 = terms.getOrDefault(2, Map.of());
    Object r1 = sheet.termResult(t1);
    Object r2 = sheet.termResult(t2);
    Object year = null;
    if (r1 != null && r2 != null) {
      year =
          sheet.kind() == SubjectKind.SCORE
              ? policy.yearAverage((BigDecimal) r1, (BigDecimal) r2)
              : policy.yearComment((Comment) r1, (Comment) r2);
    }
    List<Missing> missing = new ArrayList<>();
    for (int t = 1; t <= 2; t++) {
      if ((t == 1 ? r1 : r2) == null) {
        missing.add(new Missing("gradebook.missing.subject", sheet.name(), t));
      }
    }
    ScoreCells.Content retest = t2.get(ScoreEntry.RETEST);
    return new Subject(
        new SubjectValues(sheet.code(), r1, r2, year),
        record(sheet, exemption != null, t1, t2, retest == null ? null : retest.mark()),
        missing);
  }

  private static SubjectRecord record(
      SubjectSheet sheet,
      boolean exempt,
      Map<String, ScoreCells.Content> term1,
      Map<String, ScoreCells.Content> term2,
      Mark retest) {
    return new SubjectRecord(
        sheet.code(),
        sheet.kind(),
        sheet.periodsPerYear(),
        exempt,
        sheet.marks(term1),
        sheet.marks(term2),
        retest);
  }

  /** The conduct periods the circular asks for that have no level yet. */
  private List<Missing> missingConduct(Map<String, String> levels) {
    List<Missing> missing = new ArrayList<>();
    List<Period> asked = policy == null ? List.of(Period.HK1, Period.HK2) : policy.conductPeriods();
    for (Period period : asked) {
      if (!period.summer() && !levels.containsKey(period.name())) {
        missing.add(new Missing("gradebook.missing.conduct." + period, null, null));
      }
    }
    return missing;
  }

  /**
   * The year's result once nothing is missing and the record is complete; null before. A record the
   * policy still refuses lacks the summer's results, which is added to {@code missing}.
   */
  private YearResult year(
      List<SubjectRecord> records,
      Map<String, String> levels,
      Map<Integer, HomeroomEntries.Absences> absences,
      boolean onPlan,
      List<Missing> missing) {
    int absent = absences.values().stream().mapToInt(HomeroomEntries.Absences::total).sum();
    StudentYear record =
        new StudentYear(
            grade,
            records,
            new ConductRecord(
                HomeroomValues.level(levels.get(Period.HK1.name())),
                HomeroomValues.level(levels.get(Period.HK2.name())),
                policy.conductYearGiven()
                    ? HomeroomValues.level(levels.get(Period.CN.name()))
                    : null,
                HomeroomValues.level(levels.get(Period.HE.name()))),
            absent,
            onPlan);
    if (!missing.isEmpty() || !policy.check(record).isEmpty()) {
      return null;
    }
    try {
      return policy.evaluate(record, options);
    } catch (InvalidRecordException e) {
      missing.add(new Missing("gradebook.missing.summer", null, null));
      return null;
    }
  }

  /** The principal's decision, once given, is the outcome of a student on an individual plan. */
  private static YearResult decided(YearResult y, ArrangementStore.Plan plan) {
    if (plan == null || plan.promotion() == null || y.outcome() != Outcome.PRINCIPAL_DECIDES) {
      return y;
    }
    return new YearResult(
        y.policy(),
        y.subjects(),
        y.learningTerm1(),
        y.learningTerm2(),
        y.learningYear(),
        y.learningAfterRetest(),
        y.conductYear(),
        y.conductAfterSummer(),
        plan.promotion(),
        y.retestSubjects(),
        y.title(),
        y.overallTerm1(),
        y.overallTerm2(),
        y.overallYear(),
        y.findings());
  }
}
