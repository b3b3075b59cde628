package vn.truongso.control.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.truongso.assessment.Slot;
import vn.truongso.control.EntryCalendar.Plan;
import vn.truongso.control.EntryGate;
import vn.truongso.control.EntryLocks;
import vn.truongso.control.YearSeals;

/**
 * The gate as the year's seal, the locks in force ({@link LockRules}) and the calendar's windows
 * ({@link EntryWindows}) decide it. It owns no table: a save share-locks the year's {@code
 * entry_control} row through {@link ControlRows} before the verdict is read.
 */
@Service
class DefaultEntryGate implements EntryGate {

  private final EntryLocks locks;
  private final JdbcEntryCalendar calendar;
  private final YearSeals seals;
  private final ControlRows rows;

  DefaultEntryGate(
      EntryLocks locks, JdbcEntryCalendar calendar, YearSeals seals, ControlRows rows) {
    this.locks = locks;
    this.calendar = calendar;
    this.seals = seals;
    this.rows = rows;
  }

  @Override
  public Map<String, Verdict> columns(Sheet sheet, List<String> slots) {
    Optional<YearSeals.Seal> seal = seals.of(sheet.schoolId(), sheet.startYear());
    if (seal.isPresent()) {
      Map<String, Verdict> sealed = new LinkedHashMap<>();
      slots.forEach(slot -> sealed.put(slot, sealed(seal.get())));
      return sealed;
    }
    Plan plan = calendar.planFor(sheet.schoolId(), sheet.startYear());
    List<EntryLocks.Lock> inForce =
        locks.touching(
            sheet.schoolId(),
            sheet.startYear(),
            sheet.grade(),
            sheet.classId(),
            sheet.term(),
            sheet.subject());
    int regular = (int) slots.stream().filter(Slot::isRegular).count();
    Map<String, Verdict> out = new LinkedHashMap<>();
    for (String slot : slots) {
      out.put(slot, verdict(plan, inForce, sheet.cell(slot), regular));
    }
    return out;
  }

  @Override
  public Map<Sheet, Map<String, Verdict>> columns(Map<Sheet, List<String>> sheets) {
    Map<Sheet, Map<String, Verdict>> out = new LinkedHashMap<>();
    if (sheets.isEmpty()) {
      return out;
    }
    Sheet first = sheets.keySet().iterator().next();
    Optional<YearSeals.Seal> seal = seals.of(first.schoolId(), first.startYear());
    Plan plan = calendar.planFor(first.schoolId(), first.startYear());
    List<EntryLocks.Lock> inForce =
        locks.inForceForBackgroundWork(first.schoolId(), first.startYear());
    sheets.forEach(
        (sheet, slots) -> {
          int regular = (int) slots.stream().filter(Slot::isRegular).count();
          Map<String, Verdict> bySlot = new LinkedHashMap<>();
          for (String slot : slots) {
            bySlot.put(
                slot,
                seal.isPresent()
                    ? sealed(seal.get())
                    : verdict(plan, inForce, sheet.cell(slot), regular));
          }
          out.put(sheet, bySlot);
        });
    return out;
  }

  @Override
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

  @Override
  public void requireOpen(Cell c, int regularColumns) {
    Verdict v = verdictForSave(c, regularColumns);
    if (!v.open()) {
      throw EntryGate.refusal(v);
    }
  }

  @Override
  public Map<String, Verdict> columnsForSave(Sheet sheet, List<String> slots) {
    guard(sheet.schoolId(), sheet.startYear());
    return columns(sheet, slots);
  }

  @Override
  public Verdict verdictForSave(Cell c, int regularColumns) {
    guard(c.schoolId(), c.startYear());
    return verdict(c, regularColumns);
  }

  private static Verdict sealed(YearSeals.Seal seal) {
    return new Verdict(State.SEALED, null, null, null, false, seal);
  }

  /**
   * Share-locks the year's control row, creating it when this is the year's first save, and refuses
   * a sealed year (read after the lock: a seal being made waits for this save, or this save for
   * it).
   */
  private void guard(long schoolId, int startYear) {
    rows.share(schoolId, startYear);
    seals.requireUnsealed(schoolId, startYear);
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
      return new Verdict(State.CUT_OFF, null, w.due(), plan.settings().cutoff(), false, null);
    } else if (w.closesAfter() != null && today.isAfter(w.closesAfter())) {
      state = State.CLOSED;
    } else {
      state = State.OPEN;
    }
    return new Verdict(state, lock, w.due(), w.closesAfter(), w.unscheduled(), null);
  }
}
