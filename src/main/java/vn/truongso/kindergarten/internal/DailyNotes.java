package vn.truongso.kindergarten.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Photos;
import vn.truongso.platform.UserInputException;

/**
 * A child's day for the family (sổ liên lạc hằng ngày): the group's teacher writes how the child
 * ate and slept, their health and a note, and may share a photo with that family only; the family
 * reads the last fortnight in the portal. A day's note is written that day or within the week.
 */
@Service
public class DailyNotes {

  /** How much of the meal the child ate. */
  public enum Ate {
    ALL,
    MOST,
    HALF,
    LITTLE,
    NONE
  }

  public record Note(
      LocalDate day,
      @Nullable Ate ate,
      @Nullable Integer sleptMinutes,
      @Nullable String health,
      @Nullable String note,
      boolean photo) {}

  /** The form as typed. */
  public record Form(
      String ate, String sleptMinutes, String health, String note, byte @Nullable [] photo) {}

  private final JdbcClient jdbc;
  private final Children children;
  private final AuditLog audit;
  private final Clock clock;

  DailyNotes(JdbcClient jdbc, Children children, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.children = children;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean mayWrite(long schoolId, long studentId) {
    return children.permits(Action.WRITE_DAILY_NOTE, schoolId, studentId);
  }

  /** The child's notes from {@code from} on, newest first, for the child's teacher. */
  @Transactional(readOnly = true)
  public List<Note> forTeacher(long schoolId, long studentId, LocalDate from) {
    children.require(Action.WRITE_DAILY_NOTE, schoolId, studentId);
    return notes(schoolId, studentId, from);
  }

  /** The last fortnight's notes for a guardian of the child or the child's own account. */
  @Transactional(readOnly = true)
  public List<Note> forFamily(long accountId, long schoolId, long studentId) {
    children.forFamily(accountId, schoolId, studentId, "daily notes");
    return notes(schoolId, studentId, LocalDate.now(clock).minusDays(14));
  }

  /** The day's photo, for the child's teacher or family; empty when none was shared. */
  @Transactional(readOnly = true)
  public Optional<byte[]> photo(long accountId, long schoolId, long studentId, LocalDate day) {
    if (!children.permits(Action.WRITE_DAILY_NOTE, schoolId, studentId)) {
      children.forFamily(accountId, schoolId, studentId, "photo");
    }
    return jdbc.sql(
            "SELECT photo FROM daily_note WHERE school_id = ? AND student_id = ? AND day = ?"
                + " AND photo IS NOT NULL")
        .params(schoolId, studentId, day)
        .query(byte[].class)
        .optional();
  }

  @Transactional
  public void write(
      AuthenticatedUser user, long schoolId, long studentId, LocalDate day, Form form) {
    children.require(Action.WRITE_DAILY_NOTE, schoolId, studentId);
    insert(schoolId, studentId, day, form, user.accountId());
  }

  /** Checks the note as the page does and writes it, as written by {@code by}. */
  void insert(long schoolId, long studentId, LocalDate day, Form form, long by) {
    LocalDate today = LocalDate.now(clock);
    if (day.isAfter(today) || day.isBefore(today.minusDays(7))) {
      throw new UserInputException("day", "kindergarten.note.day.invalid");
    }
    Ate ate = null;
    if (form.ate() != null && !form.ate().isBlank()) {
      try {
        ate = Ate.valueOf(form.ate());
      } catch (IllegalArgumentException e) {
        throw new UserInputException("ate", "kindergarten.note.ate");
      }
    }
    Integer slept = minutes(form.sleptMinutes());
    String health = text(form.health(), 300, "health");
    String note = text(form.note(), 1000, "note");
    byte[] photo =
        form.photo() == null || form.photo().length == 0
            ? null
            : Photos.normalise(form.photo(), 1280, 1280);
    if (ate == null && slept == null && health == null && note == null && photo == null) {
      throw new UserInputException("note", "kindergarten.note.empty");
    }
    jdbc.sql(
            """
            INSERT INTO daily_note (school_id, student_id, day, ate, slept_minutes, health, note,
              photo, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_id, student_id, day) DO UPDATE SET ate = EXCLUDED.ate,
              slept_minutes = EXCLUDED.slept_minutes, health = EXCLUDED.health,
              note = EXCLUDED.note, photo = coalesce(EXCLUDED.photo, daily_note.photo),
              written_by = EXCLUDED.written_by, written_at = EXCLUDED.written_at
            """)
        .params(
            schoolId,
            studentId,
            day,
            ate == null ? null : ate.name(),
            slept,
            health,
            note,
            photo,
            by,
            Timestamp.from(clock.instant()))
        .update();
    audit.record(
        AuditEvent.of(schoolId, "kindergarten.note.write", "daily_note", studentId)
            .after(new Note(day, ate, slept, health, note, photo != null)));
  }

  private List<Note> notes(long schoolId, long studentId, LocalDate from) {
    return jdbc.sql(
            "SELECT day, ate, slept_minutes, health, note, photo IS NOT NULL FROM daily_note"
                + " WHERE school_id = ? AND student_id = ? AND day >= ? ORDER BY day DESC")
        .params(schoolId, studentId, from)
        .query(
            (rs, n) ->
                new Note(
                    rs.getObject(1, LocalDate.class),
                    rs.getString(2) == null ? null : Ate.valueOf(rs.getString(2)),
                    rs.getObject(3, Integer.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6)))
        .list();
  }

  private static @Nullable Integer minutes(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      int m = Integer.parseInt(typed.strip());
      if (m < 0 || m > 300) {
        throw new UserInputException("sleptMinutes", "kindergarten.note.slept.invalid");
      }
      return m;
    } catch (NumberFormatException e) {
      throw new UserInputException("sleptMinutes", "kindergarten.note.slept.invalid");
    }
  }

  private static @Nullable String text(@Nullable String typed, int max, String field) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    if (typed.strip().length() > max) {
      throw new UserInputException(field, "profile.text.tooLong", max);
    }
    return typed.strip();
  }
}
