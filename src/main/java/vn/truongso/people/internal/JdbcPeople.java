package vn.truongso.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.people.GuardianRules;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.ProfileRules;
import vn.truongso.people.ProfileUpdate;
import vn.truongso.people.Sex;
import vn.truongso.people.StaffRules;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.PersonName;
import vn.truongso.platform.UserInputException;

@Service
@Transactional
class JdbcPeople implements People {

  // Lists of people sort by given name, middle name, family name (the database collates in ICU vi).
  private static final String NAME_ORDER =
      " ORDER BY s.given_name, s.middle_name, s.family_name, s.id";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final java.time.Clock clock;

  JdbcPeople(JdbcClient jdbc, AuditLog audit, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public long addStudent(long schoolId, NewStudent s) {
    requireName(s.name());
    if (s.personalId() != null) {
      PersonalId.problem(s.personalId(), s.birthDate(), s.sex())
          .ifPresent(
              key -> {
                throw new UserInputException("personalId", key);
              });
      if (jdbc.sql(
                  "SELECT count(*) FROM student WHERE personal_id = ? AND moved_to_student_id IS NULL")
              .param(s.personalId())
              .query(Integer.class)
              .single()
          > 0) {
        throw new UserInputException("personalId", "personalId.taken");
      }
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO student (school_id, family_name, middle_name, given_name, birth_date, sex,
                                     ethnicity_code, personal_id, student_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                s.name().family(),
                s.name().middle(),
                s.name().given(),
                s.birthDate(),
                s.sex().name(),
                s.ethnicityCode(),
                s.personalId(),
                s.studentCode())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.student.create", "student", id).after(s));
    return id;
  }

  @Override
  public long addStudent(long schoolId, ProfileUpdate update) {
    ProfileRules.Checked c = ProfileRules.check(update, LocalDate.now(clock));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (!exists("SELECT 1 FROM ethnic_group WHERE code = ?", c.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    if (c.personalId() != null
        && exists(
            "SELECT 1 FROM student WHERE personal_id = ? AND moved_to_student_id IS NULL",
            c.personalId())) {
      errors.add("personalId", "personalId.taken");
    }
    if (c.studentCode() != null
        && exists(
            "SELECT 1 FROM student WHERE student_code = ? AND moved_to_student_id IS NULL",
            c.studentCode())) {
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

  @Override
  public long addStaff(long schoolId, NewStaff s) {
    requireName(s.name());
    long id =
        jdbc.sql(
                """
                INSERT INTO staff (school_id, family_name, middle_name, given_name, birth_date, sex,
                  ethnicity_code, personal_id, phone, email, position, subject_group, main_subject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                s.name().family(),
                s.name().middle(),
                s.name().given(),
                s.birthDate(),
                s.sex().name(),
                s.ethnicityCode(),
                s.personalId(),
                s.phone(),
                s.email(),
                s.position(),
                s.subjectGroup(),
                s.mainSubject())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.staff.create", "staff", id).after(s));
    return id;
  }

  @Override
  public long addGuardian(long schoolId, NewGuardian g) {
    long id =
        jdbc.sql(
                "INSERT INTO guardian (full_name, birth_year, occupation, phone, personal_id,"
                    + " school_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
            .params(
                g.fullName(), g.birthYear(), g.occupation(), g.phone(), g.personalId(), schoolId)
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "people.guardian.create", "guardian", id).after(g));
    return id;
  }

  @Override
  public void linkGuardian(long schoolId, long studentId, long guardianId, Relation relation) {
    jdbc.sql(
            "INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES (?, ?, ?, ?)")
        .params(schoolId, studentId, guardianId, relation.name())
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.link", "student", studentId)
            .after(Map.of("guardianId", guardianId, "relation", relation.name())));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Student> student(long schoolId, long studentId) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ?")
        .params(schoolId, studentId)
        .query(JdbcPeople::mapStudent)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> students(long schoolId, Collection<Long> ids) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ANY(?)" + NAME_ORDER)
        .params(schoolId, ids.toArray(Long[]::new))
        .query(JdbcPeople::mapStudent)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StaffMember> staff(long schoolId, long staffId) {
    return jdbc.sql("SELECT * FROM staff s WHERE s.school_id = ? AND s.id = ?")
        .params(schoolId, staffId)
        .query(JdbcPeople::mapStaff)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<StaffMember> staffOf(long schoolId) {
    return jdbc.sql("SELECT * FROM staff s WHERE s.school_id = ?" + NAME_ORDER)
        .param(schoolId)
        .query(JdbcPeople::mapStaff)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public int countStaff(long schoolId) {
    return jdbc.sql("SELECT count(*) FROM staff WHERE school_id = ?")
        .param(schoolId)
        .query(Integer.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Guardian> guardiansOf(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT g.*, sg.relation FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
            WHERE sg.school_id = ? AND sg.student_id = ? ORDER BY sg.relation
            """)
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Guardian(
                    rs.getLong("id"),
                    rs.getString("full_name"),
                    rs.getObject("birth_year", Integer.class),
                    rs.getString("occupation"),
                    rs.getString("phone"),
                    Relation.valueOf(rs.getString("relation")),
                    rs.getString("personal_id"),
                    rs.getString("email")))
        .list();
  }

  @Override
  public long addGuardianTo(long schoolId, long studentId, GuardianUpdate update) {
    GuardianRules.Checked g = GuardianRules.check(update, LocalDate.now(clock));
    if (student(schoolId, studentId).isEmpty()) {
      throw new vn.truongso.platform.NotFoundException("student");
    }
    Long id =
        g.phone() == null ? null : guardianByPhone(schoolId, g.phone(), g.fullName()).orElse(null);
    if (id == null) {
      id =
          jdbc.sql(
                  "INSERT INTO guardian (full_name, birth_year, occupation, phone, personal_id,"
                      + " email, school_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
              .params(
                  g.fullName(),
                  g.birthYear(),
                  g.occupation(),
                  g.phone(),
                  g.personalId(),
                  g.email(),
                  schoolId)
              .query(Long.class)
              .single();
      audit.record(AuditEvent.of(schoolId, "people.guardian.create", "guardian", id).after(g));
    } else if (guardianOf(schoolId, studentId, id).isPresent()) {
      throw new UserInputException("fullName", "guardian.alreadyLinked");
    }
    linkGuardian(schoolId, studentId, id, g.relation());
    return id;
  }

  @Override
  public void updateGuardian(
      long schoolId, long studentId, long guardianId, GuardianUpdate update) {
    GuardianRules.Checked g = GuardianRules.check(update, LocalDate.now(clock));
    Guardian before =
        guardianOf(schoolId, studentId, guardianId)
            .orElseThrow(() -> new vn.truongso.platform.NotFoundException("guardian"));
    jdbc.sql(
            "UPDATE guardian SET full_name = ?, birth_year = ?, occupation = ?, phone = ?,"
                + " personal_id = ?, email = ? WHERE id = ? AND school_id = ?")
        .params(
            g.fullName(),
            g.birthYear(),
            g.occupation(),
            g.phone(),
            g.personalId(),
            g.email(),
            guardianId,
            schoolId)
        .update();
    jdbc.sql(
            "UPDATE student_guardian SET relation = ? WHERE school_id = ? AND student_id = ?"
                + " AND guardian_id = ?")
        .params(g.relation().name(), schoolId, studentId, guardianId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.update", "guardian", guardianId)
            .before(before)
            .after(g));
  }

  @Override
  public void unlinkGuardian(long schoolId, long studentId, long guardianId) {
    Guardian before =
        guardianOf(schoolId, studentId, guardianId)
            .orElseThrow(() -> new vn.truongso.platform.NotFoundException("guardian"));
    jdbc.sql(
            "DELETE FROM student_guardian WHERE school_id = ? AND student_id = ? AND guardian_id = ?")
        .params(schoolId, studentId, guardianId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.guardian.unlink", "student", studentId).before(before));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Guardian> guardianOf(long schoolId, long studentId, long guardianId) {
    return guardiansOf(schoolId, studentId).stream().filter(g -> g.id() == guardianId).findFirst();
  }

  @Override
  public long moveToSchool(long fromSchoolId, long studentId, long toSchoolId) {
    Long id =
        jdbc.sql(
                """
                INSERT INTO student (school_id, family_name, middle_name, given_name, birth_date, sex,
                  ethnicity_code, religion_code, nationality, place_of_birth, home_town,
                  permanent_ward_code, permanent_address, current_ward_code, current_address,
                  policy_status, disability, health_insurance_no, moved_from_school_id,
                  moved_from_student_id)
                SELECT ?, family_name, middle_name, given_name, birth_date, sex, ethnicity_code,
                  religion_code, nationality, place_of_birth, home_town, permanent_ward_code,
                  permanent_address, current_ward_code, current_address, policy_status, disability,
                  health_insurance_no, school_id, id
                FROM student WHERE school_id = ? AND id = ? AND moved_to_student_id IS NULL
                RETURNING id
                """)
            .params(toSchoolId, fromSchoolId, studentId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("student"));
    jdbc.sql(
            "UPDATE student SET moved_to_school_id = ?, moved_to_student_id = ?"
                + " WHERE school_id = ? AND id = ?")
        .params(toSchoolId, id, fromSchoolId, studentId)
        .update();
    // The unique personal ID and student code pass to the new record once the old one points on.
    jdbc.sql(
            """
            UPDATE student n SET personal_id = o.personal_id, student_code = o.student_code
            FROM student o WHERE o.school_id = ? AND o.id = ? AND n.school_id = ? AND n.id = ?
            """)
        .params(fromSchoolId, studentId, toSchoolId, id)
        .update();
    jdbc.sql(
            """
            INSERT INTO student_photo (school_id, student_id, content_type, bytes, sha256, uploaded_at)
            SELECT ?, ?, content_type, bytes, sha256, uploaded_at FROM student_photo
            WHERE school_id = ? AND student_id = ?
            """)
        .params(toSchoolId, id, fromSchoolId, studentId)
        .update();
    // The receiving school gets its own copies of the guardians' records, as it gets the profile.
    GuardianCopies.copy(jdbc, fromSchoolId, studentId, toSchoolId, id);
    audit.record(
        AuditEvent.of(toSchoolId, "people.student.movedIn", "student", id)
            .after(Map.of("fromSchoolId", fromSchoolId, "fromStudentId", studentId)));
    audit.record(
        AuditEvent.of(fromSchoolId, "people.student.movedOut", "student", studentId)
            .after(Map.of("toSchoolId", toSchoolId, "toStudentId", id)));
    return id;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Origin> origin(long schoolId, long studentId) {
    return jdbc.sql(
            "SELECT moved_from_school_id, moved_from_student_id FROM student"
                + " WHERE school_id = ? AND id = ? AND moved_from_student_id IS NOT NULL")
        .params(schoolId, studentId)
        .query((rs, n) -> new Origin(rs.getLong(1), rs.getLong(2)))
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> childrenOf(long schoolId, long guardianId) {
    return jdbc.sql(
            STUDENT_SELECT
                + " JOIN student_guardian sg ON sg.school_id = s.school_id AND sg.student_id = s.id"
                + " WHERE s.school_id = ? AND sg.guardian_id = ?"
                + NAME_ORDER)
        .params(schoolId, guardianId)
        .query(JdbcPeople::mapStudent)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StudentProfile> profile(long schoolId, long studentId) {
    return student(schoolId, studentId)
        .flatMap(
            student ->
                jdbc.sql(
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
                        """)
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

  @Override
  public void updateProfile(long schoolId, long studentId, ProfileUpdate update) {
    StudentProfile before =
        profile(schoolId, studentId).orElseThrow(() -> new NotFoundException("student"));
    ProfileRules.Checked c = ProfileRules.check(update, LocalDate.now(clock));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (!exists("SELECT 1 FROM ethnic_group WHERE code = ?", c.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    if (c.religionCode() != null
        && !exists("SELECT 1 FROM religion WHERE code = ?", c.religionCode())) {
      errors.add("religionCode", "profile.religion.unknown");
    }
    for (String[] ward :
        new String[][] {
          {"permanentWardCode", c.permanentWardCode()}, {"currentWardCode", c.currentWardCode()}
        }) {
      if (ward[1] != null && !exists("SELECT 1 FROM admin_ward WHERE code = ?", ward[1])) {
        errors.add(ward[0], "profile.ward.unknown");
      }
    }
    if (c.personalId() != null
        && exists(
            "SELECT 1 FROM student WHERE personal_id = ? AND moved_to_student_id IS NULL AND NOT (school_id = ? AND id = ?)",
            c.personalId(),
            schoolId,
            studentId)) {
      errors.add("personalId", "personalId.taken");
    }
    if (c.studentCode() != null
        && exists(
            "SELECT 1 FROM student WHERE student_code = ? AND moved_to_student_id IS NULL AND NOT (school_id = ? AND id = ?)",
            c.studentCode(),
            schoolId,
            studentId)) {
      errors.add("studentCode", "profile.studentCode.taken");
    }
    errors.throwIfAny();
    profileParams(
            jdbc.sql(
                """
            UPDATE student SET family_name = :family, middle_name = :middle, given_name = :given,
              birth_date = :birth, sex = :sex, ethnicity_code = :ethnicity, religion_code = :religion,
              nationality = coalesce(:nationality, nationality), personal_id = :personalId,
              student_code = :studentCode, place_of_birth = :placeOfBirth, home_town = :homeTown,
              permanent_ward_code = :pWard, permanent_address = :pAddress,
              current_ward_code = :cWard, current_address = :cAddress, policy_status = :policy,
              disability = :disability, health_insurance_no = :insurance, updated_at = :now
            WHERE school_id = :school AND id = :id
            """),
            c)
        .param("nationality", c.nationality())
        .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .param("school", schoolId)
        .param("id", studentId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.student.update", "student", studentId)
            .before(before)
            .after(profile(schoolId, studentId).orElseThrow()));
  }

  @Override
  public void setPhoto(long schoolId, long studentId, byte[] upload) {
    student(schoolId, studentId).orElseThrow(() -> new NotFoundException("student"));
    byte[] jpeg = Photos.normalise(upload);
    String sha = sha256(jpeg);
    jdbc.sql(
            """
            INSERT INTO student_photo (school_id, student_id, content_type, bytes, sha256, uploaded_at)
            VALUES (?, ?, 'image/jpeg', ?, ?, ?)
            ON CONFLICT (school_id, student_id) DO UPDATE SET bytes = excluded.bytes,
              sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at
            """)
        .params(schoolId, studentId, jpeg, sha, clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.student.photo", "student", studentId)
            .after(Map.of("sha256", sha, "bytes", jpeg.length)));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<byte[]> photo(long schoolId, long studentId) {
    return jdbc.sql("SELECT bytes FROM student_photo WHERE school_id = ? AND student_id = ?")
        .params(schoolId, studentId)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public SearchResult search(
      java.util.Collection<Long> studentSchools,
      java.util.Collection<Long> staffSchools,
      String query,
      int limit) {
    String q =
        query == null
            ? ""
            : java.text.Normalizer.normalize(query, java.text.Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ");
    if (q.length() < 2 || q.length() > 100) {
      return new SearchResult(List.of(), List.of());
    }
    // Words are matched from their start ("anh" finds Anh, not Thanh or Khánh): what people type,
    // and over millions of names far fewer rows to fetch and sort. Two letters ("An", "Hà") hold no
    // trigram: they match a given name exactly.
    String nameMatch =
        vn.truongso.platform.TextFold.fold(q).length() >= 3
            ? "s.name_folded LIKE '% ' || fold_vi(:q) || '%'"
            : "s.given_folded = fold_vi(:q)";
    List<Student> students =
        studentSchools.isEmpty()
            ? List.of()
            : jdbc.sql(
                    (studentSchools.size() <= FEW_SCHOOLS ? SCOPED_STUDENT_SELECT : STUDENT_SELECT)
                        + """
                         WHERE s.school_id = ANY(:schools) AND (
                          NAME_MATCH
                          OR s.personal_id = :q OR upper(s.student_code) = upper(:q))
                        """
                            .replace("NAME_MATCH", nameMatch)
                        + NAME_ORDER
                        + " LIMIT :limit")
                .param("schools", studentSchools.toArray(Long[]::new))
                .param("q", escapeLike(q))
                .param("limit", limit)
                .query(JdbcPeople::mapStudent)
                .list();
    List<StaffMember> staff =
        staffSchools.isEmpty()
            ? List.of()
            : jdbc.sql(
                    """
                    SELECT * FROM staff s WHERE s.school_id = ANY(:schools) AND (
                      fold_vi(s.family_name || ' ' || s.middle_name || ' ' || s.given_name) LIKE '%' || fold_vi(:q) || '%'
                      OR s.personal_id = :q)
                    """
                        + NAME_ORDER
                        + " LIMIT :limit")
                .param("schools", staffSchools.toArray(Long[]::new))
                .param("q", escapeLike(q))
                .param("limit", limit)
                .query(JdbcPeople::mapStaff)
                .list();
    return new SearchResult(students, staff);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  @Transactional(readOnly = true)
  public List<Code> ethnicGroups() {
    return jdbc.sql("SELECT code, name FROM ethnic_group ORDER BY code")
        .query((rs, n) -> new Code(rs.getString(1), rs.getString(2)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Code> religions() {
    return jdbc.sql("SELECT code, name FROM religion ORDER BY code")
        .query((rs, n) -> new Code(rs.getString(1), rs.getString(2)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Student> studentsOf(long schoolId) {
    return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ?" + NAME_ORDER)
        .param(schoolId)
        .query(JdbcPeople::mapStudent)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Set<String> personalIdsInUse(Collection<String> personalIds) {
    return java.util.Set.copyOf(
        jdbc.sql(
                "SELECT personal_id FROM student WHERE personal_id = ANY(?) AND moved_to_student_id IS NULL")
            .param(personalIds.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Set<String> studentCodesInUse(Collection<String> codes) {
    return java.util.Set.copyOf(
        jdbc.sql(
                "SELECT student_code FROM student WHERE student_code = ANY(?) AND moved_to_student_id IS NULL")
            .param(codes.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> guardianByPhone(long schoolId, String phone, String fullName) {
    return jdbc.sql(
            "SELECT id FROM guardian WHERE school_id = ? AND phone = ?"
                + " AND fold_vi(full_name) = fold_vi(?) ORDER BY id LIMIT 1")
        .params(schoolId, phone, fullName)
        .query(Long.class)
        .optional();
  }

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

  /** The profile's values as the named parameters both the insert and the update use. */
  private static org.springframework.jdbc.core.simple.JdbcClient.StatementSpec profileParams(
      org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec, ProfileRules.Checked c) {
    return spec.param("family", c.name().family())
        .param("middle", c.name().middle())
        .param("given", c.name().given())
        .param("birth", c.birthDate())
        .param("sex", c.sex().name())
        .param("ethnicity", c.ethnicityCode())
        .param("religion", c.religionCode())
        .param("personalId", c.personalId())
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

  private boolean exists(String sql, Object... params) {
    return !jdbc.sql(sql).params(params).query((rs, n) -> 1).list().isEmpty();
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A school has a few thousand students: reading them all is cheaper than a trigram index scan
   * over every school's (the planner cannot tell; measured in docs/PERFORMANCE.md).
   */
  private static final int FEW_SCHOOLS = 20;

  private static final String SCOPED_STUDENT_SELECT =
      "WITH scoped AS MATERIALIZED (SELECT * FROM student WHERE school_id = ANY(:schools))"
          + " SELECT s.*, e.short_name AS ethnicity_name FROM scoped s"
          + " JOIN ethnic_group e ON e.code = s.ethnicity_code";

  private static final String STUDENT_SELECT =
      "SELECT s.*, e.short_name AS ethnicity_name FROM student s JOIN ethnic_group e ON e.code = s.ethnicity_code";

  private static void requireName(PersonName name) {
    if (name.given().isEmpty() || name.full().length() > 100) {
      throw new UserInputException("name", "person.nameRequired");
    }
  }

  private static PersonName name(ResultSet rs) throws SQLException {
    return new PersonName(
        rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"));
  }

  private static Student mapStudent(ResultSet rs, int n) throws SQLException {
    return new Student(
        rs.getLong("school_id"),
        rs.getLong("id"),
        name(rs),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("ethnicity_code"),
        rs.getString("ethnicity_name"),
        rs.getString("personal_id"),
        rs.getString("student_code"));
  }

  private static StaffMember mapStaff(ResultSet rs, int n) throws SQLException {
    return new StaffMember(
        rs.getLong("school_id"),
        rs.getLong("id"),
        name(rs),
        rs.getObject("birth_date", LocalDate.class),
        Sex.valueOf(rs.getString("sex")),
        rs.getString("position"),
        rs.getString("subject_group"),
        rs.getString("main_subject"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("ethnicity_code"),
        rs.getString("personal_id"),
        rs.getString("qualification"),
        rs.getString("employment_type"),
        rs.getObject("start_date", LocalDate.class));
  }

  @Override
  public void updateStaff(long schoolId, long staffId, StaffUpdate update) {
    StaffMember before = staff(schoolId, staffId).orElseThrow(() -> new NotFoundException("staff"));
    StaffRules.Checked c = StaffRules.check(update, LocalDate.now(clock));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (c.personalId() != null
        && exists(
            "SELECT 1 FROM staff WHERE personal_id = ? AND NOT (school_id = ? AND id = ?)",
            c.personalId(),
            schoolId,
            staffId)) {
      errors.add("personalId", "personalId.taken");
    }
    if (c.ethnicityCode() != null
        && !exists("SELECT 1 FROM ethnic_group WHERE code = ?", c.ethnicityCode())) {
      errors.add("ethnicityCode", "profile.ethnicity.required");
    }
    errors.throwIfAny();
    jdbc.sql(
            """
            UPDATE staff SET family_name = ?, middle_name = ?, given_name = ?, birth_date = ?, sex = ?,
              ethnicity_code = ?, personal_id = ?, phone = ?, email = ?, position = ?, subject_group = ?,
              main_subject = ?, qualification = ?, employment_type = ?, start_date = ?
            WHERE school_id = ? AND id = ?
            """)
        .params(
            c.name().family(),
            c.name().middle(),
            c.name().given(),
            c.birthDate(),
            c.sex().name(),
            c.ethnicityCode(),
            c.personalId(),
            c.phone(),
            c.email(),
            c.position(),
            c.subjectGroup(),
            c.mainSubject(),
            c.qualification(),
            c.employmentType(),
            c.startDate(),
            schoolId,
            staffId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "people.staff.update", "staff", staffId).before(before).after(c));
  }
}
