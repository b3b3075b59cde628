package vn.truongso.enrolment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.Sex;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.TextFold;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.xlsx.XlsxRows;

/**
 * Importing a class list from Excel in three steps: upload (the file is kept for a day), mapping
 * and preview (every row checked, nothing written), import of the valid rows only, in one
 * transaction. The office, the data administrator and the school's leaders may (ENROL_STUDENTS).
 */
@Service
public class ClassListImport {

  /** The header plus 5 000 students: a whole school's list in one file. */
  public static final int MAX_ROWS = 5_001;

  private final JdbcClient jdbc;
  private final People people;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Clock clock;

  ClassListImport(
      JdbcClient jdbc,
      People people,
      Classes classes,
      Organisation org,
      Authorization authorization,
      AuditLog audit,
      MessageSource messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.people = people;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** The uploaded file's header, the mapping in use, and each data row's result. */
  public record Preview(
      UUID uploadId,
      String fileName,
      List<String> headers,
      Map<ImportColumn, Integer> mapping,
      java.util.Set<ImportColumn> missing,
      List<ClassListCheck.RowResult> rows) {
    public long validCount() {
      return rows.stream().filter(ClassListCheck.RowResult::valid).count();
    }

    public long invalidCount() {
      return rows.size() - validCount();
    }
  }

  public boolean mayImport(long schoolId) {
    return authorization.permits(Action.ENROL_STUDENTS, Target.school(schoolId));
  }

  public Classes.SchoolClass requireClass(long schoolId, long classId) {
    if (!mayImport(schoolId)) {
      throw new NotFoundException("class");
    }
    return classes.schoolClass(schoolId, classId).orElseThrow(() -> new NotFoundException("class"));
  }

  /** Reads the file once to refuse what cannot be imported, then keeps it for the next steps. */
  @Transactional
  public UUID upload(long schoolId, long classId, long accountId, String fileName, byte[] file) {
    requireClass(schoolId, classId);
    List<XlsxRows.Row> rows = XlsxRows.read(file, MAX_ROWS);
    if (rows.size() < 2) {
      throw new UserInputException("file", "import.noRows");
    }
    Instant now = clock.instant();
    jdbc.sql("DELETE FROM import_upload WHERE created_at < ?")
        .param(java.sql.Timestamp.from(now.minus(1, ChronoUnit.DAYS)))
        .update();
    UUID id = UUID.randomUUID();
    String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : fileName.strip();
    jdbc.sql(
            "INSERT INTO import_upload (id, school_id, class_id, account_id, file_name, content,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            schoolId,
            classId,
            accountId,
            name.length() > 255 ? name.substring(0, 255) : name,
            file,
            java.sql.Timestamp.from(now))
        .update();
    return id;
  }

  /** Checks every row against the mapping (guessed from the headers when none is given). */
  @Transactional(readOnly = true)
  public Preview preview(
      long schoolId,
      long classId,
      long accountId,
      UUID uploadId,
      Map<ImportColumn, Integer> chosen) {
    requireClass(schoolId, classId);
    Upload upload = load(schoolId, classId, accountId, uploadId);
    List<XlsxRows.Row> rows = XlsxRows.read(upload.content(), MAX_ROWS);
    XlsxRows.Row header = rows.getFirst();
    Map<ImportColumn, Integer> mapping =
        chosen == null ? ImportColumn.guess(header, headerLabels()) : clean(chosen, header);
    List<XlsxRows.Row> data = rows.subList(1, rows.size());
    java.util.Set<ImportColumn> missing = ClassListCheck.missing(mapping);
    List<ClassListCheck.RowResult> results =
        missing.isEmpty()
            ? ClassListCheck.check(data, mapping, lookups(schoolId, data, mapping), today())
            : List.of();
    return new Preview(uploadId, upload.fileName(), header.cells(), mapping, missing, results);
  }

  /**
   * Imports the rows that pass, enrolling each in the class; the others are left for the user to
   * correct. Checked again here: another user may have added one of these students meanwhile.
   *
   * @return how many students were added
   */
  @Transactional
  public int importValidRows(
      long schoolId,
      long classId,
      long accountId,
      UUID uploadId,
      Map<ImportColumn, Integer> chosen) {
    Classes.SchoolClass schoolClass = requireClass(schoolId, classId);
    Preview preview = preview(schoolId, classId, accountId, uploadId, chosen);
    if (!preview.missing().isEmpty()) {
      throw new UserInputException("mapping", "import.mappingIncomplete");
    }
    LocalDate from = enrolmentDate(schoolId, schoolClass);
    List<Long> added = new ArrayList<>();
    for (ClassListCheck.RowResult row : preview.rows()) {
      if (!row.valid()) {
        continue;
      }
      ClassListCheck.Candidate c = row.candidate();
      long studentId = people.addStudent(schoolId, c.update());
      link(schoolId, studentId, c.father(), People.Relation.FATHER);
      link(schoolId, studentId, c.mother(), People.Relation.MOTHER);
      classes.enrol(schoolId, classId, studentId, from);
      added.add(studentId);
    }
    jdbc.sql("DELETE FROM import_upload WHERE id = ?").param(uploadId).update();
    audit.record(
        AuditEvent.of(schoolId, "enrolment.import", "class", classId)
            .after(
                Map.of(
                    "file", preview.fileName(),
                    "added", added.size(),
                    "skipped", preview.invalidCount(),
                    "studentIds", added)));
    return added.size();
  }

  private void link(
      long schoolId, long studentId, ClassListCheck.GuardianInfo g, People.Relation relation) {
    if (g == null) {
      return;
    }
    Long guardianId =
        g.phone() == null
            ? null
            : people.guardianByPhone(schoolId, g.phone(), g.name()).orElse(null);
    if (guardianId == null) {
      guardianId =
          people.addGuardian(
              schoolId, new People.NewGuardian(g.name(), null, null, g.phone(), null));
    }
    people.linkGuardian(schoolId, studentId, guardianId, relation);
  }

  /** Today, or the first day of the class's year when the year has not begun. */
  private LocalDate enrolmentDate(long schoolId, Classes.SchoolClass c) {
    LocalDate today = today();
    return org.years(schoolId).stream()
        .filter(y -> y.startYear() == c.startYear())
        .map(SchoolYear::startsOn)
        .filter(start -> start.isAfter(today))
        .findFirst()
        .orElse(today);
  }

  private Map<String, ImportColumn> headerLabels() {
    Map<String, ImportColumn> labels = new HashMap<>();
    for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
      for (ImportColumn c : ImportColumn.values()) {
        labels.put(ImportColumn.normal(messages.getMessage(c.headerKey(), null, locale)), c);
      }
    }
    return labels;
  }

  private ClassListCheck.Lookups lookups(
      long schoolId, List<XlsxRows.Row> rows, Map<ImportColumn, Integer> mapping) {
    Map<String, String> ethnicity = new HashMap<>();
    for (People.Code e : people.ethnicGroups()) {
      ethnicity.put(e.code(), e.code());
      ethnicity.put(TextFold.fold(e.name()), e.code());
      ethnicity.put(TextFold.fold(e.name().replaceAll("\\s*\\(.*\\)", "")), e.code());
    }
    Map<String, Sex> sexes = new HashMap<>();
    Map<String, PolicyStatus> policies = new HashMap<>();
    for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
      for (Sex s : Sex.values()) {
        sexes.put(TextFold.fold(messages.getMessage("sex." + s, null, locale)), s);
      }
      for (PolicyStatus p : PolicyStatus.values()) {
        policies.put(TextFold.fold(messages.getMessage("policy." + p, null, locale)), p);
      }
    }
    sexes.put("m", Sex.M);
    sexes.put("f", Sex.F);
    Set<PersonalId> ids = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (XlsxRows.Row r : rows) {
      String id = cell(r, mapping, ImportColumn.PERSONAL_ID);
      if (!id.isEmpty()) {
        // Text that is not twelve digits after padding can be no one's number: nothing to look up.
        PersonalId.parse(id.length() < 12 ? "0".repeat(12 - id.length()) + id : id)
            .ifPresent(ids::add);
      }
      String code = cell(r, mapping, ImportColumn.STUDENT_CODE);
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    Set<String> nameBirth = new HashSet<>();
    for (People.Student s : people.studentsOf(schoolId)) {
      nameBirth.add(ClassListCheck.nameBirthKey(s.name(), s.birthDate()));
    }
    return new ClassListCheck.Lookups(
        ethnicity,
        sexes,
        policies,
        ids.isEmpty() ? Set.of() : people.personalIdsInUse(ids),
        codes.isEmpty() ? Set.of() : people.studentCodesInUse(codes),
        nameBirth);
  }

  private static String cell(XlsxRows.Row r, Map<ImportColumn, Integer> mapping, ImportColumn c) {
    Integer column = mapping.get(c);
    return column == null ? "" : r.cell(column).strip();
  }

  /** Drops choices that point outside the header, and a column chosen for two fields. */
  private static Map<ImportColumn, Integer> clean(
      Map<ImportColumn, Integer> chosen, XlsxRows.Row header) {
    Map<ImportColumn, Integer> mapping = new EnumMap<>(ImportColumn.class);
    Set<Integer> used = new HashSet<>();
    for (ImportColumn c : ImportColumn.values()) {
      Integer column = chosen.get(c);
      if (column != null && column >= 0 && column < header.cells().size() && used.add(column)) {
        mapping.put(c, column);
      }
    }
    return mapping;
  }

  private Upload load(long schoolId, long classId, long accountId, UUID uploadId) {
    return jdbc.sql(
            "SELECT file_name, content FROM import_upload"
                + " WHERE id = ? AND school_id = ? AND class_id = ? AND account_id = ?")
        .params(uploadId, schoolId, classId, accountId)
        .query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)))
        .optional()
        .orElseThrow(() -> new UserInputException("file", "import.uploadGone"));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private record Upload(String fileName, byte[] content) {}

  /** Keeps a stable, readable order of the headers for the mapping step. */
  public static Map<Integer, String> columnChoices(List<String> headers) {
    Map<Integer, String> choices = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      choices.put(
          i,
          XlsxRows.cellName(i, 1).replace("1", "")
              + (Objects.toString(headers.get(i), "").isBlank() ? "" : " — " + headers.get(i)));
    }
    return choices;
  }
}
