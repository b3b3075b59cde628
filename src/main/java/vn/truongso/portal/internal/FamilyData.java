package vn.truongso.portal.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Formats;
import vn.truongso.platform.Pdf;

/**
 * A child's data as the family may take it away (Law 91/2025 on personal data protection: the data
 * subject's right to a copy): who the child is, the published results, attendance, the absence
 * requests, who of the staff viewed the record, and the consent given; as JSON for a machine and as
 * a PDF for a person. Each download is logged.
 */
@Service
public class FamilyData {

  private final Family family;
  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final Formats fmt;
  private final AuditLog audit;
  private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

  FamilyData(Family family, ITemplateEngine templates, Pdf pdf, Formats fmt, AuditLog audit) {
    this.family = family;
    this.templates = templates;
    this.pdf = pdf;
    this.fmt = fmt;
    this.audit = audit;
  }

  @Transactional
  public byte[] json(long accountId, long schoolId, long studentId) {
    Family.ChildPage p = family.page(accountId, schoolId, studentId);
    Map<String, Object> out = new LinkedHashMap<>();
    var s = p.child().student();
    out.put(
        "student",
        Map.of(
            "fullName", s.name().full(),
            "birthDate", s.birthDate().toString(),
            "sex", s.sex().name(),
            "studentCode", s.studentCode() == null ? "" : s.studentCode(),
            "className", p.child().className(),
            "school", p.child().school().name()));
    out.put("results", p.year() == null ? Map.of() : p.year());
    out.put("attendance", p.marks());
    out.put("absenceRequests", p.requests());
    out.put("viewsByStaff", p.views());
    out.put("consent", p.consent() == null ? Map.of() : p.consent());
    out.put("exportedAt", p.loadedAt().toString());
    logged(schoolId, studentId, "json");
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
  }

  @Transactional
  public byte[] pdf(long accountId, long schoolId, long studentId, java.util.Locale locale) {
    Family.ChildPage p = family.page(accountId, schoolId, studentId);
    Context context = new Context(locale);
    context.setVariable("p", p);
    context.setVariable("fmt", fmt);
    byte[] body = pdf.fromXhtml(templates.process("portal/data-print", context));
    logged(schoolId, studentId, "pdf");
    return body;
  }

  private void logged(long schoolId, long studentId, String format) {
    audit.record(
        AuditEvent.of(schoolId, "portal.data.download", "student", studentId)
            .after(Map.of("format", format)));
  }
}
