package vn.truongso.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.attendance.PastRolls;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.FinishedYears;
import vn.truongso.gradebook.PrimaryValues;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.ProfileKind;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.kindergarten.KitchenSetup;
import vn.truongso.kindergarten.PastMeasurements;
import vn.truongso.kindergarten.PastRecords;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.Organisation;
import vn.truongso.org.Organisation.Break;
import vn.truongso.org.Organisation.NewSchool;
import vn.truongso.org.Organisation.YearPlan;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.org.UnitType;
import vn.truongso.people.People;
import vn.truongso.people.People.Relation;
import vn.truongso.platform.DemoSignersWanted;

/**
 * Builds the demo data through the modules' own doors, in one transaction: the organisation tree of
 * Hải Phòng, three schools under the Đông Hải ward office and one under Hải An, their school years,
 * staff, classes, students with guardians, teaching assignments and an account per role.
 */
@Component
class DemoData {

  static final String MINISTRY_CODE = "BGDDT";
  static final int CURRENT_YEAR = 2026;

  private final Organisation org;
  private final Provisioning identity;
  private final People people;
  private final Classes classes;
  private final Teaching teaching;
  private final TransactionTemplate tx;
  private final FinishedYears finishedYears;
  private final PrimaryValues primaryValues;
  private final ApplicationEventPublisher events;
  private final PastRolls pastRolls;
  private final PastMeasurements pastMeasurements;
  private final KitchenSetup kitchenSetup;
  private final PastRecords pastRecords;
  private final java.time.Clock clock;

  DemoData(
      Organisation org,
      Provisioning identity,
      People people,
      Classes classes,
      Teaching teaching,
      TransactionTemplate tx,
      FinishedYears finishedYears,
      PrimaryValues primaryValues,
      ApplicationEventPublisher events,
      PastRolls pastRolls,
      PastMeasurements pastMeasurements,
      KitchenSetup kitchenSetup,
      PastRecords pastRecords,
      java.time.Clock clock) {
    this.pastRecords = pastRecords;
    this.pastRolls = pastRolls;
    this.pastMeasurements = pastMeasurements;
    this.kitchenSetup = kitchenSetup;
    this.clock = clock;
    this.finishedYears = finishedYears;
    this.primaryValues = primaryValues;
    this.events = events;
    this.org = org;
    this.identity = identity;
    this.people = people;
    this.classes = classes;
    this.teaching = teaching;
    this.tx = tx;
  }

  boolean present() {
    return org.unitByCode(MINISTRY_CODE).isPresent();
  }

  void create() {
    tx.executeWithoutResult(s -> build());
  }

  private void build() {
    DemoPeople demo = new DemoPeople(identity, people, new DemoNames(20260905L));
    OrgUnit ministry = org.createMinistry(MINISTRY_CODE, "Bộ Giáo dục và Đào tạo");
    OrgUnit province =
        org.createUnit(
            ministry.id(),
            UnitType.PROVINCE_DEPARTMENT,
            "SGDDT-31",
            "Sở Giáo dục và Đào tạo Hải Phòng",
            null);
    OrgUnit dongHai =
        org.createUnit(
            province.id(),
            UnitType.WARD_OFFICE,
            "VHXH-11411",
            "Phòng Văn hoá – Xã hội phường Đông Hải",
            "11411");
    OrgUnit haiAn =
        org.createUnit(
            province.id(),
            UnitType.WARD_OFFICE,
            "VHXH-11413",
            "Phòng Văn hoá – Xã hội phường Hải An",
            "11413");
    demo.officer("quantri", "Trần Quốc Bảo", Role.SYSTEM_ADMIN, ministry.id());
    demo.officer("so.chuyenvien", "Vũ Thị Minh Nguyệt", Role.PROVINCE_OFFICER, province.id());
    demo.officer("phuong.chuyenvien", "Đỗ Văn Thành", Role.DISTRICT_OFFICER, dongHai.id());
    schools(demo, dongHai, haiAn);
  }

  /** The four schools, built in a fixed order: the seeded names follow it. */
  private void schools(DemoPeople demo, OrgUnit dongHai, OrgUnit haiAn) {
    School thcs =
        school(
            dongHai,
            "31211101",
            "Trường THCS Đông Hải",
            SchoolLevel.LOWER_SECONDARY,
            "11411",
            "Số 5 đường Đông Hải, phường Đông Hải",
            "Phạm Thị Hồng");
    School th =
        school(
            dongHai,
            "31211201",
            "Trường Tiểu học Kim Đồng",
            SchoolLevel.PRIMARY,
            "11411",
            "Số 12 phố Kim Đồng, phường Đông Hải",
            "Lâm Thị Bích Liên");
    School mn =
        school(
            dongHai,
            "31211301",
            "Trường Mầm non Hoa Phượng",
            SchoolLevel.KINDERGARTEN,
            "11411",
            "Số 3 ngõ Hoa Phượng, phường Đông Hải",
            "Nguyễn Thị Thu Hằng");
    School haiAnSchool =
        school(
            haiAn,
            "31211102",
            "Trường THCS Hải An",
            SchoolLevel.LOWER_SECONDARY,
            "11413",
            "Số 20 đường Hải An, phường Hải An",
            "Lê Văn Trọng");
    SecondaryDemo secondary = new SecondaryDemo(demo, identity, classes, teaching);
    SecondaryDemo.Built thcsBuilt = secondary.build(thcs, "thcs", 2, 24, true);
    Map<String, Long> thcsStudents = thcsBuilt.firstStudents();
    new PrimaryDemo(demo, classes, teaching, primaryValues).build(th);
    new KindergartenDemo(
            demo,
            classes,
            people,
            pastMeasurements,
            kitchenSetup,
            pastRecords,
            LocalDate.now(clock))
        .build(mn);
    secondary.build(haiAnSchool, "haian", 1, 20, false);
    family(demo, thcs, thcsStudents.values().iterator().next());
    new LastYearDemo(demo, classes, finishedYears, secondary).build(thcs, thcsBuilt, 12);
    new AttendanceDemo(pastRolls, classes).build(demo, LocalDate.now(clock));
    events.publishEvent(
        new DemoSignersWanted(
            thcs.id(), thcs.name(), DemoSettings.SIGNING_PIN, signers(demo, thcsBuilt)));
  }

  /**
   * Every teacher of the lower-secondary school and its principal get a demo certificate, and the
   * school a demo seal, so that the học bạ and the class book can be signed in the demo.
   */
  private static List<DemoSignersWanted.Signer> signers(
      DemoPeople demo, SecondaryDemo.Built school) {
    List<DemoSignersWanted.Signer> signers = new java.util.ArrayList<>();
    java.util.Set<Long> accounts = new java.util.LinkedHashSet<>();
    accounts.add(school.principalAccount());
    accounts.addAll(school.teachers().accounts().values());
    for (long account : accounts) {
      signers.add(new DemoSignersWanted.Signer(account, demo.accountName(account), false));
    }
    long principal = school.principalAccount();
    signers.add(new DemoSignersWanted.Signer(principal, demo.accountName(principal), true));
    return signers;
  }

  /**
   * A guardian with a child at the lower-secondary school (their account is their phone number).
   */
  private void family(DemoPeople demo, School thcs, long child) {
    demo.guardian("0912345678", "Nguyễn Văn Hùng", 1982, "Kỹ sư", thcs, child, Relation.FATHER);

    long studentAccount =
        identity.createAccount(
            "thcs.hocsinh",
            people.student(thcs.id(), child).orElseThrow().name().full(),
            DemoSettings.PASSWORD,
            thcs.id(),
            false);
    identity.linkProfile(studentAccount, ProfileKind.STUDENT, thcs.id(), child);
    identity.grant(
        studentAccount, Role.STUDENT, thcs.id(), new Scope(thcs.id(), null, null, null, child));
  }

  private School school(
      OrgUnit parent,
      String code,
      String name,
      SchoolLevel level,
      String ward,
      String address,
      String principal) {
    School school =
        org.createSchool(
            new NewSchool(
                parent.id(),
                code,
                name,
                EnumSet.of(level),
                ward,
                address,
                principal,
                "0225 3 123 456",
                null));
    // Tết Bính Ngọ 2026 falls on 17/02/2026, Tết Đinh Mùi 2027 on 06/02/2027.
    org.createSchoolYear(
        school.id(),
        new YearPlan(
            2025,
            LocalDate.of(2025, 9, 5),
            LocalDate.of(2026, 1, 17),
            LocalDate.of(2026, 1, 19),
            LocalDate.of(2026, 5, 31),
            18,
            17,
            List.of(new Break(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 22)))));
    org.createSchoolYear(
        school.id(),
        new YearPlan(
            CURRENT_YEAR,
            LocalDate.of(2026, 9, 5),
            LocalDate.of(2027, 1, 16),
            LocalDate.of(2027, 1, 18),
            LocalDate.of(2027, 5, 31),
            18,
            17,
            List.of(new Break(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 14)))));
    org.makeCurrent(school.id(), CURRENT_YEAR);
    return school;
  }
}
