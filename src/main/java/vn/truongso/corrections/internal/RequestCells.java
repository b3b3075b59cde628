package vn.truongso.corrections.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.truongso.control.EntryLocks;
import vn.truongso.corrections.Filing;
import vn.truongso.corrections.Item;
import vn.truongso.corrections.Request;
import vn.truongso.gradebook.corrections.Marks;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/**
 * A request's cells in the mark book: checked when the request is filed (closed to typing, in no
 * other open request, a change), compared with the book before they are written (a cell changed
 * since the filing voids the request), then written and locked again.
 */
@Component
public class RequestCells {

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final Marks marks;
  private final EntryLocks locks;
  private final MessageSource messages;
  private final CorrectionStore store;

  RequestCells(Marks marks, EntryLocks locks, MessageSource messages, CorrectionStore store) {
    this.marks = marks;
    this.locks = locks;
    this.messages = messages;
    this.store = store;
  }

  /**
   * The cells the filing asks to change, numbered; each cell refused is added to {@code errors}
   * under "cell-studentId:slot".
   */
  public List<Item> proposed(long schoolId, Filing f, InvalidInput.Collector errors) {
    List<Item> items = new ArrayList<>();
    Set<String> busy = store.cellsInOpenRequests(schoolId, f.classId(), f.subject(), f.term());
    for (var e : f.proposed().entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        continue;
      }
      try {
        items.add(item(schoolId, f, e.getKey(), e.getValue(), busy, items.size() + 1));
      } catch (UserInputException x) {
        errors.add("cell-" + e.getKey(), x.messageKey(), x.args());
      }
    }
    return items;
  }

  /** Cell "studentId:slot" as the n-th of the request, or why it cannot be. */
  private Item item(long schoolId, Filing f, String cell, String value, Set<String> busy, int n) {
    String[] parts = cell.split(":", 2);
    if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
      throw new UserInputException("cell", "gradebook.slot.unknown");
    }
    Marks.CellRef ref =
        new Marks.CellRef(f.subject(), f.term(), Long.parseLong(parts[0]), parts[1]);
    Marks.Stored now = marks.stored(schoolId, f.classId(), ref);
    if (!now.closed()) {
      throw new UserInputException("cell", "corrections.cell.open");
    }
    if (busy.contains(cell)) {
      throw new UserInputException("cell", "corrections.cell.busy");
    }
    String wanted = marks.normalise(schoolId, f.classId(), ref, value);
    if (wanted.equals(now.text())) {
      throw new UserInputException("cell", "corrections.cell.same");
    }
    return new Item(
        n, ref.studentId(), now.studentName(), ref.slot(), now.text(), now.stamp(), wanted);
  }

  /** Whether a cell changed in the book since the request was filed. */
  public boolean changed(Request r, List<Item> items) {
    for (Item i : items) {
      Marks.Stored now = marks.stored(r.schoolId(), r.classId(), ref(r, i));
      if (!now.stamp().equals(i.oldStamp())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes the values asked for, all or none, each audit entry naming the request; then locks each
   * corrected column of a subject again on its own.
   */
  public void write(AuthenticatedUser user, Request r, List<Item> items) {
    marks.correct(
        user,
        r.schoolId(),
        r.classId(),
        items.stream()
            .map(i -> new Marks.Correction(ref(r, i), i.oldStamp(), i.newText()))
            .toList(),
        r.id());
    if (r.subject() == null) {
      return;
    }
    String why = messages.getMessage("corrections.relock.reason", new Object[] {r.id()}, VI);
    for (String slot : new LinkedHashSet<>(items.stream().map(Item::slot).toList())) {
      locks.lockCorrected(
          user,
          r.schoolId(),
          r.startYear(),
          new EntryLocks.Scope(r.term(), null, r.classId(), r.subject(), slot),
          why);
    }
  }

  private static Marks.CellRef ref(Request r, Item i) {
    return new Marks.CellRef(r.subject(), r.term(), i.studentId(), i.slot());
  }
}
