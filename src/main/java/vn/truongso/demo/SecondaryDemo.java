package vn.truongso.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.Sex;

/**
 * A lower-secondary demo school: leaders and office staff, a teacher for each subject of the 2018
 * programme, classes 6–9 with homeroom teachers, every subject assigned in both terms, and
 * students.
 */
final class SecondaryDemo {

  private static final List<String> SUBJECTS =
      List.of(
          "toan",
          "ngu_van",
          "ngoai_ngu_1",
          "khoa_hoc_tu_nhien",
          "lich_su_dia_li",
          "giao_duc_cong_dan",
          "tin_hoc",
          "cong_nghe",
          "giao_duc_the_chat",
          "nghe_thuat",
          "hoat_dong_trai_nghiem_huong_nghiep",
          "noi_dung_giao_duc_dia_phuong");
  private static final List<String> SCIENCE =
      List.of("toan", "khoa_hoc_tu_nhien", "tin_hoc", "cong_nghe");

  private final DemoPeople demo;
  private final Provisioning identity;
  private final Classes classes;
  private final Teaching teaching;

  SecondaryDemo(DemoPeople demo, Provisioning identity, Classes classes, Teaching teaching) {
    this.demo = demo;
    this.identity = identity;
    this.classes = classes;
    this.teaching = teaching;
  }

  /** Teachers, keyed by subject: their staff record and their account. */
  record Teachers(Map<String, Long> staff, Map<String, Long> accounts) {}

  /** A school as built: its first student of each class by class name, teachers and principal. */
  record Built(Map<String, Long> firstStudents, Teachers teachers, long principalAccount) {}

  /**
   * Builds the school; {@code fullStaff} adds the office staff, the data administrator, the head of
   * group and the named demo accounts.
   */
  Built build(School school, String prefix, int classesPerGrade, int classSize, boolean fullStaff) {
    long principal =
        demo.staffAccount(
            prefix + ".hieutruong", school, Sex.F, 1975, "PRINCIPAL", "toan", Role.PRINCIPAL);
    if (fullStaff) {
      officeStaff(school, prefix);
    }
    Teachers teachers = teachers(school, prefix, fullStaff);
    if (fullStaff) {
      // The data administrator is a teacher put in charge of IT (SL-CV: "01 giáo viên được giao
      // phụ trách công nghệ thông tin"); the maths teacher heads the natural-science group.
      long admin = demo.staff(school, Sex.M, 1986, "TEACHER", "TU_NHIEN", "tin_hoc");
      demo.account(prefix + ".quantri", school, admin, Role.DATA_ADMIN, Scope.school(school.id()));
      identity.grant(
          teachers.accounts().get("toan"),
          Role.HEAD_OF_GROUP,
          school.id(),
          new Scope(school.id(), null, "toan", null, null));
    }
    return new Built(classes(school, teachers, classesPerGrade, classSize), teachers, principal);
  }

  private void officeStaff(School school, String prefix) {
    demo.staffAccount(
        prefix + ".phohieutruong",
        school,
        Sex.M,
        1978,
        "VICE_PRINCIPAL",
        "ngu_van",
        Role.VICE_PRINCIPAL);
    demo.staffAccount(prefix + ".vanthu", school, Sex.F, 1985, "CLERK", null, Role.CLERK);
    demo.staffAccount(prefix + ".ketoan", school, Sex.F, 1988, "ACCOUNTANT", null, Role.ACCOUNTANT);
    demo.staffAccount(prefix + ".yte", school, Sex.F, 1990, "NURSE", null, Role.NURSE);
    demo.staffAccount(prefix + ".thuvien", school, Sex.M, 1987, "LIBRARIAN", null, Role.LIBRARIAN);
  }

  private Teachers teachers(School school, String prefix, boolean named) {
    Map<String, Long> staff = new LinkedHashMap<>();
    Map<String, Long> accounts = new LinkedHashMap<>();
    int n = 0;
    for (String subject : SUBJECTS) {
      String group = SCIENCE.contains(subject) ? "TU_NHIEN" : "XA_HOI";
      long t = demo.staff(school, n % 3 == 0 ? Sex.M : Sex.F, 1980 + n, "TEACHER", group, subject);
      n++;
      staff.put(subject, t);
      accounts.put(subject, demo.accountId(username(prefix, subject, n, named), school, t));
    }
    return new Teachers(staff, accounts);
  }

  private Map<String, Long> classes(
      School school, Teachers teachers, int classesPerGrade, int classSize) {
    // Homeroom teachers: the literature teacher has 6A1; the local-content teacher (thcs.gvbm)
    // none.
    List<String> homeroomSubjects = new ArrayList<>(teachers.staff().keySet());
    homeroomSubjects.remove("ngu_van");
    homeroomSubjects.add(0, "ngu_van");
    homeroomSubjects.remove("noi_dung_giao_duc_dia_phuong");
    Map<String, Long> firstStudents = new LinkedHashMap<>();
    int classNo = 0;
    for (int grade = 6; grade <= 9; grade++) {
      for (int k = 1; k <= classesPerGrade; k++) {
        String homeroomSubject = homeroomSubjects.get(classNo % homeroomSubjects.size());
        String className = grade + "A" + k;
        long classId =
            DemoClasses.open(
                classes,
                school,
                grade,
                className,
                teachers.staff().get(homeroomSubject),
                "P." + (100 + grade * 10 + k),
                Classes.Shift.MORNING);
        demo.homeroom(teachers.accounts().get(homeroomSubject), school, classId);
        assignEverySubject(school, classId, teachers);
        firstStudents.put(className, enrol(school, classId, grade, classSize));
        classNo++;
      }
    }
    return firstStudents;
  }

  void assignEverySubject(School school, long classId, Teachers teachers) {
    for (String subject : SUBJECTS) {
      long teacher = teachers.staff().get(subject);
      teaching.assign(school.id(), classId, subject, 1, teacher);
      // The assignment alone lets the teacher enter the subject's marks in this class.
      teaching.assign(school.id(), classId, subject, 2, teacher);
    }
  }

  /** Enrols the class's students; answers the first. */
  private long enrol(School school, long classId, int grade, int classSize) {
    long first = 0;
    for (int i = 0; i < classSize; i++) {
      long student = demo.student(school, DemoData.CURRENT_YEAR - 5 - grade);
      DemoClasses.enrol(classes, school, classId, student);
      if (i == 0) {
        first = student;
      }
    }
    return first;
  }

  private static String username(String prefix, String subject, int n, boolean named) {
    if (named) {
      switch (subject) {
        case "toan":
          return prefix + ".totruong";
        case "ngu_van":
          return prefix + ".gvcn";
        case "noi_dung_giao_duc_dia_phuong":
          return prefix + ".gvbm";
        default:
          break;
      }
    }
    return prefix + ".gv" + String.format("%02d", n);
  }
}
