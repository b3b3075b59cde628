package vn.truongso.records.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.gradebook.PrimaryRecords;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Pdf;

/**
 * The primary học bạ (TT27; forms.md §3.1) of a pupil as archival PDF/A-3b — the identity page, the
 * years of study, then a page per school year with the subjects, the qualities, the competencies,
 * the result, the commendation and the completion, and the principal's and the homeroom teacher's
 * blocks — with the class's year as học bạ số XML embedded; and that XML alone. Every download is
 * audited: the record carries the pupil's personal data.
 */
@Service
public class PrimaryHocBa {

  private final PrimaryRecords records;
  private final HocBaRecords people;
  private final Organisation org;
  private final PrimaryHocBaXml xml;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final AuditLog audit;
  private final Clock clock;

  PrimaryHocBa(
      PrimaryRecords records,
      HocBaRecords people,
      Organisation org,
      PrimaryHocBaXml xml,
      ITemplateEngine templates,
      Pdf pdf,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.people = people;
    this.org = org;
    this.xml = xml;
    this.templates = templates;
    this.pdf = pdf;
    this.audit = audit;
    this.clock = clock;
  }

  /** A file to download. */
  public record Printed(String fileName, byte[] body) {}

  @Transactional
  public Printed pdf(long schoolId, long classId, long studentId) {
    Parts p = parts(schoolId, classId, studentId);
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("s", p.student());
    context.setVariable("years", p.years());
    context.setVariable("school", p.school());
    LocalDate today = LocalDate.now(clock);
    context.setVariable("day", today.getDayOfMonth());
    context.setVariable("month", today.getMonthValue());
    context.setVariable("year", today.getYear());
    byte[] body = pdf.fromXhtml(templates.process("records/hocba-primary-print", context));
    byte[] data = xml.write(p.student(), p.current(), clock.instant());
    body =
        pdf.attach(
            body,
            "hocba-so.xml",
            "application/xml",
            data,
            "hocbaso XML " + PrimaryHocBaXml.NAMESPACE,
            "Data",
            clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "records.hocba.primary.printed", "student", studentId)
            .after(Map.of("class", classId, "years", p.years().size())));
    return new Printed("hoc-ba-tieu-hoc-" + studentId + ".pdf", body);
  }

  @Transactional
  public Printed xml(long schoolId, long classId, long studentId) {
    Parts p = parts(schoolId, classId, studentId);
    byte[] body = xml.write(p.student(), p.current(), clock.instant());
    audit.record(
        AuditEvent.of(schoolId, "records.hocba.primary.xml", "student", studentId)
            .after(Map.of("class", classId)));
    return new Printed("hoc-ba-so-" + studentId + "-" + p.current().startYear() + ".xml", body);
  }

  private record Parts(
      School school,
      StudentYearRecord.Student student,
      List<PrimaryRecords.Year> years,
      PrimaryRecords.Year current) {}

  private Parts parts(long schoolId, long classId, long studentId) {
    List<PrimaryRecords.Year> years = records.of(schoolId, classId, studentId);
    PrimaryRecords.Year current =
        years.stream()
            .filter(y -> y.classId() == classId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("year"));
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    HocBaRecords.StudentDetails d = people.details(schoolId, List.of(studentId)).get(studentId);
    if (d == null) {
      throw new NotFoundException("student " + studentId);
    }
    return new Parts(school, people.student(school, current.grade(), d), years, current);
  }
}
