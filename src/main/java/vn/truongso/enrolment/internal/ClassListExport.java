package vn.truongso.enrolment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.people.PersonalId;
import vn.truongso.people.PolicyStatus;
import vn.truongso.people.Sex;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Formats;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/**
 * The empty class-list template, and a class's list with its personal data. Exporting needs its own
 * permission (EXPORT_PERSONAL_DATA) and every export is written to the audit log (Decree 356/2025:
 * children's data is sensitive).
 */
@Service
public class ClassListExport {

  private final Classes classes;
  private final People people;
  private final Authorization authorization;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Formats fmt;
  private final Clock clock;

  ClassListExport(
      Classes classes,
      People people,
      Authorization authorization,
      AuditLog audit,
      MessageSource messages,
      Formats fmt,
      Clock clock) {
    this.classes = classes;
    this.people = people;
    this.authorization = authorization;
    this.audit = audit;
    this.messages = messages;
    this.fmt = fmt;
    this.clock = clock;
  }

  public boolean mayExport(long schoolId) {
    return authorization.permits(Action.EXPORT_PERSONAL_DATA, Target.school(schoolId));
  }

  /** The empty template: anyone who may import a list may fetch it. */
  public byte[] template(long schoolId) {
    if (!authorization.permits(Action.ENROL_STUDENTS, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    return ClassListWorkbook.write(labels(), List.of());
  }

  /** The class's roster today, one row per student, in the template's columns. */
  @Transactional
  public byte[] export(long schoolId, long classId) {
    if (!mayExport(schoolId)) {
      throw new NotFoundException("class");
    }
    Classes.SchoolClass c =
        classes.schoolClass(schoolId, classId).orElseThrow(() -> new NotFoundException("class"));
    List<People.Student> roster = classes.roster(schoolId, classId, LocalDate.now(clock));
    Map<String, String> ethnicNames = new java.util.HashMap<>();
    people.ethnicGroups().forEach(e -> ethnicNames.put(e.code(), e.name()));
    List<List<String>> rows = new ArrayList<>();
    for (People.Student s : roster) {
      rows.add(row(schoolId, s, ethnicNames));
    }
    audit.record(
        AuditEvent.of(schoolId, "enrolment.export", "class", classId)
            .after(
                Map.of(
                    "class", c.name(),
                    "students", roster.size(),
                    "studentIds", roster.stream().map(People.Student::id).toList())));
    return ClassListWorkbook.write(labels(), rows);
  }

  private List<String> row(long schoolId, People.Student s, Map<String, String> ethnicNames) {
    People.StudentProfile p = people.profile(schoolId, s.id()).orElseThrow();
    List<People.Guardian> guardians = people.guardiansOf(schoolId, s.id());
    People.Guardian father = first(guardians, People.Relation.FATHER);
    People.Guardian mother = first(guardians, People.Relation.MOTHER);
    Locale locale = LocaleContextHolder.getLocale();
    List<String> values = new ArrayList<>();
    for (ImportColumn column : ImportColumn.template()) {
      values.add(
          switch (column) {
            case FULL_NAME -> s.name().full();
            case BIRTH_DATE -> fmt.date(s.birthDate());
            case SEX -> messages.getMessage("sex." + s.sex(), null, locale);
            case ETHNICITY -> ethnicNames.getOrDefault(s.ethnicityCode(), s.ethnicityCode());
            case PERSONAL_ID -> PersonalId.text(s.personalId());
            case STUDENT_CODE -> s.studentCode();
            case PLACE_OF_BIRTH -> p.placeOfBirth();
            case HOME_TOWN -> p.homeTown();
            case CURRENT_ADDRESS -> p.current() == null ? null : p.current().detail();
            case POLICY_STATUS ->
                p.policyStatus() == null
                    ? null
                    : messages.getMessage("policy." + p.policyStatus(), null, locale);
            case FATHER_NAME -> father == null ? null : father.fullName();
            case FATHER_PHONE -> father == null ? null : father.phone();
            case MOTHER_NAME -> mother == null ? null : mother.fullName();
            case MOTHER_PHONE -> mother == null ? null : mother.phone();
            case FAMILY_AND_MIDDLE, GIVEN_NAME -> null;
          });
    }
    return values;
  }

  private static People.Guardian first(List<People.Guardian> guardians, People.Relation r) {
    return guardians.stream().filter(g -> g.relation() == r).findFirst().orElse(null);
  }

  private ClassListWorkbook.Labels labels() {
    Locale locale = LocaleContextHolder.getLocale();
    return new ClassListWorkbook.Labels(
        messages.getMessage("import.sheetName", null, locale),
        c -> messages.getMessage(c.headerKey(), null, locale),
        Arrays.stream(Sex.values())
            .map(s -> messages.getMessage("sex." + s, null, locale))
            .toList(),
        people.ethnicGroups().stream().map(People.Code::name).toList(),
        Arrays.stream(PolicyStatus.values())
            .map(p -> messages.getMessage("policy." + p, null, locale))
            .toList());
  }
}
