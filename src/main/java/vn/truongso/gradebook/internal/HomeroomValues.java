package vn.truongso.gradebook.internal;

import java.util.Objects;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.platform.InvalidInput;

/**
 * What the homeroom teacher types for a student: a conduct level from the circular's scale with an
 * optional comment of at most 500 characters, and the sessions absent, excused and unexcused, as
 * whole numbers from 0 to 200. Pure: a wrong value is added to the form's errors under its field
 * with the message key that says why.
 */
final class HomeroomValues {

  private static final int MAX_COMMENT = 500;
  private static final int MAX_SESSIONS = 200;

  private HomeroomValues() {}

  /** A conduct entry; null for a blank level (which clears it) or a wrong value. */
  static HomeroomEntries.Conduct conduct(
      SecondaryPolicy policy,
      String level,
      String comment,
      String field,
      InvalidInput.Collector errors) {
    if (level == null || level.isBlank()) {
      return null;
    }
    Level l = level(level.strip());
    if (l == null || policy == null || !policy.conductScale().contains(l)) {
      errors.add(field, "gradebook.conduct.level");
      return null;
    }
    String c = comment == null || comment.isBlank() ? null : comment.strip();
    if (c != null && c.length() > MAX_COMMENT) {
      errors.add(field, "gradebook.conduct.commentLength");
      return null;
    }
    return new HomeroomEntries.Conduct(l.name(), c);
  }

  /** A term's absences; null when either count is wrong. */
  static HomeroomEntries.Absences absences(
      String excused, String unexcused, String field, InvalidInput.Collector errors) {
    Integer e = count(excused);
    Integer u = count(unexcused);
    if (e == null || u == null) {
      errors.add(field, "gradebook.absences.count");
      return null;
    }
    return new HomeroomEntries.Absences(e, u);
  }

  /** A count of absent sessions as typed (blank: 0); null when not a number from 0 to 200. */
  static Integer count(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return 0;
    }
    if (!t.matches("\\d{1,3}")) {
      return null;
    }
    int n = Integer.parseInt(t);
    return n <= MAX_SESSIONS ? n : null;
  }

  /** The level a stored or typed code names; null for none or an unknown one. */
  static Level level(String code) {
    if (code == null) {
      return null;
    }
    try {
      return Level.valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether an entry leaves the stored one as it is (level and comment alike). */
  static boolean sameConduct(HomeroomEntries.Conduct now, HomeroomEntries.Conduct was) {
    if (now == null) {
      return was == null;
    }
    return was != null
        && now.level().equals(was.level())
        && Objects.equals(now.comment(), was.comment());
  }
}
