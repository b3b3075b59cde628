package vn.truongso.identity;

/**
 * Creating accounts and roles without a signed-in user: for demo data and set-up commands only.
 * Pages and the API go through the checked account administration instead.
 */
public interface Provisioning {

  long createAccount(
      String username, String displayName, String password, Long homeSchoolId, boolean mustChange);

  void linkProfile(long accountId, ProfileKind kind, long schoolId, long profileId);

  long grant(long accountId, Role role, long orgUnitId, Scope scope);

  /** Enrols a known TOTP secret (demo accounts of roles that must use two-factor login). */
  void enrolTotp(long accountId, String base32Secret);

  /** What a role assignment is bound to beside its organisation unit; unset parts are null. */
  record Scope(
      Long schoolId, Long classId, String subjectCode, Integer schoolYear, Long studentId) {
    public static Scope none() {
      return new Scope(null, null, null, null, null);
    }

    public static Scope school(long schoolId) {
      return new Scope(schoolId, null, null, null, null);
    }

    /**
     * The parts an administrator picks below a school (class, subject, student); the assignment
     * adds the school it is made in.
     */
    public static Scope belowSchool(Long classId, String subjectCode, Long studentId) {
      return new Scope(null, classId, subjectCode, null, studentId);
    }
  }

  /** Which person record an account belongs to. */
  enum ProfileKind {
    STAFF,
    GUARDIAN,
    STUDENT
  }
}
