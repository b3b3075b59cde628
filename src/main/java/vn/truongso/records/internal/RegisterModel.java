package vn.truongso.records.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.ClassBookModel.Parent;

/**
 * The enrolment register (sổ đăng bộ) of one cohort, the students a school admitted in one school
 * year, as the bound book prints it: one line per student by register number, with who they are,
 * how they came, every later movement and how they left. Dates are already written dd/MM/yyyy.
 */
public record RegisterModel(Head head, List<Row> rows) {

  /**
   * The cover's school and cohort; the first and last register numbers when anyone was admitted.
   */
  public record Head(
      String school,
      @Nullable String ward,
      @Nullable String province,
      int startYear,
      int size,
      @Nullable Integer firstNo,
      @Nullable Integer lastNo,
      @Nullable String principal) {}

  /** A student's line. */
  public record Row(
      int no,
      String name,
      @Nullable String personalId,
      String birthDate,
      Sex sex,
      @Nullable String birthPlace,
      @Nullable String ethnicity,
      @Nullable String address,
      List<Parent> parents,
      Admission admission,
      List<Event> events,
      @Nullable Leaving leaving) {}

  /** The day the student came, into which class, and the school they came from when transferred. */
  public record Admission(String on, @Nullable String className, @Nullable String from) {}

  /**
   * A later movement: the enrolment's reason code ({@code PROMOTION}, {@code REPEAT}, {@code
   * CLASS_CHANGE}, {@code RETURN}, {@code TRANSFER_IN}, or {@code DROP_OUT} / {@code TRANSFER_OUT}
   * for a departure the student came back from), its day, the class and its year.
   */
  public record Event(
      String kind, String on, @Nullable String className, int startYear, @Nullable String note) {}

  /**
   * How the student left the school ({@code TRANSFER_OUT}, {@code DROP_OUT}, {@code COMPLETED}), on
   * which day, to which school and why.
   */
  public record Leaving(
      String reason, String on, @Nullable String destination, @Nullable String note) {}
}
