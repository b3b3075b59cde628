package vn.truongso.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.Formats;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.SchoolNames;
import vn.truongso.platform.Target;

/**
 * The audit log with filters, for those who may read a school's log (principal, vice-principal,
 * data administrator) and, for the system chain, system administrators. Shows whether the selected
 * school's hash chain is intact.
 */
@Controller
class AuditController {

  private static final int PAGE = 50;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AuditLog audit;
  private final Authorization authorization;
  private final SchoolNames names;
  private final org.springframework.context.MessageSource messages;

  AuditController(
      AuditLog audit,
      Authorization authorization,
      SchoolNames names,
      org.springframework.context.MessageSource messages) {
    this.audit = audit;
    this.authorization = authorization;
    this.names = names;
    this.messages = messages;
  }

  @Bean
  static NavItem auditNav() {
    return new NavItem("audit.nav", "/audit", Action.VIEW_AUDIT_LOG, 90);
  }

  @GetMapping("/audit")
  String log(
      @RequestParam(required = false) Long school,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String entity,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Set<Long> schools = new TreeSet<>(authorization.schoolsWhere(Action.VIEW_AUDIT_LOG));
    boolean system = authorization.permitsSomewhere(Action.MANAGE_ORG);
    if (schools.isEmpty() && !system) {
      authorization.require(Action.VIEW_AUDIT_LOG, null);
    }
    long selected = school != null ? school : schools.stream().findFirst().orElse(0L);
    boolean allowed =
        selected == 0
            ? system
            : authorization.permits(Action.VIEW_AUDIT_LOG, Target.school(selected));
    if (!allowed) {
      throw new NotFoundException("school");
    }
    LocalDate fromDay = parse(from, "from", model);
    LocalDate toDay = parse(to, "to", model);
    List<AuditLog.Entry> entries =
        audit.find(
            new AuditLog.Query(
                List.of(selected),
                blank(actor),
                blank(action),
                blank(entity),
                fromDay == null ? null : fromDay.atStartOfDay(Formats.VIETNAM).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(Formats.VIETNAM).toInstant(),
                PAGE + 1,
                Math.max(0, page) * PAGE));
    List<Long> choices = new ArrayList<>(schools);
    Map<Long, String> schoolNames = names.namesOf(choices);
    model.addAttribute("choices", choices);
    model.addAttribute("schoolNames", schoolNames);
    model.addAttribute("system", system);
    model.addAttribute("selected", selected);
    model.addAttribute(
        "entries",
        AuditRows.of(
            entries.size() > PAGE ? entries.subList(0, PAGE) : entries,
            messages,
            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    model.addAttribute("more", entries.size() > PAGE);
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("verification", audit.verify(selected));
    model.addAttribute("f", new Filter(actor, action, entity, from, to));
    return "platform/audit";
  }

  private static LocalDate parse(String day, String field, Model model) {
    if (day == null || day.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(day.strip(), DAY);
    } catch (DateTimeParseException e) {
      model.addAttribute("dateError", field);
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  record Filter(String actor, String action, String entity, String from, String to) {}
}
