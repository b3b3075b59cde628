package vn.truongso.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.control.EntryLocks;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.gradebook.TestScores;
import vn.truongso.reporting.internal.AnomalyRules.Flag;
import vn.truongso.reporting.internal.AnomalyRules.Kind;
import vn.truongso.reporting.internal.AnomalyRules.Thresholds;

/**
 * The anomaly rules at and just past each threshold (BA-HBS art. 4: "giáo viên sửa điểm nhiều lần,
 * điểm quá thấp, quá cao so với mặt bằng chung của trường"), with the default thresholds.
 */
class AnomalyRulesTests {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Thresholds T = Thresholds.DEFAULT;

  @ParameterizedTest(name = "{0} changes → flagged {1}: {2}")
  @CsvSource({
    "3, false, at the threshold (more than 3) nothing is raised",
    "4, true, one past the threshold the cell is flagged with every change as evidence",
  })
  void aCellChangedMoreThanTheThresholdIsFlagged(int changes, boolean flagged, String why) {
    List<MarkHistory.Change> list = new ArrayList<>();
    for (int i = 0; i < changes; i++) {
      list.add(change(1, "GK", at(2026, 11, 10, 9 + i), 7, MarkHistory.Source.PAGE));
    }
    // another cell changed once does not add to it
    list.add(change(2, "GK", at(2026, 11, 10, 9), 7, MarkHistory.Source.PAGE));
    List<Flag> flags = AnomalyRules.cellChanges(list, T);
    assertThat(flags).hasSize(flagged ? 1 : 0);
    if (flagged) {
      assertThat(flags.get(0).changes()).hasSize(changes);
      assertThat(flags.get(0).key()).endsWith(":" + changes);
    }
  }

  @ParameterizedTest(name = "{0} of 10 marks are 10 → flagged {1}: {2}")
  @CsvSource({
    "3, false, 30 % is under the 40 % default",
    "4, true, 40 % reaches the threshold",
  })
  void anUnusualShareOfTensIsFlagged(int tens, boolean flagged, String why) {
    List<BigDecimal> scores = new ArrayList<>();
    IntStream.range(0, 10)
        .forEach(i -> scores.add(i < tens ? BigDecimal.TEN : new BigDecimal("7")));
    List<Flag> flags = AnomalyRules.shares(List.of(column(1, "GK", scores)), T);
    assertThat(flags.stream().filter(f -> f.kind() == Kind.SHARE_OF_TENS)).hasSize(flagged ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} scores, {1} zeros → flagged {2}: {3}")
  @CsvSource({
    "10, 1, true, one 0 in ten is 10 %: the default share of zeros",
    "9, 9, false, a column of fewer than 10 scores says nothing",
    "20, 1, false, one 0 in twenty is 5 %",
  })
  void anUnusualShareOfZerosIsFlagged(int n, int zeros, boolean flagged, String why) {
    List<BigDecimal> scores = new ArrayList<>();
    IntStream.range(0, n)
        .forEach(i -> scores.add(i < zeros ? BigDecimal.ZERO : new BigDecimal("6")));
    List<Flag> flags = AnomalyRules.shares(List.of(column(1, "CK", scores)), T);
    assertThat(flags.stream().filter(f -> f.kind() == Kind.SHARE_OF_ZEROS))
        .hasSize(flagged ? 1 : 0);
  }

  @ParameterizedTest(name = "class scores {0} → flagged {1}: {2}")
  @CsvSource({
    "8, true, 'two points above two classes averaging 6: 1.09 SD above the grade'",
    "7, false, 'one point above: 0.73 SD'",
  })
  void aClassAverageFarFromTheGradesIsFlagged(int mean, boolean flagged, String why) {
    List<TestScores.Column> cols =
        List.of(
            column(1, "GK", around(mean)), column(2, "GK", around(6)), column(3, "GK", around(6)));
    List<Flag> flags = AnomalyRules.classAverages(cols, T);
    assertThat(flags.stream().anyMatch(f -> f.key().startsWith("AVG:1/"))).isEqualTo(flagged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'TX1', false, 'regular assessments are the teacher''s own: only GK and CK are compared'",
    "'GK', true, 'the mid-term test is compared across classes'",
  })
  void onlyTheTestsAreComparedAcrossClasses(String slot, boolean compared, String why) {
    List<TestScores.Column> cols =
        List.of(
            column(1, slot, tenOf("9")), column(2, slot, tenOf("5")), column(3, slot, tenOf("5")));
    assertThat(AnomalyRules.classAverages(cols, T).isEmpty()).isEqualTo(!compared);
  }

  @ParameterizedTest(name = "{0}:{1} → flagged {2}: {3}")
  @CsvSource({
    "5, 59, true, before 06:00",
    "6, 0, false, working hours start at 06:00",
    "21, 59, false, still working hours",
    "22, 0, true, working hours end at 22:00",
  })
  void changesOutsideWorkingHoursAreFlaggedPerPersonAndDay(
      int hour, int minute, boolean flagged, String why) {
    Instant at = LocalDateTime.of(2026, 11, 10, hour, minute).atZone(VIETNAM).toInstant();
    List<Flag> flags =
        AnomalyRules.offHours(List.of(change(1, "GK", at, 7, MarkHistory.Source.PAGE)), T, VIETNAM);
    assertThat(flags).hasSize(flagged ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} changes {1} h before → flagged {2}: {3}")
  @CsvSource({
    "10, 23, true, ten changes within a day of the lock",
    "9, 23, false, nine changes are under the default",
    "10, 25, false, changes more than 24 hours before the lock do not count",
  })
  void bulkChangesJustBeforeALockAreFlagged(
      int count, int hoursBefore, boolean flagged, String why) {
    Instant lockedAt = at(2026, 12, 20, 17);
    List<MarkHistory.Change> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(
          change(
              i, "GK", lockedAt.minusSeconds(hoursBefore * 3600L - i), 7, MarkHistory.Source.PAGE));
    }
    // carried out on an approved request: never counted
    list.add(change(99, "GK", lockedAt.minusSeconds(60), 7, MarkHistory.Source.CORRECTION));
    EntryLocks.Lock lock =
        new EntryLocks.Lock(
            5,
            false,
            new EntryLocks.Scope(1, null, 10L, null, null),
            "Khóa HK I",
            null,
            1,
            "HT",
            lockedAt);
    List<Flag> flags = AnomalyRules.beforeLocks(list, List.of(lock), T, VIETNAM);
    assertThat(flags).hasSize(flagged ? 1 : 0);
    if (flagged) {
      assertThat(flags.get(0).changes()).hasSize(count);
    }
    // a lock of another class does not cover these cells
    EntryLocks.Lock elsewhere =
        new EntryLocks.Lock(
            6,
            false,
            new EntryLocks.Scope(1, null, 11L, null, null),
            "Khóa",
            null,
            1,
            "HT",
            lockedAt);
    assertThat(AnomalyRules.beforeLocks(list, List.of(elsewhere), T, VIETNAM)).isEmpty();
  }

  static Instant at(int y, int m, int d, int h) {
    return LocalDateTime.of(y, m, d, h, 0).atZone(VIETNAM).toInstant();
  }

  /** Ten scores averaging {@code mean}: three a point below, four on it, three a point above. */
  static List<BigDecimal> around(int mean) {
    return IntStream.range(0, 10)
        .mapToObj(i -> BigDecimal.valueOf(i < 3 ? mean - 1 : i < 7 ? mean : mean + 1))
        .toList();
  }

  static List<BigDecimal> tenOf(String score) {
    return IntStream.range(0, 10).mapToObj(i -> new BigDecimal(score)).toList();
  }

  static TestScores.Column column(long classId, String slot, List<BigDecimal> scores) {
    return new TestScores.Column(
        classId, "7A" + classId, 7, "toan", "Toán", 1, slot, "Cô Hoa", scores);
  }

  static MarkHistory.Change change(
      long studentId, String slot, Instant at, int version, MarkHistory.Source source) {
    return new MarkHistory.Change(
        10,
        "7A1",
        7,
        "toan",
        "Toán",
        1,
        studentId,
        "Nguyễn Văn An",
        slot,
        version,
        "6",
        "7",
        at,
        3,
        "Cô Hoa",
        source,
        source == MarkHistory.Source.CORRECTION ? 42L : null);
  }
}
