package vn.truongso.control;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.truongso.control.EntryCalendar.Plan;
import vn.truongso.control.internal.EntryWindows;
import vn.truongso.control.internal.LockRules;
import vn.truongso.platform.UserInputException;

/**
 * Whether a grade-book cell may be typed into now: the principal's locks and openings first, then
 * the hard cut-off, then the column's entry window. A closed window locks by itself, at once, with
 * no job to run. Saves ask {@link #requireOpen} inside their own transaction.
 */
@Service
public class EntryGate {

  /**
   * A cell as the gate sees it; {@code subject} and {@code slot} are null for the homeroom
   * teacher's conduct and absences of a term, {@code slot} is {@code HE} for the summer's conduct.
   */
  public record Cell(
      long schoolId,
      int startYear,
      int term,
      int grade,
      long classId,
      String subject,
      String slot) {}

  public enum State {
    OPEN,
    /** locked by the principal (or on their instruction) */
    LOCKED,
    /** the column's window has passed */
    CLOSED,
    /** the school year's hard cut-off has passed */
    CUT_OFF,
    /** the principal has closed the school year for good */
    SEALED
  }

  /**
   * {@code lock}: the lock or opening that decided, if one did; {@code due} and {@code
   * closesAfter}: the column's deadline for the progress check and its last day (null: none; the
   * cut-off date once that has passed).
   */
  public record Verdict(
      State state,
      EntryLocks.Lock lock,
      LocalDate due,
      LocalDate closesAfter,
      boolean unscheduled,
      YearSeals.Seal seal) {

    Verdict(
        State state,
        EntryLocks.Lock lock,
        LocalDate due,
        LocalDate closesAfter,
        boolean unscheduled) {
      this(state, lock, due, closesAfter, unscheduled, null);
    }

    public boolean open() {
      return state == State.OPEN;
    }

    /** Whether the cell is open only because the principal opened it as an exception. */
    public boolean openedAsException() {
      return open() && lock != null && lock.opens();
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final EntryLocks locks;
  private final EntryCalendar calendar;
  private final YearSeals seals;
  private final JdbcClient jdbc;

  EntryGate(EntryLocks locks, EntryCalendar calendar, YearSeals seals, JdbcClient jdbc) {
    this.locks = locks;
    this.calendar = calendar;
    this.seals = seals;
    this.jdbc = jdbc;
  }

  /** The verdict of each of a subject's columns in one class and term, for its sheet. */
  public Map<String, Verdict> columns(
      long schoolId,
      int startYear,
      int term,
      int grade,
      long classId,
      String subject,
      List<String> slots) {
    Optional<YearSeals.Seal> seal = seals.of(schoolId, startYear);
    if (seal.isPresent()) {
      Map<String, Verdict> sealed = new LinkedHashMap<>();
      slots.forEach(slot -> sealed.put(slot, sealed(seal.get())));
      return sealed;
    }
    Plan plan = calendar.planFor(schoolId, startYear);
    List<EntryLocks.Lock> inForce =
        locks.touching(schoolId, startYear, grade, classId, term, subject);
    int regular = (int) slots.stream().filter(s -> s.startsWith("TX")).count();
    Map<String, Verdict> out = new LinkedHashMap<>();
    for (String slot : slots) {
      out.put(
          slot,
          verdict(
              plan,
              inForce,
              new Cell(schoolId, startYear, term, grade, classId, subject, slot),
              regular));
    }
    return out;
  }

  /** The verdict of one cell (a page's view; a save calls {@link #requireOpen}). */
  public Verdict verdict(Cell c, int regularColumns) {
    Optional<YearSeals.Seal> seal = seals.of(c.schoolId(), c.startYear());
    if (seal.isPresent()) {
      return sealed(seal.get());
    }
    return verdict(
        calendar.planFor(c.schoolId(), c.startYear()),
        locks.touching(c.schoolId(), c.startYear(), c.grade(), c.classId(), c.term(), c.subject()),
        c,
        regularColumns);
  }

  /**
   * Refuses the save unless the cell is open, with a message naming who locked it, when and why, or
   * the deadline that passed. The school year's control row is share-locked first, so a lock being
   * set waits for the saves in flight and a save waits for a lock being set; the verdict is then
   * read after the lock has taken effect.
   */
  public void requireOpen(Cell c, int regularColumns) {
    Verdict v = verdictForSave(c, regularColumns);
    if (!v.open()) {
      throw refusal(v);
    }
  }

  /**
   * {@link #columns} inside a save of many cells (a sheet import): the control row is share-locked
   * first, as in {@link #requireOpen}.
   */
  public Map<String, Verdict> columnsForSave(
      long schoolId,
      int startYear,
      int term,
      int grade,
      long classId,
      String subject,
      List<String> slots) {
    guard(schoolId, startYear);
    return columns(schoolId, startYear, term, grade, classId, subject, slots);
  }

  /** {@link #verdict} inside a save's transaction, after share-locking the control row. */
  public Verdict verdictForSave(Cell c, int regularColumns) {
    guard(c.schoolId(), c.startYear());
    return verdict(c, regularColumns);
  }

  /** Why a closed cell refuses a change: who locked it, when and why, or the date that passed. */
  public static UserInputException refusal(Verdict v) {
    return switch (v.state()) {
      case OPEN -> throw new IllegalArgumentException("open");
      case LOCKED ->
          new UserInputException(
              "value",
              "control.locked",
              v.lock().lockedByName(),
              MOMENT.format(v.lock().lockedAt().atZone(VIETNAM)),
              v.lock().reason());
      case CLOSED -> new UserInputException("value", "control.closed", DAY.format(v.closesAfter()));
      case CUT_OFF ->
          new UserInputException("value", "control.cutOff", DAY.format(v.closesAfter()));
      case SEALED -> YearSeals.refusal(v.seal());
    };
  }

  private static Verdict sealed(YearSeals.Seal seal) {
    return new Verdict(State.SEALED, null, null, null, false, seal);
  }

  /**
   * Share-locks the year's control row, creating it when this is the year's first save, and refuses
   * a sealed year (read after the lock: a seal being made waits for this save, or this save for
   * it).
   */
  void guard(long schoolId, int startYear) {
    share(schoolId, startYear);
    seals.requireUnsealed(schoolId, startYear);
  }

  private void share(long schoolId, int startYear) {
    boolean exists =
        jdbc.sql("SELECT 1 FROM entry_control WHERE school_id = ? AND start_year = ? FOR SHARE")
            .params(schoolId, startYear)
            .query(Integer.class)
            .optional()
            .isPresent();
    if (!exists) {
      // Inserted in the save's own transaction: a lock being set meanwhile waits on this row.
      jdbc.sql(
              "INSERT INTO entry_control (school_id, start_year) VALUES (?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .params(schoolId, startYear)
          .update();
      jdbc.sql("SELECT 1 FROM entry_control WHERE school_id = ? AND start_year = ? FOR SHARE")
          .params(schoolId, startYear)
          .query(Integer.class)
          .single();
    }
  }

  private static Verdict verdict(
      Plan plan, List<EntryLocks.Lock> inForce, Cell c, int regularColumns) {
    EntryLocks.Lock lock =
        LockRules.deciding(inForce, c.term(), c.grade(), c.classId(), c.subject(), c.slot())
            .orElse(null);
    Set<LocalDate> off = plan.daysOff();
    // Until the principal sets the year's calendar no window closes anything: an upgrade or a new
    // year never locks a school by surprise.
    EntryWindows.Window w =
        plan.defaults()
            ? EntryWindows.Window.NONE
            : EntryWindows.window(
                plan.settings(),
                plan.weeks(),
                plan.testDates(),
                off::contains,
                c.term(),
                c.grade(),
                c.subject(),
                c.slot(),
                regularColumns);
    LocalDate today = plan.today();
    State state;
    if (lock != null) {
      state = lock.opens() ? State.OPEN : State.LOCKED;
    } else if (plan.settings().cutoff() != null
        && today.isAfter(plan.settings().cutoff())
        && !EntryWindows.summer(c.slot())) {
      return new Verdict(State.CUT_OFF, null, w.due(), plan.settings().cutoff(), false);
    } else if (w.closesAfter() != null && today.isAfter(w.closesAfter())) {
      state = State.CLOSED;
    } else {
      state = State.OPEN;
    }
    return new Verdict(state, lock, w.due(), w.closesAfter(), w.unscheduled());
  }
}
