package vn.truongso.records.internal;

import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Pdf;

/**
 * The enrolment register (sổ đăng bộ) of a cohort as archival PDF/A-3b, laid out as
 * docs/domain/official-books.md says: printed at the start of each year once the students' data are
 * complete, and at the end of the course as the book that is bound and stamped (SL-CV). Each
 * download is in the audit log with the print, since the book carries the students' personal data.
 */
@Service
public class RegisterPrint {

  private final RegisterReader reader;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final AuditLog audit;

  RegisterPrint(RegisterReader reader, ITemplateEngine templates, Pdf pdf, AuditLog audit) {
    this.reader = reader;
    this.templates = templates;
    this.pdf = pdf;
    this.audit = audit;
  }

  /** A file to download. */
  public record Printed(String fileName, byte[] body) {}

  /**
   * The register of the students admitted in the school year starting in {@code startYear}, or in
   * the current one when null.
   *
   * @throws org.springframework.security.access.AccessDeniedException to a user who does not print
   *     the school's books
   * @throws vn.truongso.platform.NotFoundException for a year the school does not have
   */
  @Transactional
  public Printed print(long schoolId, @org.jspecify.annotations.Nullable Integer startYear) {
    int year = startYear == null ? reader.defaultYear(schoolId) : startYear;
    RegisterModel register = reader.read(schoolId, year);
    byte[] body = pdf(register);
    audit.record(
        AuditEvent.of(
            schoolId, "records.register.printed", "register", year + "/" + register.head().size()));
    return new Printed("so-dang-bo-" + year + "-" + (year + 1) + ".pdf", body);
  }

  /** The pages of a register already read (no audit: the caller's print is the one audited). */
  public byte[] pdf(RegisterModel register) {
    return pdf.fromXhtml(xhtml(register));
  }

  /** The pages as the XHTML the PDF is rendered from. */
  public String xhtml(RegisterModel register) {
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("r", register);
    return templates.process("records/register-print", context);
  }
}
