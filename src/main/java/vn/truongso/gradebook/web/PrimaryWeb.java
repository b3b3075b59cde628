package vn.truongso.gradebook.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.HomePanel;
import vn.truongso.platform.Target;

/** The primary teacher's way in: their subjects in primary classes, each linking to its sheet. */
@Configuration(proxyBeanMethods = false)
class PrimaryWeb {

  /** A subject the teacher teaches in a primary class. */
  record Sheet(long schoolId, long classId, String className, String subject, String subjectName) {}

  record Sheets(List<Sheet> sheets) {}

  @Bean
  HomePanel primarySheetsPanel(Authorization authorization, Classes classes, Teaching teaching) {
    return new HomePanel() {
      @Override
      public int order() {
        return 31;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        List<Sheet> sheets =
            authorization.scopesWhere(Action.ENTER_SCORES).stream()
                .filter(t -> t.classId() != null && t.subjectCode() != null && t.schoolId() != null)
                .map(t -> sheet(t, classes, teaching))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        return sheets.isEmpty()
            ? Optional.empty()
            : Optional.of(new Content("gradebook/primary-panel", "sheets", new Sheets(sheets)));
      }
    };
  }

  /** A primary school whose books' progress the user follows. */
  record School(long schoolId, String name) {}

  record Schools(List<School> schools) {}

  @Bean
  HomePanel primaryProgressPanel(Authorization authorization, Organisation org) {
    return new HomePanel() {
      @Override
      public int order() {
        return 32;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        List<School> schools =
            authorization.scopesWhere(Action.VIEW_CLASS_LIST).stream()
                .map(Target::schoolId)
                .filter(Objects::nonNull)
                .distinct()
                .map(org::school)
                .flatMap(Optional::stream)
                .filter(s -> s.levels().contains(SchoolLevel.PRIMARY))
                .map(s -> new School(s.id(), s.name()))
                .toList();
        return schools.isEmpty()
            ? Optional.empty()
            : Optional.of(new Content("gradebook/primary-panel", "progress", new Schools(schools)));
      }
    };
  }

  private static Optional<Sheet> sheet(Target t, Classes classes, Teaching teaching) {
    long schoolId = Objects.requireNonNull(t.schoolId());
    long classId = Objects.requireNonNull(t.classId());
    String subject = Objects.requireNonNull(t.subjectCode());
    return classes
        .schoolClass(schoolId, classId)
        .filter(c -> c.grade() >= 1 && c.grade() <= 5)
        .flatMap(
            c ->
                teaching
                    .subject(c.grade(), subject)
                    .map(p -> new Sheet(schoolId, classId, c.name(), subject, p.name())));
  }
}
