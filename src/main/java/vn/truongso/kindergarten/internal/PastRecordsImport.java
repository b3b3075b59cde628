package vn.truongso.kindergarten.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.PastRecords;
import vn.truongso.kindergarten.internal.development.Development;
import vn.truongso.platform.UserInputException;

/** {@link PastRecords}: each record checked and written as its page does, without a user. */
@Service
class PastRecordsImport implements PastRecords {

  private final HealthChecks health;
  private final Development development;
  private final DailyNotes notes;

  PastRecordsImport(HealthChecks health, Development development, DailyNotes notes) {
    this.health = health;
    this.development = development;
    this.notes = notes;
  }

  @Override
  @Transactional
  public void healthCheck(long schoolId, long studentId, HealthCheck c, long by) {
    Map<HealthChecks.Area, String> findings = new EnumMap<>(HealthChecks.Area.class);
    c.findings().forEach((area, text) -> findings.put(HealthChecks.Area.valueOf(area), text));
    health.insert(
        schoolId, studentId, c.on(), c.examiner(), findings, c.conclusion(), c.advice(), by);
  }

  @Override
  @Transactional
  public void development(long schoolId, long studentId, Map<Integer, Boolean> marks, long by) {
    var set = development.setOf(schoolId);
    for (Integer no : marks.keySet()) {
      if (set.indicator(no).isEmpty()) {
        throw new UserInputException("indicator", "kindergarten.development.unknown", no);
      }
    }
    development.store(schoolId, studentId, set.code(), marks, by);
  }

  @Override
  @Transactional
  public void dailyNote(
      long schoolId,
      long studentId,
      LocalDate day,
      @Nullable String ate,
      @Nullable Integer sleptMinutes,
      @Nullable String note,
      long by) {
    notes.insert(
        schoolId,
        studentId,
        day,
        new DailyNotes.Form(
            ate == null ? "" : ate,
            sleptMinutes == null ? "" : sleptMinutes.toString(),
            "",
            note == null ? "" : note,
            null),
        by);
  }
}
