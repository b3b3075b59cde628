package vn.truongso.platform.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Command;

/** {@code verify-audit [--school CODE]}: recomputes the hash chains; exit 1 on the first break. */
@Component
class VerifyAuditCommand implements Command {

  private final AuditLog auditLog;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  VerifyAuditCommand(AuditLog auditLog, JdbcClient jdbc, MessageSource messages) {
    this.auditLog = auditLog;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String name() {
    return "verify-audit";
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Locale vi = Locale.forLanguageTag("vi");
    Long schoolId = null;
    int i = args.indexOf("--school");
    if (i >= 0) {
      if (i + 1 >= args.size()) {
        out.println(messages.getMessage("audit.verify.schoolMissing", null, vi));
        return 2;
      }
      String code = args.get(i + 1);
      schoolId =
          jdbc.sql("SELECT id FROM school WHERE code = ?")
              .param(code)
              .query(Long.class)
              .optional()
              .orElse(null);
      if (schoolId == null) {
        out.println(messages.getMessage("audit.verify.schoolUnknown", new Object[] {code}, vi));
        return 2;
      }
    }
    AuditLog.Verification v = auditLog.verify(schoolId);
    if (v.intact()) {
      out.println(messages.getMessage("audit.verify.ok", new Object[] {v.entriesChecked()}, vi));
      return 0;
    }
    AuditLog.Broken b = v.firstBroken().orElseThrow();
    out.println(
        messages.getMessage(
            "audit.verify.broken", new Object[] {b.schoolId(), b.seq(), b.problem()}, vi));
    return 1;
  }
}
