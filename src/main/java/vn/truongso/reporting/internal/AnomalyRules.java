package vn.truongso.reporting.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.truongso.assessment.Slot;
import vn.truongso.control.EntryLocks;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.gradebook.TestScores;

/**
 * The signs the vice-principal looks for in the grade book (BA-HBS art. 4: "báo cáo Hiệu trưởng
 * những trường hợp bất thường như giáo viên sửa điểm nhiều lần, điểm quá thấp, quá cao so với mặt
 * bằng chung của trường"), as pure functions of the marks, their changes and the locks. A flag is a
 * reason to look, not a finding: each carries its evidence and a stable key, so a reviewed flag
 * stays reviewed until its evidence grows.
 */
public final class AnomalyRules {

  private AnomalyRules() {}

  public enum Kind {
    CELL_CHANGES,
    CLASS_AVERAGE,
    SHARE_OF_TENS,
    SHARE_OF_ZEROS,
    OFF_HOURS,
    BULK_BEFORE_LOCK
  }

  /**
   * The school's thresholds. {@code averageDeviation}: how many standard deviations of the grade's
   * scores a class average may stand from the grade's average; {@code minScores}: the fewest scores
   * a class column needs before its average or shares mean anything.
   */
  public record Thresholds(
      int maxCellChanges,
      BigDecimal averageDeviation,
      int minScores,
      int tenSharePercent,
      int zeroSharePercent,
      LocalTime workStarts,
      LocalTime workEnds,
      int lockHours,
      int lockChanges) {

    public static final Thresholds DEFAULT =
        new Thresholds(
            3, new BigDecimal("1.0"), 10, 40, 10, LocalTime.of(6, 0), LocalTime.of(22, 0), 24, 10);
  }

  /** A flag: the message's arguments in order, and the changes behind it when it has any. */
  public record Flag(Kind kind, String key, List<Object> args, List<MarkHistory.Change> changes) {}

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  /** A cell whose mark was changed after its first entry more than the threshold allows. */
  public static List<Flag> cellChanges(List<MarkHistory.Change> changes, Thresholds t) {
    Map<String, List<MarkHistory.Change>> byCell = new LinkedHashMap<>();
    for (MarkHistory.Change c : changes) {
      String cell =
          c.classId()
              + "/"
              + c.subjectCode()
              + "/"
              + c.term()
              + "/"
              + c.studentId()
              + "/"
              + c.slot();
      byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(c);
    }
    List<Flag> out = new ArrayList<>();
    byCell.forEach(
        (cell, list) -> {
          if (list.size() > t.maxCellChanges()) {
            MarkHistory.Change c = list.get(0);
            out.add(
                new Flag(
                    Kind.CELL_CHANGES,
                    "CELL:" + cell + ":" + list.size(),
                    List.of(
                        c.className(),
                        c.subjectName(),
                        roman(c.term()),
                        c.slot(),
                        c.studentName(),
                        list.size(),
                        t.maxCellChanges()),
                    List.copyOf(list)));
          }
        });
    return out;
  }

  /**
   * A class whose average in a mid-term or end-of-term test stands more than the threshold's number
   * of standard deviations from the average of every score of the grade in the same subject, term
   * and test; only when at least two classes have enough scores to compare.
   */
  public static List<Flag> classAverages(List<TestScores.Column> columns, Thresholds t) {
    Map<String, List<TestScores.Column>> byTest = new LinkedHashMap<>();
    for (TestScores.Column c : columns) {
      if (Slot.parse(c.slot()).map(Slot::periodic).orElse(false)
          && c.scores().size() >= t.minScores()) {
        byTest
            .computeIfAbsent(
                c.grade() + "/" + c.subjectCode() + "/" + c.term() + "/" + c.slot(),
                k -> new ArrayList<>())
            .add(c);
      }
    }
    List<Flag> out = new ArrayList<>();
    for (List<TestScores.Column> classes : byTest.values()) {
      if (classes.size() < 2) {
        continue;
      }
      List<BigDecimal> all = new ArrayList<>();
      classes.forEach(c -> all.addAll(c.scores()));
      BigDecimal mean = mean(all);
      BigDecimal sd = standardDeviation(all, mean);
      if (sd.signum() == 0) {
        continue;
      }
      for (TestScores.Column c : classes) {
        BigDecimal classMean = mean(c.scores());
        BigDecimal deviation = classMean.subtract(mean).divide(sd, MC);
        if (deviation.abs().compareTo(t.averageDeviation()) > 0) {
          out.add(
              new Flag(
                  Kind.CLASS_AVERAGE,
                  "AVG:" + column(c),
                  where(
                      c,
                      classMean.setScale(2, RoundingMode.HALF_UP),
                      mean.setScale(2, RoundingMode.HALF_UP),
                      deviation.setScale(1, RoundingMode.HALF_UP),
                      c.scores().size(),
                      c.grade()),
                  List.of()));
        }
      }
    }
    return out;
  }

  /** A class column where 10s, or 0s, make up at least the threshold's share of its scores. */
  public static List<Flag> shares(List<TestScores.Column> columns, Thresholds t) {
    List<Flag> out = new ArrayList<>();
    for (TestScores.Column c : columns) {
      int n = c.scores().size();
      if (n < t.minScores()) {
        continue;
      }
      share(c, TEN, t.tenSharePercent(), Kind.SHARE_OF_TENS, out);
      share(c, BigDecimal.ZERO, t.zeroSharePercent(), Kind.SHARE_OF_ZEROS, out);
    }
    return out;
  }

  private static void share(
      TestScores.Column c, BigDecimal score, int percent, Kind kind, List<Flag> out) {
    int n = c.scores().size();
    long count = c.scores().stream().filter(s -> s.compareTo(score) == 0).count();
    if (count * 100 >= (long) percent * n && count > 0) {
      out.add(
          new Flag(
              kind, kind.name() + ":" + column(c), where(c, count, n, count * 100 / n), List.of()));
    }
  }

  /**
   * Changes made outside working hours (before {@code workStarts} or from {@code workEnds} on), one
   * flag per person and day.
   */
  public static List<Flag> offHours(List<MarkHistory.Change> changes, Thresholds t, ZoneId zone) {
    Map<String, List<MarkHistory.Change>> byPersonDay = new LinkedHashMap<>();
    for (MarkHistory.Change c : changes) {
      var local = c.at().atZone(zone);
      LocalTime time = local.toLocalTime();
      if (time.isBefore(t.workStarts()) || !time.isBefore(t.workEnds())) {
        byPersonDay
            .computeIfAbsent(c.byAccountId() + "/" + local.toLocalDate(), k -> new ArrayList<>())
            .add(c);
      }
    }
    List<Flag> out = new ArrayList<>();
    byPersonDay.forEach(
        (key, list) -> {
          MarkHistory.Change c = list.get(0);
          LocalDate day = c.at().atZone(zone).toLocalDate();
          out.add(
              new Flag(
                  Kind.OFF_HOURS,
                  "HOURS:" + key + ":" + list.size(),
                  List.of(
                      c.byName(),
                      DAY.format(day),
                      list.size(),
                      t.workStarts().toString(),
                      t.workEnds().toString()),
                  List.copyOf(list)));
        });
    return out;
  }

  /**
   * Many changes by one person to cells a lock then closed, in the hours just before it took
   * effect. Changes that carry out an approved correction do not count.
   */
  public static List<Flag> beforeLocks(
      List<MarkHistory.Change> changes, List<EntryLocks.Lock> locks, Thresholds t, ZoneId zone) {
    Duration window = Duration.ofHours(t.lockHours());
    List<Flag> out = new ArrayList<>();
    for (EntryLocks.Lock lock : locks) {
      if (lock.opens()) {
        continue;
      }
      Map<Long, List<MarkHistory.Change>> byPerson = new LinkedHashMap<>();
      for (MarkHistory.Change c : changes) {
        if (c.source() != MarkHistory.Source.CORRECTION
            && c.at().isBefore(lock.lockedAt())
            && !c.at().isBefore(lock.lockedAt().minus(window))
            && covers(lock.scope(), c)) {
          byPerson.computeIfAbsent(c.byAccountId(), k -> new ArrayList<>()).add(c);
        }
      }
      byPerson.forEach(
          (person, list) -> {
            if (list.size() >= t.lockChanges()) {
              out.add(
                  new Flag(
                      Kind.BULK_BEFORE_LOCK,
                      "LOCK:" + lock.id() + "/" + person + ":" + list.size(),
                      List.of(
                          list.get(0).byName(),
                          list.size(),
                          t.lockHours(),
                          MOMENT.format(lock.lockedAt().atZone(zone)),
                          lock.lockedByName(),
                          lock.reason()),
                      List.copyOf(list)));
            }
          });
    }
    return out;
  }

  private static boolean covers(EntryLocks.Scope s, MarkHistory.Change c) {
    return (s.term() == null || s.term() == c.term())
        && (s.grade() == null || s.grade() == c.grade())
        && (s.classId() == null || s.classId() == c.classId())
        && (s.subject() == null || s.subject().equals(c.subjectCode()))
        && (s.slot() == null || s.slot().equals(c.slot()));
  }

  /** A column's place and teacher, the first five arguments of its flags, then {@code more}. */
  private static List<Object> where(TestScores.Column c, Object... more) {
    List<Object> args = new ArrayList<>();
    args.add(c.className());
    args.add(c.subjectName());
    args.add(roman(c.term()));
    args.add(c.slot());
    args.add(Objects.requireNonNullElse(c.teacherName(), "—"));
    args.addAll(List.of(more));
    return List.copyOf(args);
  }

  private static String column(TestScores.Column c) {
    return c.classId() + "/" + c.subjectCode() + "/" + c.term() + "/" + c.slot();
  }

  private static String roman(int term) {
    return term == 1 ? "I" : "II";
  }

  private static BigDecimal mean(List<BigDecimal> xs) {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal x : xs) {
      sum = sum.add(x);
    }
    return sum.divide(BigDecimal.valueOf(xs.size()), MC);
  }

  /** The population standard deviation: every score of the grade is there, not a sample. */
  private static BigDecimal standardDeviation(List<BigDecimal> xs, BigDecimal mean) {
    BigDecimal squares = BigDecimal.ZERO;
    for (BigDecimal x : xs) {
      BigDecimal d = x.subtract(mean);
      squares = squares.add(d.multiply(d));
    }
    return squares.divide(BigDecimal.valueOf(xs.size()), MC).sqrt(MC);
  }
}
