package vn.truongso.people;

/**
 * A student's profile as a form sends it: text as typed, checked by {@link ProfileRules} before
 * anything is stored. The birth date is {@code dd/MM/yyyy}.
 */
public record ProfileUpdate(
    String familyName,
    String middleName,
    String givenName,
    String birthDate,
    String sex,
    String ethnicityCode,
    String religionCode,
    String nationality,
    String personalId,
    String studentCode,
    String placeOfBirth,
    String homeTown,
    String permanentWardCode,
    String permanentAddress,
    String currentWardCode,
    String currentAddress,
    String policyStatus,
    String disability,
    String healthInsuranceNo) {

  /**
   * A new student's profile from what an enrolment form or an imported list gives: the name, birth
   * date, sex and ethnic group every profile needs, then the parts that source has; the rest stays
   * empty until someone edits the whole profile.
   */
  public static NewStudent newStudent(
      String familyName,
      String middleName,
      String givenName,
      String birthDate,
      String sex,
      String ethnicityCode) {
    return new NewStudent(familyName, middleName, givenName, birthDate, sex, ethnicityCode);
  }

  /** The profile of a student being added, built from the parts its source has. */
  public static final class NewStudent {
    private final String familyName;
    private final String middleName;
    private final String givenName;
    private final String birthDate;
    private final String sex;
    private final String ethnicityCode;
    private String personalId;
    private String studentCode;
    private String placeOfBirth;
    private String homeTown;
    private String currentAddress;
    private String policyStatus;
    private String healthInsuranceNo;

    private NewStudent(
        String familyName,
        String middleName,
        String givenName,
        String birthDate,
        String sex,
        String ethnicityCode) {
      this.familyName = familyName;
      this.middleName = middleName;
      this.givenName = givenName;
      this.birthDate = birthDate;
      this.sex = sex;
      this.ethnicityCode = ethnicityCode;
    }

    /** The personal ID and the Ministry's student code, as typed. */
    public NewStudent ids(String personalId, String studentCode) {
      this.personalId = personalId;
      this.studentCode = studentCode;
      return this;
    }

    /** Nơi sinh and quê quán. */
    public NewStudent origin(String placeOfBirth, String homeTown) {
      this.placeOfBirth = placeOfBirth;
      this.homeTown = homeTown;
      return this;
    }

    /** The street part of where the student lives now; a list names no ward. */
    public NewStudent currentAddress(String detail) {
      this.currentAddress = detail;
      return this;
    }

    /** The {@link PolicyStatus} constant's name, or null for none. */
    public NewStudent policyStatus(String policyStatus) {
      this.policyStatus = policyStatus;
      return this;
    }

    /** The health-insurance card's number, as typed. */
    public NewStudent healthInsuranceNo(String number) {
      this.healthInsuranceNo = number;
      return this;
    }

    // No enrolment form or class list gives the religion, the nationality (the column's default
    // stands), the permanent address, the wards or a disability: the profile page adds them.
    public ProfileUpdate build() {
      return new ProfileUpdate(
          familyName,
          middleName,
          givenName,
          birthDate,
          sex,
          ethnicityCode,
          null,
          null,
          personalId,
          studentCode,
          placeOfBirth,
          homeTown,
          null,
          null,
          null,
          currentAddress,
          policyStatus,
          null,
          healthInsuranceNo);
    }
  }
}
