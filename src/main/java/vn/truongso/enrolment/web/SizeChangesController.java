package vn.truongso.enrolment.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.enrolment.Classes;
import vn.truongso.enrolment.internal.SizeChangesWorkbook;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** Biến động sĩ số: per class and month, on a page and as Excel, from the enrolment history. */
@Controller
class SizeChangesController {

  private static final String[] FIGURES = {"start", "in", "out", "droppedOut", "end"};
  private static final String[] GROUPS = {"total", "female", "minority", "femaleMinority"};

  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final MessageSource messages;
  private final java.time.Clock clock;

  SizeChangesController(
      Classes classes,
      Organisation org,
      Authorization authorization,
      MessageSource messages,
      java.time.Clock clock) {
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.messages = messages;
    this.clock = clock;
  }

  /** The month's figures: the school year's days within the month. */
  record Period(SchoolYear year, YearMonth month, LocalDate first, LocalDate last) {}

  @GetMapping("/schools/{schoolId}/size-changes")
  String page(
      @PathVariable long schoolId, @RequestParam(required = false) String month, Model model) {
    School school = school(schoolId);
    Period p = period(schoolId, month);
    List<Classes.SizeChange> rows =
        classes.sizeChanges(schoolId, p.year().startYear(), p.first(), p.last());
    model.addAttribute("school", school);
    model.addAttribute("period", p);
    model.addAttribute("months", months(p.year()));
    model.addAttribute("rows", rows);
    model.addAttribute("total", total(rows));
    return "enrolment/size-changes";
  }

  @GetMapping("/schools/{schoolId}/size-changes.xlsx")
  ResponseEntity<byte[]> excel(
      @PathVariable long schoolId, @RequestParam(required = false) String month) {
    School school = school(schoolId);
    Period p = period(schoolId, month);
    Locale locale = LocaleContextHolder.getLocale();
    List<String> headers = new ArrayList<>();
    headers.add(messages.getMessage("class.name", null, locale));
    for (String f : FIGURES) {
      for (String g : GROUPS) {
        headers.add(
            messages.getMessage("sizeChanges." + f, null, locale)
                + " – "
                + messages.getMessage("sizeChanges.group." + g, null, locale));
      }
    }
    byte[] body =
        SizeChangesWorkbook.write(
            messages.getMessage("sizeChanges.sheet", null, locale),
            messages.getMessage(
                "sizeChanges.heading",
                new Object[] {p.month().getMonthValue() + "/" + p.month().getYear(), school.name()},
                locale),
            headers,
            classes.sizeChanges(schoolId, p.year().startYear(), p.first(), p.last()),
            messages.getMessage("sizeChanges.total", null, locale));
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("bien-dong-si-so-" + p.month() + ".xlsx")
                .build()
                .toString())
        .body(body);
  }

  private School school(long schoolId) {
    if (!authorization.permits(Action.VIEW_SCHOOL_STATISTICS, Target.school(schoolId))) {
      throw new NotFoundException("school");
    }
    return org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
  }

  private Period period(long schoolId, String month) {
    SchoolYear year = org.currentYear(schoolId).orElseThrow(() -> new NotFoundException("year"));
    List<YearMonth> months = months(year);
    YearMonth chosen = null;
    if (month != null) {
      try {
        chosen = YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        chosen = null;
      }
    }
    if (chosen == null || !months.contains(chosen)) {
      YearMonth now = YearMonth.now(clock);
      chosen = months.contains(now) ? now : months.getFirst();
    }
    LocalDate first = chosen.atDay(1).isBefore(year.startsOn()) ? year.startsOn() : chosen.atDay(1);
    LocalDate last =
        chosen.atEndOfMonth().isAfter(year.endsOn()) ? year.endsOn() : chosen.atEndOfMonth();
    return new Period(year, chosen, first, last);
  }

  private static List<YearMonth> months(SchoolYear year) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(year.startsOn());
        !m.isAfter(YearMonth.from(year.endsOn()));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  private static Classes.SizeChange total(List<Classes.SizeChange> rows) {
    Classes.SizeCounts zero = new Classes.SizeCounts(0, 0, 0, 0);
    Classes.SizeChange t = new Classes.SizeChange(0, "", 0, zero, zero, zero, zero, zero);
    for (Classes.SizeChange r : rows) {
      t =
          new Classes.SizeChange(
              0,
              "",
              0,
              t.start().plus(r.start()),
              t.in().plus(r.in()),
              t.out().plus(r.out()),
              t.droppedOut().plus(r.droppedOut()),
              t.end().plus(r.end()));
    }
    return t;
  }
}
