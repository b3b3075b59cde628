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
 * The class book (sổ theo dõi và đánh giá học sinh theo lớp học, TT22 annex) as archival PDF/A-3b,
 * page by page as docs/domain/official-books.md lays it out. Printable at any time by whoever keeps
 * the class's books; before the principal approves the year the cover says it is a draft. Each
 * download is in the audit log with the print, since the book carries the students' personal data.
 */
@Service
public class ClassBookPrint {

  private final ClassBookReader reader;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final AuditLog audit;

  ClassBookPrint(ClassBookReader reader, ITemplateEngine templates, Pdf pdf, AuditLog audit) {
    this.reader = reader;
    this.templates = templates;
    this.pdf = pdf;
    this.audit = audit;
  }

  /** A file to download. */
  public record Printed(String fileName, byte[] body) {}

  /**
   * @throws org.springframework.security.access.AccessDeniedException for a user who keeps no book
   *     of the class
   * @throws vn.truongso.platform.UserInputException for a class that keeps no such book
   */
  @Transactional
  public Printed print(long schoolId, long classId) {
    ClassBookModel book = reader.read(schoolId, classId);
    byte[] body = pdf(book);
    audit.record(
        AuditEvent.of(
            schoolId,
            "records.classbook.printed",
            "classbook",
            classId + "/" + (book.head().approved() ? "approved" : "draft")));
    return new Printed(
        "so-theo-doi-" + book.head().className() + "-" + book.head().startYear() + ".pdf", body);
  }

  /** The pages of a book already read (no audit: the caller's print is the one audited). */
  public byte[] pdf(ClassBookModel book) {
    return pdf.fromXhtml(xhtml(book));
  }

  /** The pages as the XHTML the PDF is rendered from. */
  public String xhtml(ClassBookModel book) {
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("b", book);
    context.setVariable("levels", ClassBookModel.LEVELS);
    return templates.process("records/classbook-print", context);
  }
}
