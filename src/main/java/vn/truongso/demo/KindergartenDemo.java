package vn.truongso.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.truongso.enrolment.AgeBand;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.kindergarten.KitchenSetup;
import vn.truongso.kindergarten.PastMeasurements;
import vn.truongso.kindergarten.PastRecords;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;

/**
 * A kindergarten demo school: a principal and a group of every age band (the nursery ones smaller),
 * each child weighed and measured over the last months (monthly under 2 years, quarterly after), a
 * few of them underweight, stunted or overweight so that the lists of children at risk show.
 */
final class KindergartenDemo {

  /** A group: its name, age band and size; the first four keep the accounts mn.gv1–mn.gv4. */
  private record Group(String name, AgeBand band, int size) {}

  private static final List<Group> GROUPS =
      List.of(
          new Group("Nhà trẻ 24–36 tháng", AgeBand.NT_24_36, 15),
          new Group("Mẫu giáo bé (Mầm)", AgeBand.MG_3_4, 15),
          new Group("Mẫu giáo nhỡ (Chồi)", AgeBand.MG_4_5, 15),
          new Group("Mẫu giáo lớn (Lá)", AgeBand.MG_5_6, 15),
          new Group("Nhà trẻ 12–24 tháng", AgeBand.NT_12_24, 10),
          new Group("Nhà trẻ 3–12 tháng", AgeBand.NT_3_12, 6));

  private final DemoPeople demo;
  private final Classes classes;
  private final People people;
  private final PastMeasurements measurements;
  private final KitchenSetup kitchen;
  private final PastRecords records;
  private final LocalDate today;

  KindergartenDemo(
      DemoPeople demo,
      Classes classes,
      People people,
      PastMeasurements measurements,
      KitchenSetup kitchen,
      PastRecords records,
      LocalDate today) {
    this.records = records;
    this.demo = demo;
    this.classes = classes;
    this.people = people;
    this.measurements = measurements;
    this.kitchen = kitchen;
    this.today = today;
  }

  void build(School school) {
    demo.staffAccount("mn.hieutruong", school, Sex.F, 1976, "PRINCIPAL", null, Role.PRINCIPAL);
    long cook = demo.staffAccount("mn.capduong", school, Sex.F, 1983, "COOK", null, Role.COOK);
    long nurse = demo.staffAccount("mn.yte", school, Sex.F, 1991, "NURSE", null, Role.NURSE);
    List<List<Long>> children = new ArrayList<>();
    List<Long> teachers = new ArrayList<>();
    for (int g = 0; g < GROUPS.size(); g++) {
      Group group = GROUPS.get(g);
      long teacher = demo.staff(school, Sex.F, 1988 + g, "TEACHER", "MAU_GIAO", null);
      long classId =
          classes.createClass(
              school.id(),
              new Classes.NewClass(
                  DemoData.CURRENT_YEAR,
                  0,
                  group.name(),
                  teacher,
                  "P." + (g + 1),
                  Classes.Shift.FULL_DAY,
                  group.band(),
                  group.band()));
      long account = demo.accountId("mn.gv" + (g + 1), school, teacher);
      demo.homeroom(account, school, classId);
      teachers.add(account);
      List<Long> enrolled = new ArrayList<>();
      children.add(enrolled);
      Random ages = new Random(g);
      for (int i = 0; i < group.size(); i++) {
        // born so that the child is in the group's band today, whatever day the demo is built
        int months =
            group.band().fromMonths()
                + ages.nextInt(group.band().toMonths() - group.band().fromMonths() - 1);
        long child = demo.student(school, today.minusMonths(months).minusDays(ages.nextInt(28)));
        DemoClasses.enrol(classes, school, classId, child);
        enrolled.add(child);
        measure(school, child, i, account);
      }
    }
    new KitchenDemo(kitchen).build(school, cook, today);
    // the oldest group (mẫu giáo lớn, mn.gv4)
    new KindergartenRecordsDemo(demo, records, today)
        .build(school, children.get(3), teachers.get(3), nurse);
  }

  /** The child's last measurements, around a typical curve; the 3rd, 7th and 11th stand out. */
  private void measure(School school, long child, int index, long by) {
    LocalDate birth = people.student(school.id(), child).orElseThrow().birthDate();
    Random r = new Random(child);
    double weight = index == 2 ? 0.76 : index == 10 ? 1.32 : 1 + r.nextGaussian() * 0.07;
    double length = index == 6 ? 0.91 : 1 + r.nextGaussian() * 0.025;
    List<PastMeasurements.Measured> taken = new ArrayList<>();
    for (int back = 6; back >= 0; back--) {
      LocalDate on = today.minusMonths(back).withDayOfMonth(5);
      long months = ChronoUnit.MONTHS.between(birth, on);
      boolean due = months < 24 || back % 3 == 0;
      if (on.isAfter(birth) && !on.isAfter(today) && due) {
        taken.add(
            new PastMeasurements.Measured(
                on,
                Math.round(typicalWeight(months) * weight * 10) / 10.0,
                Math.round(typicalLength(months) * length * 10) / 10.0));
      }
    }
    measurements.bringIn(school.id(), child, taken, by);
  }

  /** About WHO's median weight (kg) at an age in months; the demo's curve, not a standard. */
  static double typicalWeight(long m) {
    return m < 12 ? 3.3 + 0.55 * m : m < 24 ? 9.6 + 0.2 * (m - 12) : 12.0 + 0.18 * (m - 24);
  }

  static double typicalLength(long m) {
    return m < 12 ? 50 + 2.1 * m : m < 24 ? 75 + 1.0 * (m - 12) : 87 + 0.65 * (m - 24);
  }
}
