package vn.truongso.gradebook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import vn.truongso.people.People;

/** What the score sheet's page and its cell saves answer, as types rather than string maps. */
final class SheetView {

  private SheetView() {}

  /**
   * One cell as the page shows it. {@code editable} is decided once here (the teacher may enter,
   * the student takes the subject, the column is open, and a frozen sheet takes only re-tests), so
   * the template asks one question.
   */
  record Cell(String slot, String text, int version, boolean editable) {}

  record Row(
      int number,
      People.Student student,
      List<Cell> cells,
      String result,
      String exemption,
      boolean leftOut) {}

  /** The answer to a cell save: saved, a conflict with what another writer saved, or refused. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CellAnswer(String state, String text, Integer version, String result, String message) {

    static CellAnswer saved(String text, int version, String result) {
      return new CellAnswer("saved", text, version, result, null);
    }

    static CellAnswer conflict(String text, int version, String result, String message) {
      return new CellAnswer("conflict", text, version, result, message);
    }

    static CellAnswer refused(String message) {
      return new CellAnswer("error", null, null, null, message);
    }
  }
}
