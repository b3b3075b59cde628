package vn.truongso.curriculum.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.HomePanel;

/** The teacher's home panel: the classes and subjects they teach. */
@Configuration(proxyBeanMethods = false)
class CurriculumWeb {

  @Bean
  HomePanel teachingPanel(
      Authorization authorization, Classes classes, Teaching teaching, Organisation org) {
    return new HomePanel() {
      @Override
      public int order() {
        return 40;
      }

      @Override
      public Optional<Content> content(AuthenticatedUser user) {
        // One query per school for the classes and one per grade for the subject names, however
        // many classes the teacher has.
        Map<Long, Map<Long, Classes.SchoolClass>> classesBySchool = new java.util.HashMap<>();
        Map<Integer, Map<String, String>> subjectNames = new java.util.HashMap<>();
        List<TeachingRow> rows = new java.util.ArrayList<>();
        for (var t : authorization.scopesWhere(Action.ENTER_SCORES)) {
          if (t.classId() == null || t.subjectCode() == null) {
            continue;
          }
          Classes.SchoolClass c =
              classesBySchool
                  .computeIfAbsent(t.schoolId(), school -> classesOf(classes, org, school))
                  .get(t.classId());
          if (c == null) {
            continue;
          }
          String subject =
              subjectNames
                  .computeIfAbsent(
                      c.grade(),
                      g ->
                          teaching.subjects(g).stream()
                              .collect(
                                  java.util.stream.Collectors.toMap(
                                      Teaching.ProgrammeSubject::code,
                                      Teaching.ProgrammeSubject::name,
                                      (a, b) -> a)))
                  .getOrDefault(t.subjectCode(), t.subjectCode());
          rows.add(new TeachingRow(c, subject, t.subjectCode()));
        }
        return rows.isEmpty()
            ? Optional.empty()
            : Optional.of(new Content("curriculum/panels", "teaching", new TeachingPanel(rows)));
      }
    };
  }

  private static Map<Long, Classes.SchoolClass> classesOf(
      Classes classes, Organisation org, long schoolId) {
    int year = org.currentYear(schoolId).map(SchoolYear::startYear).orElse(0);
    return classes.classes(schoolId, year).stream()
        .collect(java.util.stream.Collectors.toMap(Classes.SchoolClass::id, c -> c));
  }

  /** The subject teacher's panel: one row per class and subject they teach. */
  record TeachingPanel(List<TeachingRow> rows) {}

  record TeachingRow(Classes.SchoolClass schoolClass, String subject, String subjectCode) {}
}
