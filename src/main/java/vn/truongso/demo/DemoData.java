package vn.truongso.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.ProfileKind;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.OrgUnit;
import vn.truongso.org.Organisation;
import vn.truongso.org.Organisation.Break;
import vn.truongso.org.Organisation.NewSchool;
import vn.truongso.org.Organisation.YearPlan;
import vn.truongso.org.School;
import vn.truongso.org.SchoolLevel;
import vn.truongso.org.UnitType;
import vn.truongso.people.People;
import vn.truongso.people.People.NewGuardian;
import vn.truongso.people.People.NewStaff;
import vn.truongso.people.People.NewStudent;
import vn.truongso.people.People.Relation;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;

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

  DemoData(
      Organisation org,
      Provisioning identity,
      People people,
      Classes classes,
      Teaching teaching,
      TransactionTemplate tx) {
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
    DemoNames names = new DemoNames(20260905L);
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

    account("quantri", "Trần Quốc Bảo", null, Role.SYSTEM_ADMIN, ministry.id(), Scope.none());
    account(
        "so.chuyenvien",
        "Vũ Thị Minh Nguyệt",
        null,
        Role.PROVINCE_OFFICER,
        province.id(),
        Scope.none());
    account(
        "phuong.chuyenvien",
        "Đỗ Văn Thành",
        null,
        Role.DISTRICT_OFFICER,
        dongHai.id(),
        Scope.none());

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

    Map<String, Long> thcsStudents = secondary(thcs, names, "thcs", 2, 24, true);
    primary(th, names);
    kindergarten(mn, names);
    secondary(haiAnSchool, names, "haian", 1, 20, false);

    // A guardian with a child at the lower-secondary school; their account is their phone number.
    long child = thcsStudents.values().iterator().next();
    long guardian =
        people.addGuardian(
            thcs.id(), new NewGuardian("Nguyễn Văn Hùng", 1982, "Kỹ sư", "0912345678", null));
    people.linkGuardian(thcs.id(), child, guardian, Relation.FATHER);
    long guardianAccount =
        identity.createAccount(
            "0912345678", "Nguyễn Văn Hùng", DemoSettings.PASSWORD, thcs.id(), false);
    identity.linkProfile(guardianAccount, ProfileKind.GUARDIAN, thcs.id(), guardian);
    identity.grant(
        guardianAccount, Role.GUARDIAN, thcs.id(), new Scope(thcs.id(), null, null, null, child));

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

  /** A lower-secondary school: leaders, office staff, a teacher per subject, classes 6–9. */
  private Map<String, Long> secondary(
      School school,
      DemoNames names,
      String prefix,
      int classesPerGrade,
      int classSize,
      boolean fullStaff) {
    long principal = staff(school, names, Sex.F, 1975, "PRINCIPAL", null, "toan");
    account(prefix + ".hieutruong", school, principal, Role.PRINCIPAL, Scope.school(school.id()));
    if (fullStaff) {
      long vice = staff(school, names, Sex.M, 1978, "VICE_PRINCIPAL", null, "ngu_van");
      account(
          prefix + ".phohieutruong", school, vice, Role.VICE_PRINCIPAL, Scope.school(school.id()));
      long clerk = staff(school, names, Sex.F, 1985, "CLERK", null, null);
      account(prefix + ".vanthu", school, clerk, Role.CLERK, Scope.school(school.id()));
      long accountant = staff(school, names, Sex.F, 1988, "ACCOUNTANT", null, null);
      account(prefix + ".ketoan", school, accountant, Role.ACCOUNTANT, Scope.school(school.id()));
      long nurse = staff(school, names, Sex.F, 1990, "NURSE", null, null);
      account(prefix + ".yte", school, nurse, Role.NURSE, Scope.school(school.id()));
      long librarian = staff(school, names, Sex.M, 1987, "LIBRARIAN", null, null);
      account(prefix + ".thuvien", school, librarian, Role.LIBRARIAN, Scope.school(school.id()));
    }
    String[] subjects = {
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
      "noi_dung_giao_duc_dia_phuong"
    };
    Map<String, Long> teacherOf = new LinkedHashMap<>();
    Map<String, Long> accountOf = new LinkedHashMap<>();
    int n = 0;
    for (String subject : subjects) {
      boolean science =
          List.of("toan", "khoa_hoc_tu_nhien", "tin_hoc", "cong_nghe").contains(subject);
      long t =
          staff(
              school,
              names,
              n % 3 == 0 ? Sex.M : Sex.F,
              1980 + n,
              "TEACHER",
              science ? "TU_NHIEN" : "XA_HOI",
              subject);
      n++;
      teacherOf.put(subject, t);
      accountOf.put(subject, accountId(username(prefix, subject, n, fullStaff), school, t));
    }
    if (fullStaff) {
      // The data administrator is a teacher put in charge of IT (seed 001: "01 giáo viên được giao
      // phụ trách công nghệ thông tin"); the maths teacher heads the natural-science group.
      long admin = staff(school, names, Sex.M, 1986, "TEACHER", "TU_NHIEN", "tin_hoc");
      account(prefix + ".quantri", school, admin, Role.DATA_ADMIN, Scope.school(school.id()));
      identity.grant(
          accountOf.get("toan"),
          Role.HEAD_OF_GROUP,
          school.id(),
          new Scope(school.id(), null, "toan", null, null));
    }
    // Homeroom teachers: the literature teacher has 6A1; the local-content teacher (thcs.gvbm)
    // none.
    List<String> homeroomSubjects = new ArrayList<>(teacherOf.keySet());
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
            classes.createClass(
                school.id(),
                new Classes.NewClass(
                    CURRENT_YEAR,
                    grade,
                    className,
                    teacherOf.get(homeroomSubject),
                    "P." + (100 + grade * 10 + k),
                    Classes.Shift.MORNING));
        identity.grant(
            accountOf.get(homeroomSubject),
            Role.HOMEROOM_TEACHER,
            school.id(),
            new Scope(school.id(), classId, null, CURRENT_YEAR, null));
        for (String subject : subjects) {
          long teacher = teacherOf.get(subject);
          teaching.assign(school.id(), classId, subject, 1, teacher);
          // The assignment alone lets the teacher enter the subject's marks in this class.
          teaching.assign(school.id(), classId, subject, 2, teacher);
        }
        for (int i = 0; i < classSize; i++) {
          long student = student(school, names, CURRENT_YEAR - 5 - grade);
          classes.enrol(school.id(), classId, student, LocalDate.of(CURRENT_YEAR, 9, 5));
          if (i == 0) {
            firstStudents.put(className, student);
          }
        }
        classNo++;
      }
    }
    return firstStudents;
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

  private void primary(School school, DemoNames names) {
    long principal = staff(school, names, Sex.F, 1972, "PRINCIPAL", null, null);
    account("th.hieutruong", school, principal, Role.PRINCIPAL, Scope.school(school.id()));
    for (int grade = 1; grade <= 5; grade++) {
      long teacher = staff(school, names, Sex.F, 1982 + grade, "TEACHER", "KHOI_" + grade, null);
      long classId =
          classes.createClass(
              school.id(),
              new Classes.NewClass(
                  CURRENT_YEAR,
                  grade,
                  grade + "A",
                  teacher,
                  "P." + (200 + grade),
                  Classes.Shift.FULL_DAY));
      long acc = accountId("th.gv" + grade, school, teacher);
      identity.grant(
          acc,
          Role.HOMEROOM_TEACHER,
          school.id(),
          new Scope(school.id(), classId, null, CURRENT_YEAR, null));
      for (int i = 0; i < 20; i++) {
        long student = student(school, names, CURRENT_YEAR - 5 - grade);
        classes.enrol(school.id(), classId, student, LocalDate.of(CURRENT_YEAR, 9, 5));
      }
    }
  }

  private void kindergarten(School school, DemoNames names) {
    long principal = staff(school, names, Sex.F, 1976, "PRINCIPAL", null, null);
    account("mn.hieutruong", school, principal, Role.PRINCIPAL, Scope.school(school.id()));
    String[] groups = {
      "Nhà trẻ 24–36 tháng", "Mẫu giáo bé (Mầm)", "Mẫu giáo nhỡ (Chồi)", "Mẫu giáo lớn (Lá)"
    };
    for (int g = 0; g < groups.length; g++) {
      long teacher = staff(school, names, Sex.F, 1988 + g, "TEACHER", "MAU_GIAO", null);
      long classId =
          classes.createClass(
              school.id(),
              new Classes.NewClass(
                  CURRENT_YEAR, 0, groups[g], teacher, "P." + (g + 1), Classes.Shift.FULL_DAY));
      long acc = accountId("mn.gv" + (g + 1), school, teacher);
      identity.grant(
          acc,
          Role.HOMEROOM_TEACHER,
          school.id(),
          new Scope(school.id(), classId, null, CURRENT_YEAR, null));
      for (int i = 0; i < 15; i++) {
        long child = student(school, names, CURRENT_YEAR - 2 - g);
        classes.enrol(school.id(), classId, child, LocalDate.of(CURRENT_YEAR, 9, 5));
      }
    }
  }

  private long student(School school, DemoNames names, int birthYear) {
    DemoNames.Person p = names.student(birthYear, 0.08);
    return people.addStudent(
        school.id(),
        new NewStudent(p.name(), p.birthDate(), p.sex(), p.ethnicityCode(), p.personalId(), null));
  }

  private long staff(
      School school,
      DemoNames names,
      Sex sex,
      int birthYear,
      String position,
      String group,
      String subject) {
    DemoNames.Person p = names.adult(sex, birthYear);
    // The school's page names its principal: the principal's account must be that person.
    boolean named = "PRINCIPAL".equals(position) && school.principalName() != null;
    return people.addStaff(
        school.id(),
        new NewStaff(
            named ? vn.truongso.platform.PersonName.parse(school.principalName()) : p.name(),
            p.birthDate(),
            p.sex(),
            p.ethnicityCode(),
            p.personalId(),
            "09" + String.format("%08d", names.nextInt(100_000_000)),
            null,
            position,
            group,
            subject));
  }

  private void account(String username, School school, long staffId, Role role, Scope scope) {
    grantRole(accountId(username, school, staffId), role, school.id(), scope);
  }

  private void account(
      String username, String displayName, Long homeSchool, Role role, long unit, Scope scope) {
    long id =
        identity.createAccount(username, displayName, DemoSettings.PASSWORD, homeSchool, false);
    grantRole(id, role, unit, scope);
  }

  /** Demo accounts whose role needs two-factor login share the demo authenticator secret. */
  private void grantRole(long accountId, Role role, long unit, Scope scope) {
    identity.grant(accountId, role, unit, scope);
    if (role.twoFactorRequired()) {
      identity.enrolTotp(accountId, DemoSettings.TOTP_SECRET);
    }
  }

  private long accountId(String username, School school, long staffId) {
    PersonName name = people.staff(school.id(), staffId).orElseThrow().name();
    long id =
        identity.createAccount(username, name.full(), DemoSettings.PASSWORD, school.id(), false);
    identity.linkProfile(id, ProfileKind.STAFF, school.id(), staffId);
    return id;
  }
}
