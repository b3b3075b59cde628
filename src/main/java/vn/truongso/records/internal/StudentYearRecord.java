package vn.truongso.records.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Period;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.Title;
import vn.truongso.people.Sex;

/**
 * One student's school year as the học bạ records it, whatever the form it is written in (XML of a
 * schema version, the printed page): the same values, approved by the school, in one place.
 *
 * @param version the record's version: a correction after signing makes the next one
 */
public record StudentYearRecord(int version, Instant madeAt, Student student, Year year) {

  /** The same values as the given version, made at {@code madeAt} (the signing time). */
  public StudentYearRecord as(int version, Instant madeAt) {
    return new StudentYearRecord(version, madeAt, student, year);
  }

  /**
   * Who the record is of and which school keeps it; {@code id} is the school's own (never written,
   * it names the file when the Ministry's student code is not known yet).
   */
  public record Student(
      long id,
      @Nullable String lifelongCode,
      String schoolCode,
      String schoolName,
      @Nullable String schoolWard,
      @Nullable String schoolProvince,
      int grade,
      @Nullable String studentCode,
      @Nullable String personalId,
      String fullName,
      LocalDate birthDate,
      @Nullable String birthPlace,
      @Nullable Sex sex,
      @Nullable String ethnicity,
      @Nullable String nationality,
      Parents parents) {}

  /** The names the học bạ prints for the father, the mother and the guardian, where known. */
  public record Parents(
      @Nullable String father, @Nullable String mother, @Nullable String guardian) {
    public static final Parents NONE = new Parents(null, null, null);
  }

  /**
   * The year's values. {@code promoted} is null while the summer's results are awaited; the
   * homeroom teacher and the principal are the names the signature blocks print; {@code left} set
   * when the student left the school during the year, the values then stopping on that day.
   */
  public record Year(
      int startYear,
      String className,
      @Nullable String homeroomTeacher,
      @Nullable String principal,
      PolicyCode policy,
      List<Subject> subjects,
      Results learning,
      Results conduct,
      int absentSessions,
      @Nullable Boolean promoted,
      @Nullable Title title,
      @Nullable String homeroomComment,
      @Nullable Departure left) {}

  /**
   * The student left the school on {@code on} (the first day no longer in the class): transferred
   * out, or dropped out when not {@code transferred}.
   */
  public record Departure(LocalDate on, boolean transferred) {}

  /** A subject's term, year and re-assessment results; null where exempt or not given. */
  public record Subject(
      String code,
      String name,
      SubjectKind kind,
      @Nullable Mark term1,
      @Nullable Mark term2,
      @Nullable Mark year,
      @Nullable Mark retest,
      @Nullable Period exempt) {}

  /** Levels of the terms, the year and after the summer. */
  public record Results(
      @Nullable Level term1,
      @Nullable Level term2,
      @Nullable Level year,
      @Nullable Level afterSummer) {}
}
