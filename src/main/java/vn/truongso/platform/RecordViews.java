package vn.truongso.platform;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The log of staff opening one student's record (Law 91/2025 on personal data protection: the
 * family may know who processed their child's data). Pages that show a single student's record call
 * {@link #viewed}; the portal shows the family {@link #of}. A view by the family itself is not
 * logged.
 */
public interface RecordViews {

  /**
   * Logs that the signed-in user opened the student's record; {@code what} is a message key naming
   * the page ({@code view.profile}, {@code view.hocba}). Written on its own, so that a read-only
   * page can log.
   */
  void viewed(long schoolId, long studentId, String what);

  /** The student's latest views, newest first. */
  List<View> of(long schoolId, long studentId, int limit);

  record View(Instant at, String viewer, @Nullable String role, String what) {}
}
