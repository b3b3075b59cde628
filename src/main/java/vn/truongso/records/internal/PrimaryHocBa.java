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
  private final HocBaVersions versions;
  private final HocBaRecords people;
  private final Organisation org;
  private final PrimaryHocBaXml xml;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final AuditLog audit;
  private final Clock clock;
  private final String publicUrl;

  PrimaryHocBa(
      PrimaryRecords records,
      HocBaVersions versions,
      HocBaRecords people,
      Organisation org,
      PrimaryHocBaXml xml,
      ITemplateEngine templates,
      Pdf pdf,
      AuditLog audit,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${truongso.public-url}")
          String publicUrl) {
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.records = records;
    this.versions = versions;
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

  /**
   * A pupil's documents of the class's year as they would be signed: the XML made at {@code
   * madeAt}, the PDF with it inside, and the fingerprint of the values alone (the XML made at a
   * fixed time), which tells whether a signed version still says what the book says. No audit: the
   * signing that calls it records what it signed.
   */
  record Documents(byte[] xml, byte[] pdf, String fingerprint) {}

  Documents documents(long schoolId, long classId, long studentId, java.time.Instant madeAt) {
    Parts p = parts(schoolId, classId, studentId);
    byte[] data = xml.write(p.student(), p.current(), madeAt);
    byte[] body =
        pdf.attach(
            render(p),
            "hocba-so.xml",
            "application/xml",
            data,
            "hocbaso XML " + PrimaryHocBaXml.NAMESPACE,
            "Data",
            madeAt);
    String fingerprint =
        vn.truongso.platform.Sha256.hex(
            xml.write(p.student(), p.current(), java.time.Instant.EPOCH));
    return new Documents(data, body, fingerprint);
  }

  /** The fingerprint of a pupil's year alone (no PDF made), as {@link #documents} gives it. */
  String fingerprint(long schoolId, long classId, long studentId) {
    Parts p = parts(schoolId, classId, studentId);
    return vn.truongso.platform.Sha256.hex(
        xml.write(p.student(), p.current(), java.time.Instant.EPOCH));
  }

  /** Where a reader checks a year's page: the public page of that year's fingerprint. */
  public record Verify(String link, String qr) {}

  private byte[] render(Parts p) {
    Map<Integer, Verify> verify = new java.util.HashMap<>();
    for (PrimaryRecords.Year y : p.years()) {
      String link =
          publicUrl
              + "/verify/"
              + vn.truongso.platform.Sha256.hex(xml.write(p.student(), y, java.time.Instant.EPOCH));
      verify.put(y.startYear(), new Verify(link, QrImage.dataUri(link)));
    }
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("verify", verify);
    context.setVariable("s", p.student());
    context.setVariable("years", p.years());
    context.setVariable("school", p.school());
    LocalDate today = LocalDate.now(clock);
    context.setVariable("day", today.getDayOfMonth());
    context.setVariable("month", today.getMonthValue());
    context.setVariable("year", today.getYear());
    return pdf.fromXhtml(templates.process("records/hocba-primary-print", context));
  }

  @Transactional
  public Printed pdf(long schoolId, long classId, long studentId) {
    Parts p = parts(schoolId, classId, studentId);
    byte[] data = xml.write(p.student(), p.current(), clock.instant());
    byte[] body =
        pdf.attach(
            render(p),
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

  /** The pupils' names, for the class's signing page (the caller has the class's status). */
  public Map<Long, String> names(long schoolId, java.util.Collection<Long> pupils) {
    Map<Long, String> out = new java.util.LinkedHashMap<>();
    people
        .details(schoolId, List.copyOf(pupils))
        .forEach((id, d) -> out.put(id, d.student().name().full()));
    return out;
  }

  /**
   * The sealed version of a pupil's year (what the school published), audited.
   *
   * @throws NotFoundException while none is sealed
   */
  @Transactional
  public Printed published(long schoolId, long classId, long studentId) {
    Parts p = parts(schoolId, classId, studentId);
    HocBaVersions.Documents d =
        versions
            .published(schoolId, studentId, p.current().startYear())
            .orElseThrow(() -> new NotFoundException("no sealed record"));
    audit.record(
        AuditEvent.of(schoolId, "records.hocba.primary.published", "student", studentId)
            .after(Map.of("class", classId, "version", d.version())));
    return new Printed("hoc-ba-tieu-hoc-" + studentId + "-v" + d.version() + ".pdf", d.pdf());
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
