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
  private final AuditLog audit;

  HocBaExports(
      HocBaRecords records, HocBaXml xml, HocBaPackage packages, HocBaPrint print, AuditLog audit) {
    this.records = records;
    this.xml = xml;
    this.packages = packages;
    this.print = print;
    this.audit = audit;
  }

  /** The formats a student's year leaves in: its XML, or the printed pages with the XML inside. */
  public enum Format {
    XML,
    PDF
  }

  /** A file to download. */
  public record Export(String fileName, byte[] body) {}

  /** A student's document; empty while the year gives no records (the page says why). */
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
              return format == Format.XML
                  ? new Export(HocBaPackage.fileName(one), xml.current(one))
                  : new Export(HocBaPackage.fileName(one).replace(".xml", ".pdf"), print.pdf(one));
            });
  }

  /** The class's package; empty while the year gives no records. */
  @Transactional
  public Optional<Export> classPackage(long schoolId, long classId) {
    return approved(schoolId, classId)
        .map(
            r -> {
              exported(schoolId, classId, "class");
              return new Export(
                  "hocba-" + r.year().className() + "-" + r.year().startYear() + ".zip",
                  packages.zip(r));
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
