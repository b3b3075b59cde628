package vn.truongso.corrections.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.corrections.Detail;
import vn.truongso.corrections.Request;
import vn.truongso.org.School;
import vn.truongso.platform.Pdf;

/**
 * The minutes of a correction carried out (biên bản sửa chữa điểm, DH-SD art. 5.2): the cells
 * before and after, the request, the approval, the evidence with its hashes, and the lines the
 * principal, the data administrator and the teacher sign.
 */
@Component
public class Minutes {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private final ITemplateEngine templates;
  private final Pdf pdf;

  Minutes(ITemplateEngine templates, Pdf pdf) {
    this.templates = templates;
    this.pdf = pdf;
  }

  public byte[] pdf(School school, Detail d) {
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("school", school);
    context.setVariable("d", d);
    Request r = d.request();
    context.setVariable("filedAt", moment(r.filedAt()));
    context.setVariable("decidedAt", moment(r.decidedAt()));
    context.setVariable("carriedOutAt", moment(r.endedAt()));
    return pdf.fromXhtml(templates.process("corrections/minutes", context));
  }

  private static String moment(Instant i) {
    return i == null ? "" : MOMENT.format(i.atZone(VIETNAM));
  }
}
