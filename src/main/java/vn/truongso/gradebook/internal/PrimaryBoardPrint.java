package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Pdf;

/**
 * The class's Bảng tổng hợp kết quả đánh giá giáo dục printed at a point (KD-CSDL: "in ấn và bảo
 * quản sổ THKQGD cá nhân tại mỗi thời điểm GHK, CHK"), as archival PDF/A-3b: the school, the class
 * and the point, every pupil's line as the page shows it, the year-end columns at the end of the
 * year, and the homeroom teacher's and the principal's signature blocks (forms.md §3.3). Each print
 * is audited: the sheet carries the pupils' results.
 */
@Service
public class PrimaryBoardPrint {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final PrimaryBoard boards;
  private final Organisation org;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final AuditLog audit;
  private final Clock clock;

  PrimaryBoardPrint(
      PrimaryBoard boards,
      Organisation org,
      ITemplateEngine templates,
      Pdf pdf,
      AuditLog audit,
      Clock clock) {
    this.boards = boards;
    this.org = org;
    this.templates = templates;
    this.pdf = pdf;
    this.audit = audit;
    this.clock = clock;
  }

  /** A file to download. */
  public record Printed(String fileName, byte[] body) {}

  @Transactional
  public Printed print(long schoolId, long classId, PrimaryPoint point) {
    PrimaryBoard.Board board = boards.board(schoolId, classId, point);
    School school = org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
    byte[] body = pdf.fromXhtml(xhtml(board, school));
    audit.record(
        AuditEvent.of(schoolId, "gradebook.primary.printed", "school_class", classId)
            .after(java.util.Map.of("point", point.name(), "pupils", board.rows().size())));
    var c = board.schoolClass();
    return new Printed(
        "bang-tong-hop-" + c.name() + "-" + c.startYear() + "-" + point + ".pdf", body);
  }

  /** The sheet as the XHTML the PDF is rendered from. */
  String xhtml(PrimaryBoard.Board board, School school) {
    LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
    Context context = new Context(Locale.forLanguageTag("vi"));
    context.setVariable("board", board);
    context.setVariable("school", school);
    context.setVariable("day", today.getDayOfMonth());
    context.setVariable("month", today.getMonthValue());
    context.setVariable("year", today.getYear());
    return templates.process("gradebook/primary-board-print", context);
  }
}
