package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;

/**
 * The supplementary assessment's values of a pupil (TT27 art. 12.2), checked as the points' values
 * are (T/H/C and a whole-number score for a subject tested at the end of the year; T/Đ/C for a
 * quality or competency), every one first, then the changed ones written and audited in one entry.
 * Runs in the caller's transaction.
 */
@Component
class PrimarySupplements {

  private final PrimaryYearRows rows;
  private final PrimaryYears years;
  private final AuditLog audit;
  private final Clock clock;

  PrimarySupplements(PrimaryYearRows rows, PrimaryYears years, AuditLog audit, Clock clock) {
    this.rows = rows;
    this.years = years;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param levels by item (a subject's code, a quality's or competency's name); blank: not
   *     re-assessed
   * @param scores by subject code
   */
  int write(
      AuthenticatedUser user,
      Classes.SchoolClass c,
      long studentId,
      Map<String, String> levels,
      Map<String, String> scores) {
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Map<String, PrimaryYearRows.Supplementary> wanted = new LinkedHashMap<>();
    for (Teaching.ProgrammeSubject s : years.assessed(c.grade())) {
      String level = PrimaryEntry.subjectLevel(levels.get(s.code()), errors);
      boolean tested = s.testPoints().contains(PrimaryPoint.CN.name());
      Integer score = PrimaryEntry.score(c, scores.get(s.code()), tested, errors);
      if (level != null) {
        wanted.put(
            s.code(), new PrimaryYearRows.Supplementary(Kind.SUBJECT, s.code(), level, score, 0));
      } else if (score != null) {
        errors.add("level", "gradebook.primary.supplementary.levelFirst");
      }
    }
    for (String item : PrimaryHomeroom.ITEMS) {
      String level = PrimaryHomeroom.level("level", levels.get(item), errors);
      if (level != null) {
        wanted.put(
            item,
            new PrimaryYearRows.Supplementary(PrimaryHomeroom.kind(item), item, level, null, 0));
      }
    }
    errors.throwIfAny();
    Instant at = clock.instant();
    Map<String, Object> written = new LinkedHashMap<>();
    for (PrimaryYearRows.Supplementary w : wanted.values()) {
      Optional<PrimaryYearRows.Supplementary> now =
          rows.lockSupplementary(c.schoolId(), c.id(), studentId, w.kind(), w.item());
      if (now.isPresent()
          && now.get().level().equals(w.level())
          && Objects.equals(now.get().score(), w.score())) {
        continue;
      }
      int version = now.map(PrimaryYearRows.Supplementary::version).orElse(0) + 1;
      rows.saveSupplementary(
          c.schoolId(),
          c.id(),
          studentId,
          new PrimaryYearRows.Supplementary(w.kind(), w.item(), w.level(), w.score(), version),
          user.accountId(),
          at);
      written.put(w.item(), w.score() == null ? w.level() : w.level() + " " + w.score());
    }
    if (!written.isEmpty()) {
      audit.record(
          AuditEvent.of(
                  c.schoolId(),
                  "gradebook.primary.supplementary",
                  "primary_supplementary",
                  c.id() + "/" + studentId)
              .after(written));
    }
    return written.size();
  }
}
