package vn.truongso.attendance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.RollAbsences;
import vn.truongso.org.Organisation;
import vn.truongso.org.SchoolYear;
import vn.truongso.people.People;
import vn.truongso.platform.NotFoundException;

/**
 * A class's year and shift as the roll needs them, and the term's sessions absent counted from the
 * roll and handed to the class book.
 */
@Component
class RollTotals {

  private final RollStore store;
  private final Classes classes;
  private final Organisation org;
  private final RollAbsences book;
  private final Clock clock;

  RollTotals(RollStore store, Classes classes, Organisation org, RollAbsences book, Clock clock) {
    this.store = store;
    this.classes = classes;
    this.org = org;
    this.book = book;
    this.clock = clock;
  }

  /**
   * Hands the term's sessions absent of everyone in the class (zero for those never absent) to the
   * class book, inside the caller's transaction.
   */
  void hand(Classes.SchoolClass c, int term, long by) {
    SchoolYear year = year(c);
    LocalDate from = term == 1 ? year.startsOn() : year.term2StartsOn();
    LocalDate to = term == 1 ? year.term1EndsOn() : year.endsOn();
    LocalDate today = LocalDate.now(clock);
    LocalDate rosterDay = today.isBefore(to) ? (today.isBefore(from) ? from : today) : to;
    Map<Long, RollAbsences.Sessions> byStudent = new LinkedHashMap<>();
    for (People.Student s : classes.roster(c.schoolId(), c.id(), rosterDay)) {
      byStudent.put(s.id(), new RollAbsences.Sessions(0, 0));
    }
    store
        .totals(c.schoolId(), c.id(), from, to)
        .forEach((id, t) -> byStudent.put(id, new RollAbsences.Sessions(t[0], t[1])));
    book.fromRoll(c.schoolId(), c.id(), term, byStudent, by);
  }

  /** Refuses with the class book's reason when its absences of the term are closed. */
  void requireOpen(Classes.SchoolClass c, int term) {
    book.requireOpen(c.schoolId(), c.id(), term);
  }

  SchoolYear year(Classes.SchoolClass c) {
    return org.years(c.schoolId()).stream()
        .filter(y -> y.startYear() == c.startYear())
        .findFirst()
        .orElseThrow(() -> new NotFoundException("attendance.year"));
  }

  static Classes.Shift shift(Classes.SchoolClass c) {
    return c.shift() == null ? Classes.Shift.MORNING : c.shift();
  }
}
