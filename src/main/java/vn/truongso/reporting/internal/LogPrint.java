package vn.truongso.reporting.internal;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import vn.truongso.org.School;
import vn.truongso.platform.Pdf;

/**
 * The correction log as the leaders print it for the monthly meeting: an archival PDF, landscape,
 * one section per teacher, with the lines the person who prints it and the principal sign.
 */
@Component
public class LogPrint {

  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final ApplicationContext beans;

  LogPrint(ITemplateEngine templates, Pdf pdf, ApplicationContext beans) {
    this.templates = templates;
    this.pdf = pdf;
    this.beans = beans;
  }

  public byte[] pdf(School school, int startYear, CorrectionLog.Log log, LocalDate printedOn) {
    Context context = new Context(Locale.forLanguageTag("vi"));
    // Outside a request: lets the template format dates with @fmt as the pages do.
    context.setVariable(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(beans, null));
    context.setVariable("school", school);
    context.setVariable("startYear", startYear);
    context.setVariable("log", log);
    context.setVariable("printedOn", printedOn);
    return pdf.fromXhtml(templates.process("reporting/changes-print", context));
  }
}
