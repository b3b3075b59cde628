package vn.truongso.kindergarten;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A kindergarten's records kept before TruongSo — health checks, five-year-olds' development
 * records, the week's daily notes — brought in at once (a school moving over, the demo). A
 * deployment door, not a page's: each record is checked as the page checks it.
 */
public interface PastRecords {

  /**
   * A periodic health check: {@code findings} by area (EYES, TEETH, ENT, SKIN, MUSCULOSKELETAL,
   * HEART_LUNGS, OTHER), {@code conclusion} HEALTHY, FOLLOW_UP or REFER.
   */
  record HealthCheck(
      LocalDate on,
      String examiner,
      Map<String, String> findings,
      String conclusion,
      @Nullable String advice) {}

  void healthCheck(long schoolId, long studentId, HealthCheck check, long by);

  /** Indicator number → met (true) or not yet, in the set the school uses. */
  void development(long schoolId, long studentId, Map<Integer, Boolean> marks, long by);

  /** A day's note: {@code ate} ALL, MOST, HALF, LITTLE or NONE. */
  void dailyNote(
      long schoolId,
      long studentId,
      LocalDate day,
      @Nullable String ate,
      @Nullable Integer sleptMinutes,
      @Nullable String note,
      long by);
}
