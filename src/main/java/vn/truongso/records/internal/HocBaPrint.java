package vn.truongso.records.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Score;
import vn.truongso.platform.Pdf;
import vn.truongso.records.internal.StudentYearRecord.Subject;

/**
 * A student's year of the học bạ THCS/THPT (TT22 annex) as archival PDF/A-3b: the subject page and
 * the summary page (docs/domain/official-books.md) with the student, class, school and place
 * repeated at the top of every page (SL-CV), and the year's học bạ số XML embedded in it, so that
 * the printed page and its data are one file. Every page carries a QR code and the link to the
 * public verification page of the record's fingerprint (docs/domain/hocba-so.md).
 */
@Service
public class HocBaPrint {

  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final HocBaXml xml;
  private final String publicUrl;

  HocBaPrint(
      ITemplateEngine templates,
      Pdf pdf,
      HocBaXml xml,
      @Value("${truongso.public-url}") String publicUrl) {
    this.templates = templates;
    this.pdf = pdf;
    this.xml = xml;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /**
   * Where a reader of the printed page checks it: the public page of the record's fingerprint,
   * which says whether that record was signed and sealed and whether a newer version replaced it.
   */
  public String verifyLink(StudentYearRecord r) {
    return publicUrl + "/verify/" + xml.fingerprint(r);
  }

  /** The levels the summary page prints, by period. */
  public record Levels(
      @Nullable Level conduct1,
      @Nullable Level learning1,
      @Nullable Level conduct2,
      @Nullable Level learning2,
      @Nullable Level conductYear,
      @Nullable Level learningYear,
      @Nullable Level conductAfter,
      @Nullable Level learningAfter) {}

  public byte[] pdf(StudentYearRecord r) {
    byte[] data = xml.current(r);
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("r", r);
    context.setVariable("marks", marks(r));
    String link = verifyLink(r);
    context.setVariable("verifyLink", link);
    context.setVariable("verifyQr", QrImage.dataUri(link));
    var learning = r.year().learning();
    var conduct = r.year().conduct();
    context.setVariable(
        "levels",
        new Levels(
            conduct.term1(),
            learning.term1(),
            conduct.term2(),
            learning.term2(),
            conduct.year(),
            learning.year(),
            conduct.afterSummer(),
            learning.afterSummer()));
    byte[] page = pdf.fromXhtml(templates.process("records/hocba-print", context));
    return pdf.attach(
        page,
        HocBaPackage.fileName(r),
        "application/xml",
        data,
        "hocbaso XML " + HocBaXmlV1.NAMESPACE,
        "Source",
        r.madeAt());
  }

  /**
   * Each subject's four cells (terms, year, re-assessment): a score with a decimal comma as the
   * book writes it (docs/domain/official-books.md), a comment's enum name for the page to
   * translate, or empty.
   */
  static Map<String, List<String>> marks(StudentYearRecord r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Subject s : r.year().subjects()) {
      out.put(
          s.code(), List.of(text(s.term1()), text(s.term2()), text(s.year()), text(s.retest())));
    }
    return out;
  }

  /** A mark as the books write it: a score with a decimal comma, a comment's name, or empty. */
  static String text(@Nullable Mark m) {
    return switch (m) {
      case null -> "";
      case Score s -> decimalComma(s.value());
      case Comment c -> c.name();
    };
  }

  private static String decimalComma(BigDecimal v) {
    return v.toPlainString().replace('.', ',');
  }
}
