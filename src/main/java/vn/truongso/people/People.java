package vn.truongso.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.PersonName;

/** The people module's door: students, staff and guardians of a school. */
public interface People {

  long addStudent(long schoolId, NewStudent student);

  /**
   * Adds a student with the whole profile at once (an imported list): checked as the edit form is,
   * written and logged once.
   */
  long addStudent(long schoolId, ProfileUpdate profile);

  long addStaff(long schoolId, NewStaff staff);

  /** A guardian record of the school (each school holds only the records it entered). */
  long addGuardian(long schoolId, NewGuardian guardian);

  void linkGuardian(long schoolId, long studentId, long guardianId, Relation relation);

  /**
   * Adds a father, mother or guardian to a student: the record of a parent already known by phone
   * and name (a sibling's) is linked instead of copied. Returns the guardian's id.
   */
  long addGuardianTo(long schoolId, long studentId, GuardianUpdate update);

  /** Updates a guardian linked to this student (and so for all their children). */
  void updateGuardian(long schoolId, long studentId, long guardianId, GuardianUpdate update);

  /**
   * Removes the link; the guardian record stays for their other children and the history. Publishes
   * {@link GuardianUnlinked}: the guardian's account loses the student in the same transaction.
   */
  void unlinkGuardian(long schoolId, long studentId, long guardianId);

  Optional<Guardian> guardianOf(long schoolId, long studentId, long guardianId);

  /**
   * A student accepted by another school on TruongSo: a record in the new school with the whole
   * profile, photo and guardians; the old record stays for the old school's books and points to the
   * new one. Returns the new record's id.
   */
  long moveToSchool(long fromSchoolId, long studentId, long toSchoolId);

  /** Where a record came from when the student moved in from another school on TruongSo. */
  Optional<Origin> origin(long schoolId, long studentId);

  record Origin(long schoolId, long studentId) {}

  /** The guardian's children at this school. */
  List<Student> childrenOf(long schoolId, long guardianId);

  Optional<Student> student(long schoolId, long studentId);

  /** Students by id, sorted the Vietnamese way (given name, middle name, family name). */
  List<Student> students(long schoolId, Collection<Long> ids);

  Optional<StaffMember> staff(long schoolId, long staffId);

  List<StaffMember> staffOf(long schoolId);

  int countStaff(long schoolId);

  List<Guardian> guardiansOf(long schoolId, long studentId);

  /** The phone and e-mail of guardian records of the school, by id (unknown ids are left out). */
  java.util.Map<Long, Contact> contacts(long schoolId, Collection<Long> guardianIds);

  /** How the school reaches a guardian; the e-mail may be empty. */
  record Contact(long guardianId, String fullName, String phone, String email) {}

  Optional<StudentProfile> profile(long schoolId, long studentId);

  /**
   * Checks and stores a profile; an {@link vn.truongso.platform.InvalidInput} names every bad
   * field.
   */
  void updateProfile(long schoolId, long studentId, ProfileUpdate update);

  /** Stores a JPEG or PNG photo (checked by content, resized, re-encoded as JPEG). */
  void setPhoto(long schoolId, long studentId, byte[] upload);

  Optional<byte[]> photo(long schoolId, long studentId);

  /**
   * Students and staff of the given schools whose name contains the words typed (without diacritics
   * or case), or whose personal ID or student code is exactly what was typed.
   */
  SearchResult search(
      java.util.Collection<Long> studentSchools,
      java.util.Collection<Long> staffSchools,
      String query,
      int limit);

  record SearchResult(List<Student> students, List<StaffMember> staff) {}

  List<Code> ethnicGroups();

  List<Code> religions();

  /** All students the school has ever had, for finding duplicates. */
  List<Student> studentsOf(long schoolId);

  /** Which of these personal IDs some student already has, in any school. */
  java.util.Set<PersonalId> personalIdsInUse(Collection<PersonalId> personalIds);

  /** Which of these Ministry student codes some student already has. */
  java.util.Set<String> studentCodesInUse(Collection<String> codes);

  /**
   * A guardian already known by this phone number and name (a parent of a sibling), so that one
   * parent with several children stays one record.
   */
  Optional<Long> guardianByPhone(long schoolId, String phone, String fullName);

  /** A coded entry of an official list (ethnic group, religion). */
  record Code(String code, String name) {}

  /** Address after the 2025 reorganisation: ward (which names its province) and street detail. */
  record Address(String wardCode, String provinceCode, String wardName, String detail) {}

  /** Everything the school records about a student. */
  record StudentProfile(
      Student student,
      String religionCode,
      String religionName,
      String nationality,
      String placeOfBirth,
      String homeTown,
      Address permanent,
      Address current,
      PolicyStatus policyStatus,
      String disability,
      String healthInsuranceNo,
      boolean hasPhoto) {}

  /** A student as the school knows them (the full profile grows with the people issue). */
  record Student(
      long schoolId,
      long id,
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      String ethnicityCode,
      String ethnicityName,
      @Nullable PersonalId personalId,
      String studentCode) {}

  record StaffMember(
      long schoolId,
      long id,
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      String position,
      String subjectGroup,
      String mainSubject,
      String phone,
      String email,
      String ethnicityCode,
      @Nullable PersonalId personalId,
      String qualification,
      String employmentType,
      LocalDate startDate) {}

  /** A staff profile as the form sends it; checked by {@link StaffRules}. */
  record StaffUpdate(
      String familyName,
      String middleName,
      String givenName,
      String birthDate,
      String sex,
      String ethnicityCode,
      String personalId,
      String phone,
      String email,
      String position,
      String subjectGroup,
      String mainSubject,
      String qualification,
      String employmentType,
      String startDate) {}

  /** Checks and stores a staff member's profile (the office and the leaders keep it). */
  void updateStaff(long schoolId, long staffId, StaffUpdate update);

  record Guardian(
      long id,
      String fullName,
      Integer birthYear,
      String occupation,
      String phone,
      Relation relation,
      @Nullable PersonalId personalId,
      String email) {}

  /** A guardian as a form sends it; checked by {@link GuardianRules}. */
  record GuardianUpdate(
      String relation,
      String fullName,
      String birthYear,
      String occupation,
      String phone,
      String personalId,
      String email) {}

  /** What every new person row starts with, a student's as a staff member's. */
  interface NewPerson {
    PersonName name();

    LocalDate birthDate();

    Sex sex();

    String ethnicityCode();

    @Nullable PersonalId personalId();
  }

  record NewStudent(
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      String ethnicityCode,
      @Nullable PersonalId personalId,
      String studentCode)
      implements NewPerson {}

  record NewStaff(
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      String ethnicityCode,
      @Nullable PersonalId personalId,
      String phone,
      String email,
      String position,
      String subjectGroup,
      String mainSubject)
      implements NewPerson {}

  record NewGuardian(
      String fullName,
      Integer birthYear,
      String occupation,
      String phone,
      @Nullable PersonalId personalId) {}

  /** Cha, mẹ, người giám hộ. */
  enum Relation {
    FATHER,
    MOTHER,
    OTHER
  }
}
