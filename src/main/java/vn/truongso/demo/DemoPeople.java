package vn.truongso.demo;

import vn.truongso.identity.Provisioning;
import vn.truongso.identity.Provisioning.ProfileKind;
import vn.truongso.identity.Provisioning.Scope;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.People.NewStaff;
import vn.truongso.people.People.NewStudent;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;

/**
 * The people and accounts every level's demo school is made of: students, staff with their sign-in,
 * and officers' accounts. The names come from one seeded {@link DemoNames} in a fixed call order,
 * so the demo data is the same on every machine (tests and the README rely on it).
 */
final class DemoPeople {

  private final Provisioning identity;
  private final People people;
  private final DemoNames names;

  private final java.util.Map<Long, String> accountNames = new java.util.HashMap<>();
  private final java.util.Map<Long, Homeroom> homerooms = new java.util.LinkedHashMap<>();

  /** A class of the current year and the account of its homeroom teacher. */
  record Homeroom(long schoolId, long classId, long accountId) {}

  /** This year's classes with their homeroom teachers, in the order they were opened. */
  java.util.Collection<Homeroom> homerooms() {
    return homerooms.values();
  }

  DemoPeople(Provisioning identity, People people, DemoNames names) {
    this.identity = identity;
    this.people = people;
    this.names = names;
  }

  long student(School school, int birthYear) {
    DemoNames.Person p = names.student(birthYear, 0.08);
    return people.addStudent(
        school.id(),
        new NewStudent(p.name(), p.birthDate(), p.sex(), p.ethnicityCode(), p.personalId(), null));
  }

  /** A young child born on that very day (a kindergarten group's age is counted in months). */
  long student(School school, java.time.LocalDate birthDate) {
    DemoNames.Person p = names.student(birthDate.getYear(), 0.08);
    return people.addStudent(
        school.id(),
        new NewStudent(p.name(), birthDate, p.sex(), p.ethnicityCode(), p.personalId(), null));
  }

  long staff(School school, Sex sex, int birthYear, String position, String group, String subject) {
    DemoNames.Person p = names.adult(sex, birthYear);
    // The school's page names its principal: the principal's account must be that person.
    boolean named = "PRINCIPAL".equals(position) && school.principalName() != null;
    return people.addStaff(
        school.id(),
        new NewStaff(
            named ? PersonName.parse(school.principalName()) : p.name(),
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

  /** A staff member with an account holding one role in the school; answers the account. */
  long staffAccount(
      String username,
      School school,
      Sex sex,
      int birthYear,
      String position,
      String subject,
      Role role) {
    long staffId = staff(school, sex, birthYear, position, null, subject);
    return account(username, school, staffId, role, Scope.school(school.id()));
  }

  long account(String username, School school, long staffId, Role role, Scope scope) {
    long id = accountId(username, school, staffId);
    grantRole(id, role, school.id(), scope);
    return id;
  }

  /** A guardian of the child with an account (a phone number as the username) to the portal. */
  long guardian(
      String username,
      String name,
      int birthYear,
      String job,
      School school,
      long child,
      People.Relation relation) {
    long guardian =
        people.addGuardian(
            school.id(), new People.NewGuardian(name, birthYear, job, username, null));
    people.linkGuardian(school.id(), child, guardian, relation);
    long account =
        identity.createAccount(username, name, DemoSettings.PASSWORD, school.id(), false);
    identity.linkProfile(account, ProfileKind.GUARDIAN, school.id(), guardian);
    identity.grant(
        account, Role.GUARDIAN, school.id(), new Scope(school.id(), null, null, null, child));
    return account;
  }

  void officer(String username, String displayName, Role role, long unit) {
    long id = identity.createAccount(username, displayName, DemoSettings.PASSWORD, null, false);
    grantRole(id, role, unit, Scope.none());
  }

  /** The homeroom teacher's role over one class of the current year. */
  void homeroom(long accountId, School school, long classId) {
    homeroom(accountId, school, classId, DemoData.CURRENT_YEAR);
  }

  /** The homeroom teacher's role over one class of the given year. */
  void homeroom(long accountId, School school, long classId, int startYear) {
    if (startYear == DemoData.CURRENT_YEAR) {
      homerooms.put(classId, new Homeroom(school.id(), classId, accountId));
    }
    identity.grant(
        accountId,
        Role.HOMEROOM_TEACHER,
        school.id(),
        new Scope(school.id(), classId, null, startYear, null));
  }

  /** The name an account was given, as its certificate must name it. */
  String accountName(long accountId) {
    return accountNames.get(accountId);
  }

  long accountId(String username, School school, long staffId) {
    PersonName name = people.staff(school.id(), staffId).orElseThrow().name();
    long id =
        identity.createAccount(username, name.full(), DemoSettings.PASSWORD, school.id(), false);
    identity.linkProfile(id, ProfileKind.STAFF, school.id(), staffId);
    accountNames.put(id, name.full());
    return id;
  }

  /** Demo accounts whose role needs two-factor login share the demo authenticator secret. */
  private void grantRole(long accountId, Role role, long unit, Scope scope) {
    identity.grant(accountId, role, unit, scope);
    if (role.twoFactorRequired()) {
      identity.enrolTotp(accountId, DemoSettings.TOTP_SECRET);
    }
  }
}
