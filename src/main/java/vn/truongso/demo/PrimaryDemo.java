package vn.truongso.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.Quality;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.PrimaryValues;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.Sex;

/**
 * The primary demo school (Kim Đồng): a principal, one full-day class per grade 1–5 whose homeroom
 * teacher teaches most subjects, and subject teachers for English, physical education, the arts and
 * informatics (th.gvanh …). Grades 4 and 5 have a whole year of levels, comments and test scores,
 * so that the year-end results, commendations and approval can be tried; grades 1–3 have the
 * mid-term I point complete and the end of term I partly entered. One pupil of 5A is not completed
 * (Toán C at the end of the year) and awaits the supplementary assessment.
 */
final class PrimaryDemo {

  /** The subjects a specialist teaches in every grade that has them; the homeroom the rest. */
  private static final List<String> SPECIALISTS =
      List.of("ngoai_ngu_1", "giao_duc_the_chat", "nghe_thuat", "tin_hoc_cong_nghe");

  private static final List<String> USERNAMES =
      List.of("th.gvanh", "th.gvtheduc", "th.gvnghethuat", "th.gvtinhoc");

  private static final List<String> SUBJECT_COMMENTS =
      List.of(
          "Nắm vững kiến thức, vận dụng tốt.",
          "Tiếp thu bài nhanh, trình bày sạch đẹp.",
          "Hoàn thành các bài tập, cần cẩn thận hơn khi tính toán.",
          "Tích cực phát biểu xây dựng bài.",
          "Đọc to, rõ ràng; viết đúng chính tả.");

  private final DemoPeople demo;
  private final Classes classes;
  private final Teaching teaching;
  private final PrimaryValues values;
  // Seeded: the demo's values are the same on every machine.
  private final Random random = new Random(DemoData.CURRENT_YEAR + 5L);

  PrimaryDemo(DemoPeople demo, Classes classes, Teaching teaching, PrimaryValues values) {
    this.demo = demo;
    this.classes = classes;
    this.teaching = teaching;
    this.values = values;
  }

  void build(School school) {
    demo.staffAccount("th.hieutruong", school, Sex.F, 1972, "PRINCIPAL", null, Role.PRINCIPAL);
    List<Long> specialists = new ArrayList<>();
    for (int i = 0; i < SPECIALISTS.size(); i++) {
      long staff =
          demo.staff(school, i % 2 == 0 ? Sex.F : Sex.M, 1985 + i, "TEACHER", "BO_MON", null);
      demo.accountId(USERNAMES.get(i), school, staff);
      specialists.add(staff);
    }
    for (int grade = 1; grade <= 5; grade++) {
      long teacher = demo.staff(school, Sex.F, 1982 + grade, "TEACHER", "KHOI_" + grade, null);
      long classId =
          DemoClasses.open(
              classes,
              school,
              grade,
              grade + "A",
              teacher,
              "P." + (200 + grade),
              Classes.Shift.FULL_DAY);
      long account = demo.accountId("th.gv" + grade, school, teacher);
      demo.homeroom(account, school, classId);
      for (Teaching.ProgrammeSubject s : teaching.subjects(grade)) {
        int k = SPECIALISTS.indexOf(s.code());
        long by = k >= 0 ? specialists.get(k) : teacher;
        teaching.assign(school.id(), classId, s.code(), 1, by);
        teaching.assign(school.id(), classId, s.code(), 2, by);
      }
      List<Long> pupils = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long student = demo.student(school, DemoData.CURRENT_YEAR - 5 - grade);
        DemoClasses.enrol(classes, school, classId, student);
        pupils.add(student);
      }
      values.bringIn(school.id(), classId, values(grade, pupils), account);
    }
  }

  private List<PrimaryValues.Value> values(int grade, List<Long> pupils) {
    List<PrimaryPoint> points =
        grade >= 4 ? List.of(PrimaryPoint.values()) : List.of(PrimaryPoint.GHKI, PrimaryPoint.CHKI);
    List<PrimaryValues.Value> out = new ArrayList<>();
    // A pupil's strength (0–9) holds all year: most pupils do well, a few are at H.
    List<Integer> strengths = pupils.stream().map(p -> random.nextInt(10)).toList();
    for (PrimaryPoint point : points) {
      // End of term I in grades 1–3 is still being entered: half the class so far.
      int entered = grade < 4 && point == PrimaryPoint.CHKI ? pupils.size() / 2 : pupils.size();
      for (int i = 0; i < entered; i++) {
        boolean notCompleted = grade == 5 && i == pupils.size() - 1 && point == PrimaryPoint.CN;
        pupil(out, grade, pupils.get(i), point, strengths.get(i), notCompleted);
      }
    }
    return out;
  }

  /** A pupil's values at a point. */
  private void pupil(
      List<PrimaryValues.Value> out,
      int grade,
      long pupil,
      PrimaryPoint point,
      int strength,
      boolean notCompleted) {
    boolean good = strength >= 4;
    // The strongest pupils score 9 or 10 in every test: completed with excellence (TT27 art. 9.2).
    boolean excellent = strength >= 8;
    for (Teaching.ProgrammeSubject s : teaching.subjects(grade)) {
      if (!s.assessmentMode().startsWith("muc_T_H_C")) {
        continue;
      }
      String level = good || random.nextBoolean() ? "T" : "H";
      Integer score = null;
      if (s.testPoints().contains(point.name())) {
        score =
            excellent
                ? 9 + random.nextInt(2)
                : level.equals("T") ? 7 + random.nextInt(3) : 5 + random.nextInt(3);
      }
      if (notCompleted && s.code().equals("toan")) {
        level = "C";
        score = 3;
      }
      String comment = SUBJECT_COMMENTS.get(random.nextInt(SUBJECT_COMMENTS.size()));
      out.add(new PrimaryValues.Value(pupil, point, s.code(), level, comment, score));
    }
    String quality = good ? "T" : "Đ";
    for (Quality q : Quality.values()) {
      out.add(new PrimaryValues.Value(pupil, point, q.name(), quality, null, null));
    }
    for (Competence c : Competence.values()) {
      out.add(new PrimaryValues.Value(pupil, point, c.name(), quality, null, null));
    }
    out.add(
        new PrimaryValues.Value(
            pupil, point, "PHAM_CHAT", null, "Lễ phép, đoàn kết, giúp đỡ bạn bè.", null));
    out.add(
        new PrimaryValues.Value(
            pupil, point, "NANG_LUC", null, "Tự giác học tập, biết hợp tác trong nhóm.", null));
  }
}
