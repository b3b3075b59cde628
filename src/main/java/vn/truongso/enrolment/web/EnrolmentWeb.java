package vn.truongso.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.Target;

/** Navigation and home panels of the enrolment module. */
@Configuration(proxyBeanMethods = false)
class EnrolmentWeb {

  @Bean
  NavItem classesNav() {
    return new NavItem("nav.classes", "/classes", Action.VIEW_CLASS_ROSTER, 20);
  }

  /** School leaders: the school in numbers. */
  @Bean
  HomePanel overviewPanel(
      Authorization authorization, Organisation org, Classes classes, People people, Clock clock) {
    return panel(
        20,
        user -> {
          List<OverviewRow> rows = new ArrayList<>();
          for (Target t : authorization.scopesWhere(Action.VIEW_SCHOOL_STATISTICS)) {
            if (t.schoolId() == null) {
              continue;
            }
            org.school(t.schoolId())
                .ifPresent(
                    s -> {
                      int year = org.currentYear(s.id()).map(SchoolYear::startYear).orElse(0);
                      rows.add(
                          new OverviewRow(
                              s,
                              year,
                              classes.classes(s.id(), year).size(),
                              classes.countStudents(s.id(), year, LocalDate.now(clock)),
                              people.countStaff(s.id())));
                    });
          }
          return rows.isEmpty()
              ? null
              : new HomePanel.Content("enrolment/panels", "overview", new Overview(rows));
        });
  }

  /** Homeroom teachers: their classes. */
  @Bean
  HomePanel homeroomPanel(Authorization authorization, Classes classes) {
    return panel(
        30,
        user -> {
          List<Classes.SchoolClass> mine =
              authorization.scopesWhere(Action.ENTER_CONDUCT).stream()
                  .filter(t -> t.classId() != null)
                  .map(t -> classes.schoolClass(t.schoolId(), t.classId()))
                  .flatMap(Optional::stream)
                  // this year's classes first; a past year's (its học bạ to sign) after them
                  .sorted(
                      java.util.Comparator.comparingInt(Classes.SchoolClass::startYear)
                          .reversed()
                          .thenComparing(Classes.SchoolClass::name))
                  .toList();
          return mine.isEmpty()
              ? null
              : new HomePanel.Content("enrolment/panels", "homeroom", new Homeroom(mine));
        });
  }

  /** Guardians: their children; students: themselves. */
  @Bean
  HomePanel familyPanel(Authorization authorization, People people, Classes classes, Clock clock) {
    return panel(
        15,
        user -> {
          List<Child> children = new ArrayList<>();
          List<Target> targets = new ArrayList<>(authorization.scopesWhere(Action.VIEW_OWN_CHILD));
          targets.addAll(authorization.scopesWhere(Action.VIEW_OWN_RECORD));
          for (Target t : targets) {
            if (t.studentId() == null) {
              continue;
            }
            people
                .student(t.schoolId(), t.studentId())
                .ifPresent(
                    s -> {
                      String className =
                          classes
                              .classOf(s.schoolId(), s.id(), LocalDate.now(clock))
                              .flatMap(c -> classes.schoolClass(s.schoolId(), c))
                              .map(Classes.SchoolClass::name)
                              .orElse("");
                      children.add(new Child(s, className));
                    });
          }
          return children.isEmpty()
              ? null
              : new HomePanel.Content("enrolment/panels", "family", new Family(children));
        });
  }

  private static HomePanel panel(
      int order, java.util.function.Function<AuthenticatedUser, HomePanel.Content> body) {
    return new HomePanel() {
      @Override
      public int order() {
        return order;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        return Optional.ofNullable(body.apply(user));
      }
    };
  }

  /** The leaders' panel: each school of theirs in numbers for its current year. */
  record Overview(List<OverviewRow> rows) {}

  record OverviewRow(School school, int year, int classes, int students, int staff) {}

  /** The homeroom teacher's panel: their classes. */
  record Homeroom(List<Classes.SchoolClass> classes) {
    /** Whether the class is of an earlier year than the teacher's latest classes. */
    public boolean past(Classes.SchoolClass c) {
      return c.startYear() < classes.get(0).startYear();
    }
  }

  /** The family's panel: each child with the class they are in today. */
  record Family(List<Child> children) {}

  record Child(People.Student student, String className) {}
}
