package vn.truongso.gradebook.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;
import vn.truongso.control.YearSeals;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.Target;

/**
 * The homeroom teacher's part of the primary book (TT27 art. 6.2, 9.1): the level of each of the
 * five qualities and ten competencies at each point, with one comment on the qualities and one on
 * the competencies, as the Bảng tổng hợp and the học bạ print them. A pupil's line is saved at
 * once; only the values that changed are written, each with its version and audit entry.
 */
@Service
public class PrimaryHomeroom {

  /** The comment on the qualities as a whole (stored as a quality row without a level). */
  public static final String QUALITIES_COMMENT = "PHAM_CHAT";

  /** The comment on the competencies as a whole. */
  public static final String COMPETENCES_COMMENT = "NANG_LUC";

  /** The items with a level, in the order of the printed book. */
  public static final List<String> ITEMS =
      Stream.concat(
              Stream.of(Quality.values()).map(Enum::name),
              Stream.of(Competence.values()).map(Enum::name))
          .toList();

  private final PrimaryCells cells;
  private final PrimaryWrites writes;
  private final PrimaryEntry primary;
  private final ScoreEntry entry;
  private final Classes classes;
  private final YearSeals seals;
  private final Authorization authorization;

  PrimaryHomeroom(
      PrimaryCells cells,
      PrimaryWrites writes,
      PrimaryEntry primary,
      ScoreEntry entry,
      Classes classes,
      YearSeals seals,
      Authorization authorization) {
    this.cells = cells;
    this.writes = writes;
    this.primary = primary;
    this.entry = entry;
    this.classes = classes;
    this.seals = seals;
    this.authorization = authorization;
  }

  /** A pupil's line: the stored value of each item (levels as the book writes them: T, Đ, C). */
  public record Line(People.Student student, Map<String, PrimaryCells.Value> values) {

    public String level(String item) {
      PrimaryCells.Value v = values.get(item);
      return v == null || v.level() == null ? "" : letter(v.level());
    }

    public String comment(String item) {
      PrimaryCells.Value v = values.get(item);
      return v == null || v.comment() == null ? "" : v.comment();
    }

    public int version(String item) {
      PrimaryCells.Value v = values.get(item);
      return v == null ? 0 : v.version();
    }
  }

  public record Sheet(
      Classes.SchoolClass schoolClass,
      List<Line> lines,
      boolean mayEdit,
      PrimaryEntry.Closed closed) {}

  @Transactional(readOnly = true)
  public Sheet sheet(long schoolId, long classId, PrimaryPoint point) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    if (!entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.primary.qualities");
    }
    Map<Long, Map<String, PrimaryCells.Value>> byPupil = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofClass(schoolId, classId, point)) {
      if (r.kind() != Kind.SUBJECT) {
        byPupil.computeIfAbsent(r.studentId(), k -> new HashMap<>()).put(r.item(), r.value());
      }
    }
    List<Line> lines = new ArrayList<>();
    for (People.Student s : classes.roster(schoolId, classId, entry.entryDay(c))) {
      lines.add(new Line(s, byPupil.getOrDefault(s.id(), Map.of())));
    }
    return new Sheet(
        c, lines, mayEdit(c), primary.closed(c, point, Kind.QUALITY, QUALITIES_COMMENT));
  }

  /** What the homeroom teacher typed on a pupil's line: per item its level and the version read. */
  public record Typed(
      Map<String, String> levels,
      Map<String, Integer> versions,
      String qualitiesComment,
      String competencesComment) {}

  /**
   * Saves a pupil's line: every typed value is checked first (a wrong one named on its item,
   * nothing saved), then the changed ones are written. Answers how many values were written.
   */
  @Transactional
  public int saveLine(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      PrimaryPoint point,
      long studentId,
      Typed typed) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    if (!mayEdit(c)) {
      throw new AccessDeniedException("gradebook.primary.quality");
    }
    seals.requireUnsealed(schoolId, c.startYear());
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Map<String, PrimaryCells.Value> wanted = new HashMap<>();
    for (String item : ITEMS) {
      String level = level(item, typed.levels().get(item), errors);
      wanted.put(item, value(level, null, typed.versions().get(item)));
    }
    wanted.put(
        QUALITIES_COMMENT,
        value(
            null,
            PrimaryEntry.comment(QUALITIES_COMMENT, typed.qualitiesComment(), errors),
            typed.versions().get(QUALITIES_COMMENT)));
    wanted.put(
        COMPETENCES_COMMENT,
        value(
            null,
            PrimaryEntry.comment(COMPETENCES_COMMENT, typed.competencesComment(), errors),
            typed.versions().get(COMPETENCES_COMMENT)));
    errors.throwIfAny();
    Map<String, PrimaryCells.Value> stored = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofPupil(schoolId, classId, studentId, point)) {
      stored.put(r.item(), r.value());
    }
    int written = 0;
    for (var e : wanted.entrySet()) {
      PrimaryCells.Value now = stored.get(e.getKey());
      PrimaryCells.Value w = e.getValue();
      boolean same =
          now == null
              ? w.level() == null && w.comment() == null
              : Objects.equals(now.level(), w.level())
                  && Objects.equals(now.comment(), w.comment());
      if (!same) {
        writes.save(user, c, studentId, point, kind(e.getKey()), e.getKey(), w);
        written++;
      }
    }
    return written;
  }

  /** Whether the user enters the class's qualities: its homeroom teacher (or who stands in). */
  boolean mayEdit(Classes.SchoolClass c) {
    return authorization.permits(
        Action.ENTER_CONDUCT, Target.schoolClass(c.schoolId(), c.id()).inYear(c.startYear()));
  }

  private static PrimaryCells.Value value(String level, String comment, Integer version) {
    return new PrimaryCells.Value(level, comment, null, version == null ? 0 : version);
  }

  static Kind kind(String item) {
    if (item.equals(QUALITIES_COMMENT)) {
      return Kind.QUALITY;
    }
    if (item.equals(COMPETENCES_COMMENT)) {
      return Kind.COMPETENCE;
    }
    for (Quality q : Quality.values()) {
      if (q.name().equals(item)) {
        return Kind.QUALITY;
      }
    }
    return Kind.COMPETENCE;
  }

  /** The stored letter of a typed level (Đ stored as D), or null for a blank or wrong one. */
  static String level(String field, String typed, InvalidInput.Collector errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    return QualityLevel.ofLetter(typed)
        .map(l -> l == QualityLevel.DAT ? "D" : l.letter())
        .orElseGet(
            () -> {
              errors.add(field, "gradebook.primary.quality.level", typed.strip());
              return null;
            });
  }

  /** The book's letter of a stored level. */
  static String letter(String stored) {
    return stored.equals("D") ? QualityLevel.DAT.letter() : stored;
  }
}
