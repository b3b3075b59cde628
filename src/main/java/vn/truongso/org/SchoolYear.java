package vn.truongso.org;

import java.time.LocalDate;
import java.util.List;

/**
 * A school year (năm học) as one school runs it: two terms (học kỳ I, II) and numbered teaching
 * weeks (tuần 1…35).
 */
public record SchoolYear(
    long schoolId,
    int startYear,
    LocalDate startsOn,
    LocalDate term1EndsOn,
    LocalDate term2StartsOn,
    LocalDate endsOn,
    boolean current,
    List<Week> weeks) {

  /** "2025–2026" */
  public String label() {
    return startYear + "–" + (startYear + 1);
  }

  public int termOn(LocalDate date) {
    return date.isAfter(term1EndsOn) ? 2 : 1;
  }

  /** A numbered teaching week. */
  public record Week(int number, int term, LocalDate startsOn, LocalDate endsOn) {}
}
