package vn.truongso.kindergarten.web;

import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import vn.truongso.kindergarten.internal.kitchen.KitchenSheets;
import vn.truongso.org.School;
import vn.truongso.platform.Pdf;

/**
 * The day's kitchen sheets as the school prints and signs them: an archival PDF with the portion
 * sheet (sổ tính khẩu phần ăn), the ration against the norms, the market list by supplier, the
 * goods issued from the store, the day's balance, and the lines the cook, the accountant and the
 * principal sign.
 */
@Component
class SheetPrint {

  private final ITemplateEngine templates;
  private final Pdf pdf;
  private final ApplicationContext beans;

  SheetPrint(ITemplateEngine templates, Pdf pdf, ApplicationContext beans) {
    this.templates = templates;
    this.pdf = pdf;
    this.beans = beans;
  }

  byte[] pdf(School school, KitchenSheets.Sheet sheet) {
    Context context = new Context(Locale.forLanguageTag("vi"));
    // Outside a request: lets the template format numbers and dates with @fmt as the pages do.
    context.setVariable(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(beans, null));
    context.setVariable("school", school);
    context.setVariable("sheet", sheet);
    return pdf.fromXhtml(templates.process("kindergarten/kitchen-print", context));
  }
}
