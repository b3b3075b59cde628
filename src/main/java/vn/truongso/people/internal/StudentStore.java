package vn.truongso.people.internal;

import static vn.truongso.people.internal.PeopleRows.NAME_ORDER;
import static vn.truongso.people.internal.PeopleRows.STUDENT_SELECT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import vn.truongso.people.People.Address;
import vn.truongso.people.People.NewStudent;
import vn.truongso.people.People.Student;
import vn.truongso.people.People.StudentProfile;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.ProfileRules;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.people.internal.CodeLists.CodeList;
import vn.truongso.people.internal.UniqueKeys.Key;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;

/**
 * Owns the {@code student} table's current records and their profiles (name, birth, ethnic group,
 * IDs, addresses, policy status): adding one alone or from an imported list, reading, and checked
 * edits. Moving a record to another school is {@link StudentMoves}'s.
 */
@Component
class StudentStore {

  private static final String INSERT_STUDENT_SQL =
      """
      INSERT INTO student (school_id, family_name, middle_name, given_name, birth_date, sex,
        ethnicity_code, religion_code, personal_id, student_code,
        place_of_birth, home_town, permanent_ward_code, permanent_address,
        current_ward_code, current_address, policy_status, disability, health_insurance_no)
      VALUES (:school, :family, :middle, :given, :birth, :sex, :ethnicity, :religion,
        :personalId, :studentCode, :placeOfBirth,
        :homeTown, :pWard, :pAddress, :cWard, :cAddress, :policy, :disability, :insurance)
      RETURNING id
      """;

  private static final String UPDATE_PROFILE_SQL =
      """
      UPDATE student SET family_name = :family, middle_name = :middle, given_name = :given,
        birth_date = :birth, sex = :sex, ethnicity_code = :ethnicity, religion_code = :religion,
        nationality = coalesce(:nationality, nationality), personal_id = :personalId,
        student_code = :studentCode, place_of_birth = :placeOfBirth, home_town = :homeTown,
        permanent_ward_code = :pWard, permanent_address = :pAddress,
        current_ward_code = :cWard, current_address = :cAddress, policy_status = :policy,
        disability = :disability, health_insurance_no = :insurance, updated_at = :now
      WHERE school_id = :school AND id = :id
      """;

  private static final String PROFILE_SELECT =
      """
      SELECT s.*, r.name AS religion_name,
        pw.full_name AS permanent_ward, pw.province_code AS permanent_province,
        cw.full_name AS current_ward, cw.province_code AS current_province,
        EXISTS (SELECT 1 FROM student_photo p WHERE p.school_id = s.school_id
                AND p.student_id = s.id) AS has_photo
      FROM student s
      LEFT JOIN religion r ON r.code = s.religion_code
      LEFT JOIN admin_ward pw ON pw.code = s.permanent_ward_code
      LEFT JOIN admin_ward cw ON cw.code = s.current_ward_code
      WHERE s.school_id = ? AND s.id = ?
      """;

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final UniqueKeys keys;
  private final CodeLists codes;

  StudentStore(JdbcClient jdbc, AuditLog audit, Clock clock, UniqueKeys keys, CodeLists codes) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.keys = keys;
    this.codes = codes;
  }

  long add(long schoolId, NewStudent s) {
    PeopleRows.requireName(s.name());
    if (s.personalId() != null) {
      PersonalId.problem(s.personalId().value(), s.birthDate(), s.sex())
          .ifPresent(
              key -> {
                throw new UserInputException("personalId", key);
              });
      if (keys.taken(Key.STUDENT_PERSONAL_ID, s.personalId().value())) {
        throw new UserInputException("personalId", "personalId.taken");
      }
    }
    long id =
        PeopleRows.personParams(
                jdbc.sql(
                    """
                    INSERT INTO student (school_id, family_name, middle_name, given_name,
                                         birth_date, sex, ethnicity_code, personal_id, student_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """),
                schoolId,
                s)
            .param(s.studentCode())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.student.create", "student", id).after(s));
    return id;
  }

  long add(long schoolId, ProfileUpdate update) {
    ProfileRules.Checked c = ProfileRules.check(update, LocalDate.now(clock));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (!codes.known(CodeList.ETHNIC_GROUP, c.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    if (c.personalId() != null && keys.taken(Key.STUDENT_PERSONAL_ID, c.personalId().value())) {
      errors.add("personalId", "personalId.taken");
    }
    if (c.studentCode() != null && keys.taken(Key.STUDENT_CODE, c.studentCode())) {
      errors.add("studentCode", "profile.studentCode.taken");
    }
    errors.throwIfAny();
    long id =
        profileParams(jdbc.sql(INSERT_STUDENT_SQL), c)
            .param("school", schoolId)
            .query(Long.class)
            .single();
    if (c.nationality() != null) {
      // Otherwise the column's default (Vietnamese) stands.
      jdbc.sql("UPDATE student SET nationality = ? WHERE school_id = ? AND id = ?")
          .params(c.nationality(), schoolId, id)
          .update();
    }
    audit.record(AuditEvent.of(schoolId, "people.student.create", "student", id).after(c));
    return id;
  }

  Optional<Student> student(long schoolId, long studentId) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ?")
        .params(schoolId, studentId)
        .query(PeopleRows::mapStudent)
        .optional();
  }

  List<Student> students(long schoolId, Collection<Long> ids) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ANY(?)" + NAME_ORDER)
        .params(schoolId, ids.toArray(Long[]::new))
        .query(PeopleRows::mapStudent)
        .list();
  }

  List<Student> studentsOf(long schoolId) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ?" + NAME_ORDER)
        .param(schoolId)
        .query(PeopleRows::mapStudent)
        .list();
  }

  Optional<StudentProfile> profile(long schoolId, long studentId) {
    return student(schoolId, studentId)
        .flatMap(
            student ->
                jdbc.sql(PROFILE_SELECT)
                    .params(schoolId, studentId)
                    .query(
                        (rs, n) ->
                            new StudentProfile(
                                student,
                                rs.getString("religion_code"),
                                rs.getString("religion_name"),
                                rs.getString("nationality"),
                                rs.getString("place_of_birth"),
                                rs.getString("home_town"),
                                new Address(
                                    rs.getString("permanent_ward_code"),
                                    rs.getString("permanent_province"),
                                    rs.getString("permanent_ward"),
                                    rs.getString("permanent_address")),
                                new Address(
                                    rs.getString("current_ward_code"),
                                    rs.getString("current_province"),
                                    rs.getString("current_ward"),
                                    rs.getString("current_address")),
                                rs.getString("policy_status") == null
                                    ? null
                                    : PolicyStatus.valueOf(rs.getString("policy_status")),
                                rs.getString("disability"),
                                rs.getString("health_insurance_no"),
                                rs.getBoolean("has_photo")))
                    .optional());
  }

  void updateProfile(long schoolId, long studentId, ProfileUpdate update) {
    StudentProfile before =
        profile(schoolId, studentId).orElseThrow(() -> new NotFoundException("student"));
    ProfileRules.Checked c = ProfileRules.check(update, LocalDate.now(clock));
    checkAgainstStored(c, schoolId, studentId);
    profileParams(jdbc.sql(UPDATE_PROFILE_SQL), c)
        .param("nationality", c.nationality())
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("school", schoolId)
        .param("id", studentId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.student.update", "student", studentId)
            .before(before)
            .after(profile(schoolId, studentId).orElseThrow()));
  }

  /** What the rules cannot see alone: the code lists and the other students' IDs. */
  private void checkAgainstStored(ProfileRules.Checked c, long schoolId, long studentId) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (!codes.known(CodeList.ETHNIC_GROUP, c.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    if (c.religionCode() != null && !codes.known(CodeList.RELIGION, c.religionCode())) {
      errors.add("religionCode", "profile.religion.unknown");
    }
    if (c.permanentWardCode() != null && !codes.known(CodeList.WARD, c.permanentWardCode())) {
      errors.add("permanentWardCode", "profile.ward.unknown");
    }
    if (c.currentWardCode() != null && !codes.known(CodeList.WARD, c.currentWardCode())) {
      errors.add("currentWardCode", "profile.ward.unknown");
    }
    if (c.personalId() != null
        && keys.takenByOther(
            Key.STUDENT_PERSONAL_ID, c.personalId().value(), schoolId, studentId)) {
      errors.add("personalId", "personalId.taken");
    }
    if (c.studentCode() != null
        && keys.takenByOther(Key.STUDENT_CODE, c.studentCode(), schoolId, studentId)) {
      errors.add("studentCode", "profile.studentCode.taken");
    }
    errors.throwIfAny();
  }

  /** The profile's values as the named parameters both the insert and the update use. */
  private static StatementSpec profileParams(StatementSpec spec, ProfileRules.Checked c) {
    return spec.param("family", c.name().family())
        .param("middle", c.name().middle())
        .param("given", c.name().given())
        .param("birth", c.birthDate())
        .param("sex", c.sex().name())
        .param("ethnicity", c.ethnicityCode())
        .param("religion", c.religionCode())
        .param("personalId", PersonalId.text(c.personalId()))
        .param("studentCode", c.studentCode())
        .param("placeOfBirth", c.placeOfBirth())
        .param("homeTown", c.homeTown())
        .param("pWard", c.permanentWardCode())
        .param("pAddress", c.permanentAddress())
        .param("cWard", c.currentWardCode())
        .param("cAddress", c.currentAddress())
        .param("policy", c.policyStatus() == null ? null : c.policyStatus().name())
        .param("disability", c.disability())
        .param("insurance", c.healthInsuranceNo());
  }
}
