package vn.truongso.records.internal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.UserInputException;

/**
 * The học bạ số leaving TruongSo: a student's document or the class's package, each download in the
 * audit log with the export in one transaction, since it carries the students' personal data.
 */
@Service
public class HocBaExports {

  private final HocBaRecords records;
  private final HocBaXml xml;
  private final HocBaPackage packages;
  private final HocBaPrint print;
  private final HocBaVersions versions;
  private final AuditLog audit;

  HocBaExports(
      HocBaRecords records,
      HocBaXml xml,
      HocBaPackage packages,
      HocBaPrint print,
      HocBaVersions versions,
      AuditLog audit) {
    this.records = records;
    this.xml = xml;
    this.packages = packages;
    this.print = print;
    this.versions = versions;
    this.audit = audit;
  }

  /** The formats a student's year leaves in: its XML, or the printed pages with the XML inside. */
  public enum Format {
    XML,
    PDF
  }

  /** A file to download. */
  public record Export(String fileName, byte[] body) {}

  /**
   * A student's document: the published one (signed and sealed) once there is one, before that the
   * unsigned draft the homeroom teacher reviews; empty while the year gives no records (the page
   * says why).
   */
  @Transactional
  public Optional<Export> student(long schoolId, long classId, long studentId, Format format) {
    return approved(schoolId, classId)
        .map(
            r -> {
              StudentYearRecord one = r.records().get(studentId);
              if (one == null) {
                throw new NotFoundException("hocba");
              }
              exported(schoolId, classId, studentId + "/" + format);
              var published = versions.published(schoolId, studentId, r.year().startYear());
              if (format == Format.XML) {
                return new Export(
                    HocBaPackage.fileName(one),
                    published.map(HocBaVersions.Documents::xml).orElseGet(() -> xml.current(one)));
              }
              return new Export(
                  HocBaPackage.pdfName(one),
                  published.map(HocBaVersions.Documents::pdf).orElseGet(() -> print.pdf(one)));
            });
  }

  /** The class's package of published records; empty while none is published. */
  @Transactional
  public Optional<Export> classPackage(long schoolId, long classId) {
    return approved(schoolId, classId)
        .flatMap(
            r -> {
              var published = versions.publishedOfClass(schoolId, classId, r.year().startYear());
              if (published.isEmpty()) {
                return Optional.empty();
              }
              exported(schoolId, classId, "class");
              return Optional.of(
                  new Export(
                      "hocba-" + r.year().className() + "-" + r.year().startYear() + ".zip",
                      packages.zip(r, published)));
            });
  }

  private Optional<HocBaRecords.ClassRecords> approved(long schoolId, long classId) {
    try {
      return Optional.of(records.ofClass(schoolId, classId));
    } catch (UserInputException e) {
      return Optional.empty();
    }
  }

  private void exported(long schoolId, long classId, String what) {
    audit.record(AuditEvent.of(schoolId, "records.hocba.exported", "hocba", classId + "/" + what));
  }
}
