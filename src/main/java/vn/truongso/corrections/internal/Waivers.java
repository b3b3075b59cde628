package vn.truongso.corrections.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.truongso.control.EntryCalendar;
import vn.truongso.corrections.Filing;
import vn.truongso.corrections.Waiver;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.ScopeDirectory;

/**
 * The filing bar (the cut-off, the week before the end-of-term tests, from the school's calendar)
 * and the principal's documented exceptions to it, for a class or the whole school until a date.
 * Who may grant one is {@code Corrections}' question.
 */
@Component
public class Waivers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final CorrectionStore store;
  private final EntryCalendar calendar;
  private final List<ScopeDirectory> directories;
  private final Clock clock;

  Waivers(
      CorrectionStore store,
      EntryCalendar calendar,
      List<ScopeDirectory> directories,
      Clock clock) {
    this.store = store;
    this.calendar = calendar;
    this.directories = directories;
    this.clock = clock;
  }

  /**
   * The exception a filing goes under when the bar stands, null when no bar stands; a bar with no
   * exception in force today is added to {@code errors} under "bar".
   */
  public Long pastTheBar(long schoolId, Marks.Grid grid, Filing f, InvalidInput.Collector errors) {
    Optional<EntryCalendar.CorrectionBar> bar =
        calendar.correctionBar(schoolId, grid.startYear(), f.term(), grid.grade(), f.subject());
    if (bar.isEmpty()) {
      return null;
    }
    Optional<Long> exception =
        store.waiverInForce(schoolId, grid.startYear(), f.classId(), LocalDate.now(clock));
    if (exception.isEmpty()) {
      EntryCalendar.CorrectionBar b = bar.get();
      errors.add(
          "bar", b.key(), DAY.format(b.from()), b.until() == null ? "" : DAY.format(b.until()));
    }
    return exception.orElse(null);
  }

  /**
   * A new exception, kept once its reason (at most 500 characters), its last day (not past) and its
   * class (one of the school's that year, or none: the whole school) are right.
   */
  public Waiver grant(
      AuthenticatedUser user,
      long schoolId,
      int startYear,
      Long classId,
      String reason,
      String until) {
    String why = reason == null ? "" : reason.strip();
    InvalidInput.Collector errors = new InvalidInput.Collector();
    if (why.isEmpty() || why.length() > 500) {
      errors.add("reason", "corrections.exception.reason");
    }
    LocalDate last = null;
    try {
      last = LocalDate.parse(until == null ? "" : until.strip());
      if (last.isBefore(LocalDate.now(clock))) {
        errors.add("until", "corrections.exception.until");
      }
    } catch (DateTimeParseException e) {
      errors.add("until", "corrections.exception.until");
    }
    if (classId != null
        && directories.stream().noneMatch(d -> d.classBelongs(schoolId, classId, startYear))) {
      errors.add("classId", "control.lock.class");
    }
    errors.throwIfAny();
    Instant now = clock.instant();
    long id = store.insertWaiver(schoolId, startYear, classId, why, last, user, now);
    return new Waiver(id, startYear, classId, why, last, user.displayName(), now);
  }
}
