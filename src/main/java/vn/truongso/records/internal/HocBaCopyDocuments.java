package vn.truongso.records.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;

/**
 * The two documents of an issued copy, printed again as often as asked, always the same numbers and
 * date (each print is audited).
 */
@Service
public class HocBaCopyDocuments {

  private final HocBaCopies copies;
  private final HocBaCopyPrint print;
  private final AuditLog audit;

  HocBaCopyDocuments(HocBaCopies copies, HocBaCopyPrint print, AuditLog audit) {
    this.copies = copies;
    this.print = print;
    this.audit = audit;
  }

  @Transactional
  public HocBaExports.Export copy(long schoolId, long id) {
    HocBaCopies.Row row = copies.issued(schoolId, id);
    byte[] body = print.copy(schoolId, row, print.years(schoolId, row.student().id()));
    audit.record(AuditEvent.of(schoolId, "records.copy.printed", "hocba_copy_request", id));
    return new HocBaExports.Export(name("ban-sao-hoc-ba", row), body);
  }

  @Transactional
  public HocBaExports.Export minutes(long schoolId, long id) {
    HocBaCopies.Row row = copies.issued(schoolId, id);
    byte[] application = copies.application(schoolId, id).orElse(new byte[0]);
    byte[] body =
        print.minutes(schoolId, row, print.years(schoolId, row.student().id()), application);
    audit.record(AuditEvent.of(schoolId, "records.copy.minutesPrinted", "hocba_copy_request", id));
    return new HocBaExports.Export(name("bien-ban-cap-ban-sao", row), body);
  }

  private static String name(String what, HocBaCopies.Row row) {
    return what + "-" + row.request().number() + "-" + row.request().numberYear() + ".pdf";
  }
}
