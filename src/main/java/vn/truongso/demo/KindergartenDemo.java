package vn.truongso.demo;

import java.util.List;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.Sex;

/**
 * A kindergarten demo school: a principal and one group per age, youngest first, 15 children each.
 */
final class KindergartenDemo {

  private static final List<String> GROUPS =
      List.of(
          "Nhà trẻ 24–36 tháng", "Mẫu giáo bé (Mầm)", "Mẫu giáo nhỡ (Chồi)", "Mẫu giáo lớn (Lá)");

  private final DemoPeople demo;
  private final Classes classes;

  KindergartenDemo(DemoPeople demo, Classes classes) {
    this.demo = demo;
    this.classes = classes;
  }

  void build(School school) {
    demo.staffAccount("mn.hieutruong", school, Sex.F, 1976, "PRINCIPAL", null, Role.PRINCIPAL);
    for (int g = 0; g < GROUPS.size(); g++) {
      long teacher = demo.staff(school, Sex.F, 1988 + g, "TEACHER", "MAU_GIAO", null);
      long classId =
          DemoClasses.open(
              classes, school, 0, GROUPS.get(g), teacher, "P." + (g + 1), Classes.Shift.FULL_DAY);
      demo.homeroom(demo.accountId("mn.gv" + (g + 1), school, teacher), school, classId);
      for (int i = 0; i < 15; i++) {
        long child = demo.student(school, DemoData.CURRENT_YEAR - 2 - g);
        DemoClasses.enrol(classes, school, classId, child);
      }
    }
  }
}
