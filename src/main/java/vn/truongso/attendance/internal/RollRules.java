package vn.truongso.attendance.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.truongso.enrolment.Classes;
import vn.truongso.org.SchoolYear;

/**
 * When a roll may be taken or changed, and what counts, as pure functions: a school day of the
 * class's year, not in the future, not a day off; without a note until the school's free days have
 * passed, then only with the homeroom teacher's note saying why.
 */
public final class RollRules {

  /** Longest reason for an absence, and longest note on a late change. */
  public static final int MAX_REASON = 300;

  public static final int MAX_NOTE = 500;

  /** Shortest note that says something (a word or two). */
  static final int MIN_NOTE = 5;

  private RollRules() {}

  /** The sessions of a school day: morning, and afternoon for schools with two. */
  public enum Session {
    SANG,
    CHIEU
  }

  /**
   * How a student is marked: absent with permission (P, có phép), without (K, không phép), late (M,
   * đi muộn: present, and not a session absent).
   */
  public enum Kind {
    P,
    K,
    M;

    public boolean absent() {
      return this != M;
    }

    /** The kind as typed or sent; null when it is none of them. */
    public static @Nullable Kind parse(@Nullable String s) {
      if (s == null) {
        return null;
      }
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(s.strip())) {
          return k;
        }
      }
      return null;
    }
  }

  /**
   * Why no roll can be taken for that day and session (a message key), or empty. {@code daysOff}:
   * the public holidays and the school's own days off.
   */
  static Optional<String> refusal(
      LocalDate day,
      Session session,
      LocalDate today,
      SchoolYear year,
      Set<LocalDate> daysOff,
      List<Session> sessions) {
    if (day.isBefore(year.startsOn()) || day.isAfter(year.endsOn())) {
      return Optional.of("attendance.day.outsideYear");
    }
    if (day.isAfter(today)) {
      return Optional.of("attendance.day.future");
    }
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY || daysOff.contains(day)) {
      return Optional.of("attendance.day.off");
    }
    if (!sessions.contains(session)) {
      return Optional.of("attendance.session.notTaught");
    }
    return Optional.empty();
  }

  /** The sessions a class of that shift is taught: morning, afternoon, or both. */
  static List<Session> sessions(Classes.Shift shift) {
    return switch (shift) {
      case MORNING -> List.of(Session.SANG);
      case AFTERNOON -> List.of(Session.CHIEU);
      case FULL_DAY -> List.of(Session.SANG, Session.CHIEU);
    };
  }

  /** Whether a change to the day's roll, made today, needs the homeroom teacher's note. */
  static boolean needsNote(LocalDate day, LocalDate today, int freeDays) {
    return today.isAfter(day.plusDays(freeDays));
  }

  /** Whether the note given for a late change is enough. */
  static boolean noteGiven(@Nullable String note) {
    return note != null && note.strip().length() >= MIN_NOTE;
  }

  /**
   * The highest of the school's year thresholds (sessions absent in the year: 30, 40, 45) that the
   * count has reached; 0 when none.
   */
  static int yearLevel(int sessions, List<Integer> thresholds) {
    int reached = 0;
    for (int t : thresholds) {
      if (sessions >= t && t > reached) {
        reached = t;
      }
    }
    return reached;
  }
}
