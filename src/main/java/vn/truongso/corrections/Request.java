package vn.truongso.corrections;

import java.time.Instant;

/**
 * A correction request as stored: what it asks for (its cells are {@link Item}s), why, where it
 * stands, and who filed, decided and confirmed it when.
 */
public record Request(
    long id,
    long schoolId,
    int startYear,
    long classId,
    String className,
    int grade,
    String subject,
    String subjectName,
    int term,
    String reason,
    Request.State state,
    Long exceptionId,
    long filedBy,
    String filedByName,
    Instant filedAt,
    String decidedByName,
    Instant decidedAt,
    String decisionNote,
    String teacherConfirmedName,
    Instant teacherConfirmedAt,
    String adminConfirmedName,
    Instant adminConfirmedAt,
    Instant endedAt) {

  public enum State {
    FILED,
    APPROVED,
    REJECTED,
    CARRIED_OUT,
    /** a cell changed after the request was filed: nothing was written, a new request is needed */
    STALE,
    WITHDRAWN
  }
}
