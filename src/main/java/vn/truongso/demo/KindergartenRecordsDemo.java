package vn.truongso.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.truongso.kindergarten.PastRecords;
import vn.truongso.org.School;
import vn.truongso.people.People;

/**
 * The demo kindergarten's other records: last month's periodic health check of the oldest group
 * (two children to follow), their development records against the five-year-old standard (most
 * indicators met, some not yet) and daily notes of the last school days, and the family of the
 * group's first child with an account to the portal.
 */
final class KindergartenRecordsDemo {

  private static final List<String> ATE = List.of("ALL", "MOST", "ALL", "HALF", "ALL");
  private static final List<String> NOTES =
      List.of(
          "Con hát bài «Cả nhà thương nhau» cùng các bạn.",
          "Con tự xúc cơm và cất gối sau giờ ngủ.",
          "Con chơi xếp hình ở góc xây dựng rất chăm chú.",
          "Con kể cho cô nghe về chuyến đi chơi cuối tuần.");

  private final DemoPeople demo;
  private final PastRecords records;
  private final LocalDate today;

  KindergartenRecordsDemo(DemoPeople demo, PastRecords records, LocalDate today) {
    this.demo = demo;
    this.records = records;
    this.today = today;
  }

  /** {@code oldest}: the 5–6 group's children, its teacher's account, the nurse's account. */
  void build(School school, List<Long> oldest, long oldestTeacher, long nurse) {
    List<Long> notesGroup = oldest;
    long notesTeacher = oldestTeacher;
    LocalDate checked = today.minusMonths(1).withDayOfMonth(12);
    Random random = new Random(2026);
    for (int i = 0; i < oldest.size(); i++) {
      long child = oldest.get(i);
      records.healthCheck(school.id(), child, check(checked, i), nurse);
      Map<Integer, Boolean> marks = new HashMap<>();
      for (int no = 1; no <= 120; no++) {
        if (random.nextInt(10) < 8) {
          marks.put(no, random.nextInt(10) < 8);
        }
      }
      records.development(school.id(), child, marks, oldestTeacher);
    }
    List<LocalDate> days = schoolDays(3);
    for (int i = 0; i < notesGroup.size(); i++) {
      for (int d = 0; d < days.size(); d++) {
        records.dailyNote(
            school.id(),
            notesGroup.get(i),
            days.get(d),
            ATE.get((i + d) % ATE.size()),
            90 + (i * 7 + d * 11) % 60,
            NOTES.get((i + d) % NOTES.size()),
            notesTeacher);
      }
    }
    demo.guardian(
        "0987654321",
        "Trần Thị Hoa",
        1990,
        "Giáo viên",
        school,
        oldest.getFirst(),
        People.Relation.MOTHER);
  }

  private static PastRecords.HealthCheck check(LocalDate on, int index) {
    String examiner = "BS. Phạm Văn Minh, Trạm y tế phường Đông Hải";
    return switch (index) {
      case 4 ->
          new PastRecords.HealthCheck(
              on,
              examiner,
              Map.of("TEETH", "Sâu răng hàm dưới bên phải"),
              "FOLLOW_UP",
              "Cho cháu đánh răng sau khi ăn, khám nha khoa trong tháng.");
      case 9 ->
          new PastRecords.HealthCheck(
              on,
              examiner,
              Map.of("EYES", "Hay nheo mắt khi nhìn bảng, nghi tật khúc xạ"),
              "REFER",
              "Đưa cháu đi khám mắt tại bệnh viện mắt.");
      default -> new PastRecords.HealthCheck(on, examiner, Map.of(), "HEALTHY", null);
    };
  }

  /** The last {@code n} weekdays up to today. */
  private List<LocalDate> schoolDays(int n) {
    java.util.ArrayList<LocalDate> out = new java.util.ArrayList<>();
    for (LocalDate d = today; out.size() < n; d = d.minusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        out.add(d);
      }
    }
    return out;
  }
}
