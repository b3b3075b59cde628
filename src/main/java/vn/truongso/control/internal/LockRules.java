package vn.truongso.control.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.truongso.control.EntryLocks.Lock;
import vn.truongso.control.EntryLocks.Scope;

/**
 * Which lock or opening decides a cell: of those in force whose scope covers it, the most specific
 * (most dimensions named); at the same depth a lock before an opening, then the newest. So a column
 * opened for a correction inside a locked term is open, and a column locked inside an opened class
 * is locked.
 */
public final class LockRules {

  private static final Comparator<Lock> DECIDING_FIRST =
      Comparator.comparingInt((Lock l) -> depth(l.scope()))
          .reversed()
          .thenComparing(Lock::opens)
          .thenComparing(Comparator.comparingLong(Lock::id).reversed());

  private LockRules() {}

  public static Optional<Lock> deciding(
      List<Lock> inForce, int term, int grade, long classId, String subject, String slot) {
    return inForce.stream()
        .filter(l -> covers(l.scope(), term, grade, classId, subject, slot))
        .min(DECIDING_FIRST);
  }

  static boolean covers(Scope s, int term, int grade, long classId, String subject, String slot) {
    return (s.term() == null || s.term() == term)
        && (s.grade() == null || s.grade() == grade)
        && (s.classId() == null || s.classId() == classId)
        && (s.subject() == null || Objects.equals(s.subject(), subject))
        && (s.slot() == null || Objects.equals(s.slot(), slot));
  }

  static int depth(Scope s) {
    return (s.term() == null ? 0 : 1)
        + (s.grade() == null ? 0 : 1)
        + (s.classId() == null ? 0 : 1)
        + (s.subject() == null ? 0 : 1)
        + (s.slot() == null ? 0 : 1);
  }
}
