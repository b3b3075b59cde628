package vn.truongso.people.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.people.internal.CodeLists.CodeList;
import vn.truongso.people.internal.UniqueKeys.Key;

/**
 * The module's door, and where its transactions begin: each operation of {@link People} goes to the
 * store that owns its tables ({@link StudentStore}, {@link StudentPhotos}, {@link GuardianStore},
 * {@link StaffStore}, {@link StudentMoves}, {@link PeopleSearch}, {@link CodeLists}, {@link
 * UniqueKeys}). Owns no table and holds no SQL of its own.
 */
@Service
@Transactional
class JdbcPeople implements People {

  private final StudentStore students;
  private final StudentPhotos photos;
  private final GuardianStore guardians;
  private final StaffStore staff;
  private final StudentMoves moves;
  private final PeopleSearch search;
  private final CodeLists codes;
  private final UniqueKeys keys;
  private final org.springframework.context.ApplicationEventPublisher events;

  JdbcPeople(
      StudentStore students,
      StudentPhotos photos,
      GuardianStore guardians,
      StaffStore staff,
      StudentMoves moves,
      PeopleSearch search,
      CodeLists codes,
      UniqueKeys keys,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.students = students;
    this.photos = photos;
    this.guardians = guardians;
    this.staff = staff;
    this.moves = moves;
    this.search = search;
    this.codes = codes;
    this.keys = keys;
  }

  @Override
  public long addStudent(long schoolId, NewStudent student) {
    return students.add(schoolId, student);
  }

  @Override
  public long addStudent(long schoolId, ProfileUpdate profile) {
    return students.add(schoolId, profile);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Student> student(long schoolId, long studentId) {
    return students.student(schoolId, studentId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> students(long schoolId, Collection<Long> ids) {
    return students.students(schoolId, ids);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> studentsOf(long schoolId) {
    return students.studentsOf(schoolId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StudentProfile> profile(long schoolId, long studentId) {
    return students.profile(schoolId, studentId);
  }

  @Override
  public void updateProfile(long schoolId, long studentId, ProfileUpdate update) {
    students.updateProfile(schoolId, studentId, update);
  }

  @Override
  @Transactional(readOnly = true)
  public Set<PersonalId> personalIdsInUse(Collection<PersonalId> personalIds) {
    List<String> digits = personalIds.stream().map(PersonalId::value).toList();
    return keys.inUse(Key.STUDENT_PERSONAL_ID, digits).stream()
        .map(PersonalId::of)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> studentCodesInUse(Collection<String> codes) {
    return keys.inUse(Key.STUDENT_CODE, codes);
  }

  @Override
  public void setPhoto(long schoolId, long studentId, byte[] upload) {
    photos.set(schoolId, studentId, upload);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<byte[]> photo(long schoolId, long studentId) {
    return photos.get(schoolId, studentId);
  }

  @Override
  public long addGuardian(long schoolId, NewGuardian guardian) {
    return guardians.add(schoolId, guardian);
  }

  @Override
  public void linkGuardian(long schoolId, long studentId, long guardianId, Relation relation) {
    guardians.link(schoolId, studentId, guardianId, relation);
  }

  @Override
  public long addGuardianTo(long schoolId, long studentId, GuardianUpdate update) {
    return guardians.addTo(schoolId, studentId, update);
  }

  @Override
  public void updateGuardian(
      long schoolId, long studentId, long guardianId, GuardianUpdate update) {
    guardians.update(schoolId, studentId, guardianId, update);
  }

  @Override
  public void unlinkGuardian(long schoolId, long studentId, long guardianId) {
    guardians.unlink(schoolId, studentId, guardianId);
    events.publishEvent(new vn.truongso.people.GuardianUnlinked(schoolId, studentId, guardianId));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Guardian> guardianOf(long schoolId, long studentId, long guardianId) {
    return guardians.guardianOf(schoolId, studentId, guardianId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Guardian> guardiansOf(long schoolId, long studentId) {
    return guardians.guardiansOf(schoolId, studentId);
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<Long, Contact> contacts(
      long schoolId, java.util.Collection<Long> guardianIds) {
    return guardians.contacts(schoolId, guardianIds);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> childrenOf(long schoolId, long guardianId) {
    return guardians.childrenOf(schoolId, guardianId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> guardianByPhone(long schoolId, String phone, String fullName) {
    return guardians.byPhone(schoolId, phone, fullName);
  }

  @Override
  public long addStaff(long schoolId, NewStaff member) {
    return staff.add(schoolId, member);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StaffMember> staff(long schoolId, long staffId) {
    return staff.staff(schoolId, staffId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<StaffMember> staffOf(long schoolId) {
    return staff.staffOf(schoolId);
  }

  @Override
  @Transactional(readOnly = true)
  public int countStaff(long schoolId) {
    return staff.count(schoolId);
  }

  @Override
  public void updateStaff(long schoolId, long staffId, StaffUpdate update) {
    staff.update(schoolId, staffId, update);
  }

  @Override
  public long moveToSchool(long fromSchoolId, long studentId, long toSchoolId) {
    return moves.moveToSchool(fromSchoolId, studentId, toSchoolId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Origin> origin(long schoolId, long studentId) {
    return moves.origin(schoolId, studentId);
  }

  @Override
  @Transactional(readOnly = true)
  public SearchResult search(
      Collection<Long> studentSchools, Collection<Long> staffSchools, String query, int limit) {
    return search.search(studentSchools, staffSchools, query, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Code> ethnicGroups() {
    return codes.all(CodeList.ETHNIC_GROUP);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Code> religions() {
    return codes.all(CodeList.RELIGION);
  }
}
