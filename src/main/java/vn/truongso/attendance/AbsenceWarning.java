package vn.truongso.attendance;

/**
 * A student's absences have reached one of the school's warning thresholds (published in the roll's
 * transaction; a listener hears it once the roll is saved, and each time the roll is saved again
 * while the count stays there: listeners keep their own "already told").
 *
 * @param kind {@code MONTH}: sessions without permission in the month; {@code YEAR}: sessions
 *     absent in the school year, with or without permission (TT22/2021 art. 12: more than 45 and
 *     the student is not promoted)
 * @param period the month ({@code 2026-12}) or the school year's first year ({@code 2026})
 * @param threshold the threshold reached: the school's month limit, or the highest year threshold
 * @param sessions the count that reached it
 */
public record AbsenceWarning(
    long schoolId,
    long classId,
    long studentId,
    Kind kind,
    String period,
    int threshold,
    int sessions) {

  public enum Kind {
    MONTH,
    YEAR
  }
}
