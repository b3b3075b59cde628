package vn.truongso.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.truongso.platform.AuthenticatedUser;

/**
 * A student's attendance as their family sees it in the portal: the days they were marked absent or
 * late, and the family's absence requests with the homeroom teacher's answers. Reading: the caller
 * has checked that the family may see the student; asking: checked here.
 */
public interface StudentAttendance {

  /** The student's marks between two days, by day and session (SANG, CHIEU; P, K, M). */
  List<DayMark> marks(long schoolId, long studentId, LocalDate from, LocalDate to);

  /** The family's requests for the student, newest first. */
  List<Request> requests(long schoolId, long studentId);

  /**
   * Sends an absence request to the student's homeroom teacher; answers its id.
   *
   * @throws vn.truongso.platform.UserInputException when the days are wrong (the last before the
   *     first, more than 30 days, a day in a month the school has closed) or the reason is missing
   * @throws org.springframework.security.access.AccessDeniedException when the user may not ask for
   *     this student
   */
  long request(
      AuthenticatedUser user,
      long schoolId,
      long studentId,
      LocalDate from,
      LocalDate to,
      String reason);

  record DayMark(LocalDate day, String session, String kind, @Nullable String reason) {}

  /** {@code state}: PENDING, ACCEPTED, ANSWERED. */
  record Request(
      long id,
      LocalDate from,
      LocalDate to,
      String reason,
      String state,
      @Nullable String answer,
      Instant requestedAt,
      @Nullable Instant answeredAt) {}
}
