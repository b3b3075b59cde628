package vn.truongso.demo;

import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.Sex;

/** A primary demo school: a principal and one full-day class per grade 1–5 with its teacher. */
final class PrimaryDemo {

  private final DemoPeople demo;
  private final Classes classes;

  PrimaryDemo(DemoPeople demo, Classes classes) {
    this.demo = demo;
    this.classes = classes;
  }

  void build(School school) {
    demo.staffAccount("th.hieutruong", school, Sex.F, 1972, "PRINCIPAL", null, Role.PRINCIPAL);
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
      demo.homeroom(demo.accountId("th.gv" + grade, school, teacher), school, classId);
      for (int i = 0; i < 20; i++) {
        long student = demo.student(school, DemoData.CURRENT_YEAR - 5 - grade);
        DemoClasses.enrol(classes, school, classId, student);
      }
    }
  }
}
