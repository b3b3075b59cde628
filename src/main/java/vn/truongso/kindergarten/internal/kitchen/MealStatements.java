package vn.truongso.kindergarten.internal.kitchen;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.attendance.DayRolls;
import vn.truongso.attendance.StudentAttendance;
import vn.truongso.enrolment.Classes;
import vn.truongso.kindergarten.internal.nutrition.Norms;
import vn.truongso.people.People;
import vn.truongso.platform.NotFoundException;

/**
 * A group's meal statement for a month (bảng kê tiền ăn), child by child: the days the school
 * cooked (a menu was set) while the child was enrolled, each at the meal price of the child's age
 * that day; the days the child was absent with an absence the family announced before the school's
 * cancellation hour are refunded (the kitchen did not cook for them), other absences are not. What
 * the fees work collects.
 */
@Service
public class MealStatements {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** A child's month: days planned, eaten, absent announced in time (refunded) or not. */
  public record Line(
      People.Student child,
      int planned,
      int present,
      int announced,
      int unannounced,
      long plannedAmount,
      long refund) {
    public long due() {
      return plannedAmount - refund;
    }
  }

  public record Statement(
      Classes.SchoolClass group, YearMonth month, List<Line> lines, java.time.LocalTime cancelBy) {
    public long total() {
      return lines.stream().mapToLong(Line::due).sum();
    }
  }

  private final Classes classes;
  private final DayRolls rolls;
  private final StudentAttendance attendance;
  private final PantryStore pantry;
  private final MenuStore menus;
  private final KitchenAccess access;

  MealStatements(
      Classes classes,
      DayRolls rolls,
      StudentAttendance attendance,
      PantryStore pantry,
      MenuStore menus,
      KitchenAccess access) {
    this.menus = menus;
    this.classes = classes;
    this.rolls = rolls;
    this.attendance = attendance;
    this.pantry = pantry;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public Statement statement(long schoolId, long classId, YearMonth month) {
    access.require(schoolId);
    Classes.SchoolClass group =
        classes
            .schoolClass(schoolId, classId)
            .filter(c -> c.grade() == 0)
            .orElseThrow(() -> new NotFoundException("class"));
    PantryStore.Setting setting =
        pantry
            .setting(schoolId)
            .orElse(new PantryStore.Setting(0, 0, java.time.LocalTime.of(8, 0)));
    Map<Long, int[]> counts = new LinkedHashMap<>();
    Map<Long, long[]> money = new LinkedHashMap<>();
    Map<Long, People.Student> children = new LinkedHashMap<>();
    Map<Long, List<StudentAttendance.Request>> requests = new LinkedHashMap<>();
    // the kitchen cooks on the days with a menu: a day without one charges nobody
    java.util.Set<LocalDate> cooked = new java.util.HashSet<>();
    menus.items(schoolId, month.atDay(1), month.atEndOfMonth()).forEach(i -> cooked.add(i.day()));
    for (LocalDate day = month.atDay(1);
        !day.isAfter(month.atEndOfMonth());
        day = day.plusDays(1)) {
      if (!cooked.contains(day) || !rolls.open(schoolId, day)) {
        continue;
      }
      Optional<Map<Long, String>> absent = rolls.absentAtFirstRoll(schoolId, classId, day);
      for (People.Student s : classes.roster(schoolId, classId, day)) {
        children.putIfAbsent(s.id(), s);
        int[] c = counts.computeIfAbsent(s.id(), k -> new int[4]);
        long[] m = money.computeIfAbsent(s.id(), k -> new long[2]);
        int price =
            MealCounts.band(s, day) == Norms.Band.NHA_TRE
                ? setting.mealPriceNhaTre()
                : setting.mealPriceMauGiao();
        c[0]++;
        m[0] += price;
        if (absent.isEmpty() || !absent.get().containsKey(s.id())) {
          c[1]++;
        } else if (announced(
            requests.computeIfAbsent(s.id(), k -> attendance.requests(schoolId, k)),
            day,
            setting.cancelBy())) {
          c[2]++;
          m[1] += price;
        } else {
          c[3]++;
        }
      }
    }
    List<Line> lines = new ArrayList<>();
    children.forEach(
        (id, s) -> {
          int[] c = counts.get(id);
          long[] m = money.get(id);
          lines.add(new Line(s, c[0], c[1], c[2], c[3], m[0], m[1]));
        });
    return new Statement(group, month, lines, setting.cancelBy());
  }

  /** Whether a family's request covering the day was sent before the day's cancellation hour. */
  static boolean announced(
      List<StudentAttendance.Request> requests, LocalDate day, java.time.LocalTime cancelBy) {
    java.time.Instant deadline = day.atTime(cancelBy).atZone(VIETNAM).toInstant();
    return requests.stream()
        .anyMatch(
            r ->
                !day.isBefore(r.from())
                    && !day.isAfter(r.to())
                    && r.requestedAt().isBefore(deadline));
  }
}
