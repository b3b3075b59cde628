package vn.truongso.enrolment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.RollOverRules;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.UserInputException;

@Service
@Transactional
class JdbcClasses implements Classes, ScopeDirectory {

  private static final String CLASS_SELECT =
      """
      SELECT c.*, (st.family_name || ' ' || st.middle_name || ' ' || st.given_name) AS homeroom_name,
             (SELECT count(*) FROM enrolment e WHERE e.school_id = c.school_id AND e.class_id = c.id
                AND e.starts_on <= :on AND (e.ends_on IS NULL OR e.ends_on >= :on)) AS size
      FROM school_class c
      LEFT JOIN staff st ON st.school_id = c.school_id AND st.id = c.homeroom_staff_id
      """;

  private final JdbcClient jdbc;
  private final People people;
  private final AuditLog audit;
  private final Clock clock;
  private final vn.truongso.org.Organisation org;

  JdbcClasses(
      JdbcClient jdbc,
      People people,
      AuditLog audit,
      Clock clock,
      vn.truongso.org.Organisation org) {
    this.org = org;
    this.jdbc = jdbc;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public long createClass(long schoolId, NewClass c) {
    if (c.name() == null || c.name().isBlank() || c.name().length() > 30) {
      throw new UserInputException("name", "class.nameRequired");
    }
    if (c.homeroomStaffId() != null && people.staff(schoolId, c.homeroomStaffId()).isEmpty()) {
      throw new UserInputException("homeroomStaffId", "class.homeroomUnknown");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO school_class (school_id, start_year, grade, name, homeroom_staff_id, room, shift)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                c.startYear(),
                c.grade(),
                c.name().strip(),
                c.homeroomStaffId(),
                c.room(),
                c.shift() == null ? null : c.shift().name())
            .query(Long.class)
            .single();
    audit.record(AuditEvent.of(schoolId, "enrolment.class.create", "school_class", id).after(c));
    return id;
  }

  @Override
  public void enrol(long schoolId, long classId, long studentId, LocalDate from) {
    start(schoolId, classId, studentId, from, "ENROL", null);
  }

  @Override
  public void enrolTransferIn(
      long schoolId, long classId, long studentId, LocalDate from, String fromSchool) {
    start(schoolId, classId, studentId, from, "TRANSFER_IN", text(fromSchool, "fromSchool", 200));
  }

  @Override
  public void changeClass(
      long schoolId, long studentId, long toClassId, LocalDate on, String note) {
    Current current = current(schoolId, studentId, on);
    SchoolClass from = schoolClass(schoolId, current.classId()).orElseThrow();
    SchoolClass to =
        schoolClass(schoolId, toClassId)
            .orElseThrow(() -> new UserInputException("toClassId", "class.unknown"));
    if (to.id() == from.id() || to.startYear() != from.startYear()) {
      throw new UserInputException("toClassId", "movement.classSameYear");
    }
    String why = text(note, "note", 500);
    close(schoolId, current, on, "CLASS_CHANGE", why);
    start(schoolId, toClassId, studentId, on, "CLASS_CHANGE", why);
  }

  @Override
  public void dropOut(long schoolId, long studentId, LocalDate on, String reason) {
    String why = required(reason, "reason");
    Current current = current(schoolId, studentId, on);
    close(schoolId, current, on, "DROP_OUT", why);
    leave(schoolId, studentId, on, "DROP_OUT", why, null);
  }

  @Override
  public void returnAfterDropOut(long schoolId, long studentId, long classId, LocalDate on) {
    RegisterEntry entry =
        registerEntry(schoolId, studentId)
            .orElseThrow(() -> new UserInputException("studentId", "movement.notDroppedOut"));
    if (!"DROP_OUT".equals(entry.leavingReason()) || on.isBefore(entry.leftOn())) {
      throw new UserInputException("studentId", "movement.notDroppedOut");
    }
    start(schoolId, classId, studentId, on, "RETURN", null);
    jdbc.sql(
            "UPDATE register_entry SET left_on = NULL, leaving_reason = NULL, leaving_note = NULL,"
                + " destination = NULL WHERE school_id = ? AND student_id = ?")
        .params(schoolId, studentId)
        .update();
  }

  @Override
  public void transferOut(
      long schoolId, long studentId, LocalDate on, String destination, String reason) {
    String to = required(destination, "destination");
    String why = required(reason, "reason");
    Current current = current(schoolId, studentId, on);
    close(schoolId, current, on, "TRANSFER_OUT", why);
    leave(schoolId, studentId, on, "TRANSFER_OUT", why, to);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Movement> history(long schoolId, long studentId) {
    return jdbc.sql(
            """
            SELECT e.class_id, c.name, c.start_year, e.starts_on, e.start_reason, e.ends_on,
                   e.end_reason, e.note
            FROM enrolment e JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
            WHERE e.school_id = ? AND e.student_id = ? ORDER BY e.starts_on, e.id
            """)
        .params(schoolId, studentId)
        .query(
            (rs, n) ->
                new Movement(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<RegisterEntry> register(long schoolId) {
    return jdbc.sql(REGISTER_SELECT + " WHERE school_id = ? ORDER BY register_no")
        .param(schoolId)
        .query(JdbcClasses::mapRegister)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RegisterEntry> registerEntry(long schoolId, long studentId) {
    return jdbc.sql(REGISTER_SELECT + " WHERE school_id = ? AND student_id = ?")
        .params(schoolId, studentId)
        .query(JdbcClasses::mapRegister)
        .optional();
  }

  private static final String REGISTER_SELECT =
      "SELECT register_no, student_id, enrolled_on, left_on, leaving_reason, leaving_note,"
          + " destination FROM register_entry";

  private static RegisterEntry mapRegister(ResultSet rs, int n) throws SQLException {
    return new RegisterEntry(
        rs.getInt(1),
        rs.getLong(2),
        rs.getObject(3, LocalDate.class),
        rs.getObject(4, LocalDate.class),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  /** Opens an enrolment; the first one at the school also gives the register number. */
  private void start(
      long schoolId, long classId, long studentId, LocalDate from, String reason, String note) {
    // Plain existence checks: the class query counts its roster, which an import of 2 000 rows
    // would otherwise do 2 000 times.
    if (jdbc.sql("SELECT count(*) FROM school_class WHERE school_id = ? AND id = ?")
                .params(schoolId, classId)
                .query(Integer.class)
                .single()
            == 0
        || jdbc.sql("SELECT count(*) FROM student WHERE school_id = ? AND id = ?")
                .params(schoolId, studentId)
                .query(Integer.class)
                .single()
            == 0) {
      throw new UserInputException("classId", "class.unknown");
    }
    boolean enrolled =
        !jdbc.sql(
                "SELECT 1 FROM enrolment WHERE school_id = ? AND student_id = ?"
                    + " AND (ends_on IS NULL OR ends_on >= ?)")
            .params(schoolId, studentId, from)
            .query((rs, n) -> 1)
            .list()
            .isEmpty();
    if (enrolled) {
      throw new UserInputException("studentId", "enrolment.alreadyEnrolled");
    }
    long id =
        jdbc.sql(
                "INSERT INTO enrolment (school_id, class_id, student_id, starts_on, start_reason, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
            .params(schoolId, classId, studentId, from, reason, note)
            .query(Long.class)
            .single();
    Integer registerNo = null;
    if (registerEntry(schoolId, studentId).isEmpty()) {
      registerNo = nextRegisterNo(schoolId);
      jdbc.sql(
              "INSERT INTO register_entry (school_id, register_no, student_id, enrolled_on)"
                  + " VALUES (?, ?, ?, ?)")
          .params(schoolId, registerNo, studentId, from)
          .update();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("classId", classId);
    after.put("studentId", studentId);
    after.put("from", from.toString());
    after.put("reason", reason);
    if (registerNo != null) {
      after.put("registerNo", registerNo);
    }
    audit.record(
        AuditEvent.of(schoolId, "enrolment.start", "enrolment", id).after(after).because(note));
  }

  private int nextRegisterNo(long schoolId) {
    // The counter row stays locked until commit, so two enrolments never get the same number, and
    // a number once given (even to a student who later left) is never given again.
    return jdbc.sql(
            """
            INSERT INTO register_counter (school_id, last_no) VALUES (?, 1)
            ON CONFLICT (school_id) DO UPDATE SET last_no = register_counter.last_no + 1
            RETURNING last_no
            """)
        .param(schoolId)
        .query(Integer.class)
        .single();
  }

  private Current current(long schoolId, long studentId, LocalDate on) {
    Current c =
        jdbc.sql(
                "SELECT id, class_id, starts_on FROM enrolment WHERE school_id = ? AND student_id = ?"
                    + " AND ends_on IS NULL")
            .params(schoolId, studentId)
            .query(
                (rs, n) ->
                    new Current(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
            .optional()
            .orElseThrow(() -> new UserInputException("studentId", "movement.notEnrolled"));
    if (!on.isAfter(c.startsOn())) {
      throw new UserInputException("on", "movement.dateBeforeStart");
    }
    return c;
  }

  private void close(long schoolId, Current current, LocalDate on, String reason, String note) {
    jdbc.sql(
            "UPDATE enrolment SET ends_on = ?, end_reason = ? WHERE school_id = ? AND id = ?"
                + " AND ends_on IS NULL")
        .params(on.minusDays(1), reason, schoolId, current.id())
        .update();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.end", "enrolment", current.id())
            .after(Map.of("lastDay", on.minusDays(1).toString(), "reason", reason))
            .because(note));
  }

  private void leave(
      long schoolId, long studentId, LocalDate on, String reason, String note, String destination) {
    jdbc.sql(
            "UPDATE register_entry SET left_on = ?, leaving_reason = ?, leaving_note = ?,"
                + " destination = ? WHERE school_id = ? AND student_id = ?")
        .params(on, reason, note, destination, schoolId, studentId)
        .update();
  }

  private static String required(String value, String field) {
    String v = text(value, field, 500);
    if (v == null) {
      throw new UserInputException(field, "movement.required");
    }
    return v;
  }

  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new UserInputException(field, "movement.tooLong", max);
    }
    return v;
  }

  private record Current(long id, long classId, LocalDate startsOn) {}

  @Override
  @Transactional(readOnly = true)
  public Optional<SchoolClass> schoolClass(long schoolId, long classId) {
    return jdbc.sql(CLASS_SELECT + " WHERE c.school_id = :school AND c.id = :id")
        .param("school", schoolId)
        .param("id", classId)
        .param("on", LocalDate.now(clock))
        .query(JdbcClasses::map)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public List<SchoolClass> classes(long schoolId, int startYear) {
    return jdbc.sql(
            CLASS_SELECT
                + " WHERE c.school_id = :school AND c.start_year = :year ORDER BY c.grade, c.name")
        .param("school", schoolId)
        .param("year", startYear)
        .param("on", LocalDate.now(clock))
        .query(JdbcClasses::map)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<People.Student> roster(long schoolId, long classId, LocalDate on) {
    List<Long> ids =
        jdbc.sql(
                "SELECT student_id FROM enrolment WHERE school_id = ? AND class_id = ? AND starts_on <= ?"
                    + " AND (ends_on IS NULL OR ends_on >= ?)")
            .params(schoolId, classId, on, on)
            .query(Long.class)
            .list();
    return ids.isEmpty() ? List.of() : people.students(schoolId, ids);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> classOf(long schoolId, long studentId, LocalDate on) {
    return jdbc.sql(
            "SELECT class_id FROM enrolment WHERE school_id = ? AND student_id = ? AND starts_on <= ?"
                + " AND (ends_on IS NULL OR ends_on >= ?) ORDER BY starts_on DESC LIMIT 1")
        .params(schoolId, studentId, on, on)
        .query(Long.class)
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public int countStudents(long schoolId, int startYear, LocalDate on) {
    return jdbc.sql(
            """
            SELECT count(DISTINCT e.student_id) FROM enrolment e
            JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
            WHERE e.school_id = ? AND c.start_year = ? AND e.starts_on <= ? AND (e.ends_on IS NULL OR e.ends_on >= ?)
            """)
        .params(schoolId, startYear, on, on)
        .query(Integer.class)
        .single();
  }

  // ---- Transfers between schools on TruongSo

  @Override
  public long transferOutTo(
      long schoolId, long studentId, LocalDate on, long toSchoolId, String reason) {
    vn.truongso.org.School to =
        org.school(toSchoolId)
            .filter(s -> s.id() != schoolId)
            .orElseThrow(() -> new UserInputException("toSchool", "transfer.schoolUnknown"));
    transferOut(schoolId, studentId, on, to.name(), reason);
    long id =
        jdbc.sql(
                """
                INSERT INTO transfer_request (from_school_id, student_id, to_school_id, leaves_on, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                schoolId,
                studentId,
                toSchoolId,
                on,
                reason.strip(),
                java.sql.Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.transfer.request", "transfer_request", id)
            .after(Map.of("studentId", studentId, "toSchoolId", toSchoolId, "on", on.toString())));
    return id;
  }

  private static final String TRANSFER_SELECT =
      "SELECT t.*, fs.name AS from_name, ts.name AS to_name FROM transfer_request t"
          + " JOIN school fs ON fs.id = t.from_school_id JOIN school ts ON ts.id = t.to_school_id";

  @Override
  @Transactional(readOnly = true)
  public List<TransferRequest> pendingTransfersTo(long schoolId) {
    return transfers(
        TRANSFER_SELECT + " WHERE t.to_school_id = ? AND t.status = 'PENDING' ORDER BY t.id",
        schoolId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<TransferRequest> transfersOf(long schoolId, long studentId) {
    return transfers(
        TRANSFER_SELECT + " WHERE t.from_school_id = ? AND t.student_id = ? ORDER BY t.id DESC",
        schoolId,
        studentId);
  }

  private List<TransferRequest> transfers(String sql, Object... params) {
    record Row(
        long id,
        long from,
        String fromName,
        long studentId,
        long to,
        String toName,
        LocalDate on,
        String reason,
        String status,
        String note,
        Long newId) {}
    List<Row> rows =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getLong("from_school_id"),
                        rs.getString("from_name"),
                        rs.getLong("student_id"),
                        rs.getLong("to_school_id"),
                        rs.getString("to_name"),
                        rs.getObject("leaves_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("status"),
                        rs.getString("decision_note"),
                        rs.getObject("new_student_id", Long.class)))
            .list();
    return rows.stream()
        .map(
            r ->
                new TransferRequest(
                    r.id(),
                    r.from(),
                    r.fromName(),
                    people.student(r.from(), r.studentId()).orElseThrow(),
                    r.to(),
                    r.toName(),
                    r.on(),
                    r.reason(),
                    r.status(),
                    r.note(),
                    r.newId()))
        .toList();
  }

  @Override
  public long acceptTransfer(long schoolId, long requestId, long classId, LocalDate on) {
    TransferRequest t = pending(schoolId, requestId);
    if (on.isBefore(t.leavesOn())) {
      throw new UserInputException("on", "transfer.beforeLeaving");
    }
    if (schoolClass(schoolId, classId).isEmpty()) {
      throw new UserInputException("classId", "class.unknown");
    }
    long newId = people.moveToSchool(t.fromSchoolId(), t.student().id(), schoolId);
    start(schoolId, classId, newId, on, "TRANSFER_IN", t.fromSchoolName());
    jdbc.sql(
            "UPDATE transfer_request SET status = 'ACCEPTED', decided_at = ?, new_student_id = ?"
                + " WHERE id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), newId, requestId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.transfer.accept", "transfer_request", requestId)
            .after(Map.of("studentId", newId, "classId", classId, "on", on.toString())));
    return newId;
  }

  @Override
  public void declineTransfer(long schoolId, long requestId, String note) {
    pending(schoolId, requestId);
    String why = required(note, "note");
    jdbc.sql(
            "UPDATE transfer_request SET status = 'DECLINED', decided_at = ?, decision_note = ?"
                + " WHERE id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), why, requestId)
        .update();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.transfer.decline", "transfer_request", requestId)
            .because(why));
  }

  private TransferRequest pending(long schoolId, long requestId) {
    // Locks the request so that two clicks cannot accept it twice.
    jdbc.sql("SELECT id FROM transfer_request WHERE id = ? FOR UPDATE")
        .param(requestId)
        .query(Long.class)
        .optional();
    return pendingTransfersTo(schoolId).stream()
        .filter(t -> t.id() == requestId)
        .findFirst()
        .orElseThrow(() -> new UserInputException("requestId", "transfer.notPending"));
  }

  @Override
  @Transactional(readOnly = true)
  public List<PriorSchool> priorSchools(long schoolId, long studentId) {
    List<PriorSchool> prior = new java.util.ArrayList<>();
    Optional<People.Origin> origin = people.origin(schoolId, studentId);
    // A chain of moves, followed back; bounded in case of a cycle in bad data.
    for (int i = 0; i < 20 && origin.isPresent(); i++) {
      People.Origin o = origin.get();
      prior.add(
          new PriorSchool(
              o.schoolId(),
              org.school(o.schoolId()).map(vn.truongso.org.School::name).orElse(""),
              registerEntry(o.schoolId(), o.studentId()).orElse(null),
              history(o.schoolId(), o.studentId())));
      origin = people.origin(o.schoolId(), o.studentId());
    }
    return prior;
  }

  // ---- Class-size changes

  private static final String KINH = "01";

  @Override
  @Transactional(readOnly = true)
  public List<SizeChange> sizeChanges(
      long schoolId, int startYear, LocalDate first, LocalDate last) {
    String[] metrics = {
      "e.starts_on <= :first AND (e.ends_on IS NULL OR e.ends_on >= :first)",
      "e.starts_on > :first AND e.starts_on <= :last",
      "e.ends_on >= :first AND e.ends_on < :last AND e.end_reason IN ('TRANSFER_OUT', 'CLASS_CHANGE')",
      "e.ends_on >= :first AND e.ends_on < :last AND e.end_reason = 'DROP_OUT'",
      "e.starts_on <= :last AND (e.ends_on IS NULL OR e.ends_on >= :last)"
    };
    String[] groups = {
      "true",
      "s.sex = 'F'",
      "s.ethnicity_code <> :kinh",
      "s.sex = 'F' AND s.ethnicity_code <> :kinh"
    };
    StringBuilder columns = new StringBuilder();
    for (String m : metrics) {
      for (String g : groups) {
        columns
            .append(", count(s.id) FILTER (WHERE ")
            .append(m)
            .append(" AND ")
            .append(g)
            .append(")");
      }
    }
    return jdbc.sql(
            "SELECT c.id, c.name, c.grade"
                + columns
                + """
                 FROM school_class c
                LEFT JOIN enrolment e ON e.school_id = c.school_id AND e.class_id = c.id
                LEFT JOIN student s ON s.school_id = e.school_id AND s.id = e.student_id
                WHERE c.school_id = :school AND c.start_year = :year
                GROUP BY c.id, c.name, c.grade ORDER BY c.grade, c.name
                """)
        .param("school", schoolId)
        .param("year", startYear)
        .param("first", first)
        .param("last", last)
        .param("kinh", KINH)
        .query(
            (rs, n) -> {
              SizeCounts[] counts = new SizeCounts[metrics.length];
              for (int m = 0; m < metrics.length; m++) {
                int base = 4 + m * 4;
                counts[m] =
                    new SizeCounts(
                        rs.getInt(base),
                        rs.getInt(base + 1),
                        rs.getInt(base + 2),
                        rs.getInt(base + 3));
              }
              return new SizeChange(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  counts[0],
                  counts[1],
                  counts[2],
                  counts[3],
                  counts[4]);
            })
        .list();
  }

  // ---- Year roll-over

  @Override
  @Transactional(readOnly = true)
  public RollOverPlan planRollOver(long schoolId, int fromYear, java.util.Set<Long> repeaters) {
    vn.truongso.org.SchoolYear from =
        org.years(schoolId).stream()
            .filter(y -> y.startYear() == fromYear)
            .findFirst()
            .orElseThrow(() -> new UserInputException("fromYear", "rollOver.noYear"));
    java.util.Optional<vn.truongso.org.SchoolYear> next =
        org.years(schoolId).stream().filter(y -> y.startYear() == fromYear + 1).findFirst();
    LocalDate firstDay =
        next.map(vn.truongso.org.SchoolYear::startsOn).orElse(from.startsOn().plusYears(1));
    int lastGrade =
        org.school(schoolId).orElseThrow().levels().stream()
            .mapToInt(vn.truongso.org.SchoolLevel::lastGrade)
            .max()
            .orElse(12);
    List<ClassMove> moves = new java.util.ArrayList<>();
    for (SchoolClass c : classes(schoolId, fromYear)) {
      String promotedName = RollOverRules.advancedName(c.name(), c.grade()).orElse(null);
      List<StudentMove> students = new java.util.ArrayList<>();
      if (promotedName != null) {
        for (People.Student st : roster(schoolId, c.id(), from.endsOn())) {
          RollOverRules.Decision d =
              RollOverRules.decide(c.grade(), lastGrade, !repeaters.contains(st.id()));
          String to =
              switch (d) {
                case PROMOTE -> promotedName;
                case REPEAT -> c.name();
                case COMPLETE -> null;
              };
          students.add(new StudentMove(st, d, to));
        }
      }
      moves.add(new ClassMove(c, promotedName, List.copyOf(students)));
    }
    return new RollOverPlan(
        fromYear, fromYear + 1, from.endsOn(), firstDay, next.isPresent(), List.copyOf(moves));
  }

  @Override
  public RollOverPlan rollOver(long schoolId, int fromYear, java.util.Set<Long> repeaters) {
    RollOverPlan plan = planRollOver(schoolId, fromYear, repeaters);
    boolean done =
        !jdbc.sql(
                """
                SELECT 1 FROM enrolment e JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
                WHERE e.school_id = ? AND c.start_year = ? AND e.start_reason IN ('PROMOTION', 'REPEAT')
                LIMIT 1
                """)
            .params(schoolId, plan.toYear())
            .query((rs, n) -> 1)
            .list()
            .isEmpty();
    if (done) {
      throw new UserInputException("fromYear", "rollOver.done", plan.toYear());
    }
    if (!plan.nextYearExists()) {
      createNextYear(schoolId, fromYear);
    }
    Map<String, Long> nextClasses = new java.util.HashMap<>();
    classes(schoolId, plan.toYear()).forEach(c -> nextClasses.put(c.name(), c.id()));
    for (ClassMove move : plan.classes()) {
      SchoolClass c = move.from();
      for (StudentMove st : move.students()) {
        long studentId = st.student().id();
        Current current =
            jdbc.sql(
                    "SELECT id, class_id, starts_on FROM enrolment WHERE school_id = ? AND student_id = ?"
                        + " AND class_id = ? AND ends_on IS NULL")
                .params(schoolId, studentId, c.id())
                .query(
                    (rs, n) ->
                        new Current(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
                .optional()
                .orElse(null);
        if (current == null) {
          continue; // left on the last day itself: nothing to carry over
        }
        if (st.decision() == RollOverRules.Decision.COMPLETE) {
          close(schoolId, current, plan.lastDay().plusDays(1), "COMPLETED", null);
          leave(schoolId, studentId, plan.lastDay(), "COMPLETED", null, null);
          continue;
        }
        close(schoolId, current, plan.lastDay().plusDays(1), "YEAR_END", null);
        boolean promoted = st.decision() == RollOverRules.Decision.PROMOTE;
        long target =
            nextClasses.computeIfAbsent(
                st.toClass(),
                name ->
                    createClass(
                        schoolId,
                        new NewClass(
                            plan.toYear(),
                            promoted ? c.grade() + 1 : c.grade(),
                            name,
                            promoted ? c.homeroomStaffId() : null,
                            c.room(),
                            c.shift())));
        start(
            schoolId, target, studentId, plan.firstDay(), promoted ? "PROMOTION" : "REPEAT", null);
      }
    }
    org.makeCurrent(schoolId, plan.toYear());
    audit.record(
        AuditEvent.of(schoolId, "enrolment.rollOver", "school_year", plan.toYear())
            .after(
                Map.of(
                    "from", fromYear,
                    "promoted", plan.count(RollOverRules.Decision.PROMOTE),
                    "repeating", plan.count(RollOverRules.Decision.REPEAT),
                    "completed", plan.count(RollOverRules.Decision.COMPLETE))));
    return plan;
  }

  /** The next year on the same calendar a year later; the leaders adjust it on the school page. */
  private void createNextYear(long schoolId, int fromYear) {
    vn.truongso.org.SchoolYear y =
        org.years(schoolId).stream()
            .filter(x -> x.startYear() == fromYear)
            .findFirst()
            .orElseThrow();
    int term1Weeks = (int) y.weeks().stream().filter(w -> w.term() == 1).count();
    int term2Weeks = (int) y.weeks().stream().filter(w -> w.term() == 2).count();
    org.createSchoolYear(
        schoolId,
        new vn.truongso.org.Organisation.YearPlan(
            fromYear + 1,
            y.startsOn().plusYears(1),
            y.term1EndsOn().plusYears(1),
            y.term2StartsOn().plusYears(1),
            y.endsOn().plusYears(1),
            term1Weeks,
            term2Weeks,
            List.of()));
  }

  // ---- ScopeDirectory: classes and students for role pickers in identity

  @Override
  @Transactional(readOnly = true)
  public List<Option> classOptions(long schoolId, int startYear) {
    return classes(schoolId, startYear).stream()
        .map(c -> new Option(Long.toString(c.id()), c.name()))
        .toList();
  }

  @Override
  public List<Option> subjectOptions(long schoolId) {
    return List.of();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean classBelongs(long schoolId, long classId, Integer startYear) {
    return schoolClass(schoolId, classId)
        .filter(c -> startYear == null || c.startYear() == startYear)
        .isPresent();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean studentBelongs(long schoolId, long studentId) {
    return people.student(schoolId, studentId).isPresent();
  }

  private static SchoolClass map(ResultSet rs, int n) throws SQLException {
    String shift = rs.getString("shift");
    String homeroom = rs.getString("homeroom_name");
    return new SchoolClass(
        rs.getLong("school_id"),
        rs.getLong("id"),
        rs.getInt("start_year"),
        rs.getInt("grade"),
        rs.getString("name"),
        rs.getObject("homeroom_staff_id", Long.class),
        homeroom == null ? null : homeroom.replaceAll("\\s+", " "),
        rs.getString("room"),
        shift == null ? null : Shift.valueOf(shift),
        rs.getInt("size"));
  }
}
