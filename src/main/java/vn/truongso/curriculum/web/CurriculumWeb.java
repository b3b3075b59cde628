package vn.truongso.curriculum.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.HomePanel;

/** The teacher's home panel: the classes and subjects they teach. */
@Configuration(proxyBeanMethods = false)
class CurriculumWeb {

  @Bean
  HomePanel teachingPanel(Authorization authorization, Classes classes, Teaching teaching) {
    return new HomePanel() {
      @Override
      public int order() {
        return 40;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        List<Map<String, Object>> rows =
            authorization.scopesWhere(Action.ENTER_SCORES).stream()
                .filter(t -> t.classId() != null && t.subjectCode() != null)
                .flatMap(
                    t ->
                        classes.schoolClass(t.schoolId(), t.classId()).stream()
                            .map(
                                c ->
                                    Map.<String, Object>of(
                                        "schoolClass",
                                        c,
                                        "subject",
                                        teaching
                                            .subject(c.grade(), t.subjectCode())
                                            .map(Teaching.ProgrammeSubject::name)
                                            .orElse(t.subjectCode()))))
                .toList();
        return rows.isEmpty()
            ? Optional.empty()
            : Optional.of(new Content("curriculum/panels", "teaching", Map.of("rows", rows)));
      }
    };
  }
}
