package vn.truongso.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NavItem;
import vn.truongso.platform.Target;

/**
 * Search for students and staff by name without diacritics, personal ID or student code; every hit
 * is checked against what the user may see (a teacher finds only the students they teach).
 */
@Controller
class SearchController {

  private static final int CANDIDATES = 200;
  private static final int SHOWN = 50;

  private final People people;
  private final Classes classes;
  private final Organisation org;
  private final Authorization authorization;
  private final Clock clock;

  SearchController(
      People people, Classes classes, Organisation org, Authorization authorization, Clock clock) {
    this.people = people;
    this.classes = classes;
    this.org = org;
    this.authorization = authorization;
    this.clock = clock;
  }

  @Bean
  static NavItem searchNav() {
    return new NavItem("nav.search", "/search", Action.VIEW_STUDENT_BASIC, 15);
  }

  @GetMapping("/search")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    Set<Long> studentSchools = authorization.schoolsWhere(Action.VIEW_STUDENT_BASIC);
    Set<Long> staffSchools = authorization.schoolsWhere(Action.VIEW_STAFF_LIST);
    model.addAttribute("q", q);
    if (q.isBlank()) {
      return "enrolment/search";
    }
    People.SearchResult result = people.search(studentSchools, staffSchools, q, CANDIDATES);
    LocalDate today = LocalDate.now(clock);
    Map<Long, School> schools =
        org
            .schools(
                studentSchools.isEmpty() && staffSchools.isEmpty()
                    ? List.of()
                    : union(studentSchools, staffSchools))
            .stream()
            .collect(Collectors.toMap(School::id, s -> s));
    List<Hit> hits = new ArrayList<>();
    for (People.Student s : result.students()) {
      Optional<Classes.SchoolClass> c =
          classes
              .classOf(s.schoolId(), s.id(), today)
              .flatMap(id -> classes.schoolClass(s.schoolId(), id));
      Target target =
          Target.student(s.schoolId(), c.map(Classes.SchoolClass::id).orElse(null), s.id());
      if (!authorization.permits(Action.VIEW_STUDENT_BASIC, target)) {
        continue;
      }
      hits.add(
          new Hit(
              s,
              c.map(Classes.SchoolClass::name).orElse(""),
              schools.get(s.schoolId()).name(),
              authorization.permits(Action.VIEW_STUDENT_PROFILE, target)));
      if (hits.size() == SHOWN) {
        break;
      }
    }
    model.addAttribute("students", hits);
    model.addAttribute("staff", result.staff().stream().limit(SHOWN).toList());
    model.addAttribute(
        "schoolNames",
        schools.values().stream().collect(Collectors.toMap(School::id, School::name)));
    return "enrolment/search";
  }

  private static List<Long> union(Set<Long> a, Set<Long> b) {
    java.util.Set<Long> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  record Hit(People.Student student, String className, String schoolName, boolean canOpen) {}
}
