package vn.truongso.reporting.internal;

import java.text.Collator;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.truongso.gradebook.MarkHistory;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Target;

/**
 * The correction log (nhật kí sửa điểm, DH-SD art. 5.2: "Trước buổi họp chuyên môn tháng, BGH in
 * nhật kí sửa điểm"): every change made in a month to a mark after its first entry, grouped by the
 * teacher who made it, optionally for one class or one teacher.
 */
@Service
public class CorrectionLog {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** One person's changes of the month, in the order they were made. */
  public record Person(long accountId, String name, List<MarkHistory.Change> changes) {

    public long byRequest() {
      return changes.stream().filter(c -> c.correctionRequestId() != null).count();
    }
  }

  /**
   * The month's log; {@code classes} and {@code people} are everyone who appears in the month
   * before filtering, for the filters' choices.
   */
  public record Log(
      YearMonth month,
      Long classId,
      Long accountId,
      List<Person> people,
      Map<Long, String> classes,
      Map<Long, String> everyone) {

    public int total() {
      return people.stream().mapToInt(p -> p.changes().size()).sum();
    }
  }

  private final MarkHistory history;
  private final Authorization authorization;

  CorrectionLog(MarkHistory history, Authorization authorization) {
    this.history = history;
    this.authorization = authorization;
  }

  public Log of(long schoolId, int startYear, YearMonth month, Long classId, Long accountId) {
    authorization.require(Action.MONITOR_GRADEBOOK, Target.school(schoolId));
    List<MarkHistory.Change> all =
        history.changes(
            schoolId,
            startYear,
            month.atDay(1).atStartOfDay(VIETNAM).toInstant(),
            month.plusMonths(1).atDay(1).atStartOfDay(VIETNAM).toInstant());
    Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
    Map<Long, String> classes = new LinkedHashMap<>();
    all.stream()
        .sorted(
            Comparator.comparingInt(MarkHistory.Change::grade)
                .thenComparing(MarkHistory.Change::className, vi))
        .forEach(c -> classes.putIfAbsent(c.classId(), c.className()));
    Map<Long, String> everyone = new TreeMap<>();
    all.forEach(c -> everyone.putIfAbsent(c.byAccountId(), c.byName()));
    Map<Long, List<MarkHistory.Change>> byPerson = new LinkedHashMap<>();
    for (MarkHistory.Change c : all) {
      if ((classId == null || c.classId() == classId)
          && (accountId == null || c.byAccountId() == accountId)) {
        byPerson.computeIfAbsent(c.byAccountId(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Person> people = new ArrayList<>();
    byPerson.forEach((id, changes) -> people.add(new Person(id, everyone.get(id), changes)));
    people.sort(Comparator.comparing(Person::name, vi));
    Map<Long, String> sortedPeople = new LinkedHashMap<>();
    everyone.entrySet().stream()
        .sorted(Map.Entry.comparingByValue(vi))
        .forEach(e -> sortedPeople.put(e.getKey(), e.getValue()));
    return new Log(month, classId, accountId, people, classes, sortedPeople);
  }
}
