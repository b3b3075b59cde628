package vn.truongso.reporting.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.NotFoundException;

/** What every monitoring page of a school needs: the school, the year asked for, the years. */
@Component
class SchoolPages {

  private final Organisation org;

  SchoolPages(Organisation org) {
    this.org = org;
  }

  /** The school year asked for, or the current one. */
  SchoolYear year(long schoolId, Integer startYear) {
    return (startYear == null
            ? org.currentYear(schoolId)
            : org.years(schoolId).stream().filter(y -> y.startYear() == startYear).findFirst())
        .orElseThrow(() -> new NotFoundException("year"));
  }

  School school(long schoolId) {
    return org.school(schoolId).orElseThrow(() -> new NotFoundException("school"));
  }

  void model(long schoolId, SchoolYear y, Model model) {
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("school", school(schoolId));
    model.addAttribute("startYear", y.startYear());
    model.addAttribute(
        "years", org.years(schoolId).stream().map(SchoolYear::startYear).sorted().toList());
  }
}
