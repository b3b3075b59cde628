package vn.truongso.gradebook.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.assessment.Quality;
import vn.truongso.control.YearSeals;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;
import vn.truongso.platform.UserInputException;

/**
 * Entry in the primary grade book (TT27/2020): the subject teacher's level, comment and periodic
 * test score of a subject at a point, the homeroom teacher's level and comment of a quality or
 * competency. Each value is checked on the server with a message on its field and nothing saved
 * when one is wrong; a save based on an older version is refused; every save is audited.
 */
@Service
public class PrimaryEntry {

  /** What the printed Bảng tổng hợp and học bạ hold for one comment. */
  public static final int MAX_COMMENT = 500;

  private final PrimaryCells cells;
  private final PrimaryWrites writes;
  private final ScoreEntry entry;
  private final Classes classes;
  private final Teaching teaching;
  private final YearSeals seals;
  private final Authorization authorization;

  PrimaryEntry(
      PrimaryCells cells,
      PrimaryWrites writes,
      ScoreEntry entry,
      Classes classes,
      Teaching teaching,
      YearSeals seals,
      Authorization authorization) {
    this.cells = cells;
    this.writes = writes;
    this.entry = entry;
    this.classes = classes;
    this.teaching = teaching;
    this.seals = seals;
    this.authorization = authorization;
  }

  /** What was typed for one student at one point: level letter, comment, score (subjects only). */
  public record Typed(String level, String comment, String score, int basedOnVersion) {}

  /**
   * The subject teacher's value. Answers the new version.
   *
   * @throws InvalidInput naming {@code level}, {@code comment} or {@code score}
   * @throws UserInputException {@code gradebook.primary.conflict} when someone saved first
   */
  @Transactional
  public int saveSubject(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      String subject,
      PrimaryPoint point,
      long studentId,
      Typed typed) {
    Classes.SchoolClass c = primaryClass(schoolId, classId);
    if (!authorization.permits(
        Action.ENTER_SCORES,
        Target.classSubject(schoolId, classId, subject).inYear(c.startYear()))) {
      throw new AccessDeniedException("gradebook.primary.subject");
    }
    Teaching.ProgrammeSubject s =
        teaching
            .subject(c.grade(), subject)
            .filter(p -> p.assessmentMode().startsWith("muc_T_H_C"))
            .orElseThrow(() -> new NotFoundException("subject " + subject));
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String level = subjectLevel(typed.level(), errors);
    String comment = comment(typed.comment(), errors);
    Integer score = score(c, typed.score(), s.testPoints().contains(point.name()), errors);
    errors.throwIfAny();
    return save(
        user,
        c,
        studentId,
        point,
        Kind.SUBJECT,
        subject,
        new PrimaryCells.Value(level, comment, score, typed.basedOnVersion()));
  }

  /** The homeroom teacher's value of a quality or competency (its enum name). */
  @Transactional
  public int saveQuality(
      AuthenticatedUser user,
      long schoolId,
      long classId,
      String item,
      PrimaryPoint point,
      long studentId,
      Typed typed) {
    Classes.SchoolClass c = primaryClass(schoolId, classId);
    if (!authorization.permits(
        Action.ENTER_CONDUCT, Target.schoolClass(schoolId, classId).inYear(c.startYear()))) {
      throw new AccessDeniedException("gradebook.primary.quality");
    }
    Kind kind = kind(item);
    InvalidInput.Collector errors = new InvalidInput.Collector();
    String level = PrimaryHomeroom.level("level", typed.level(), errors);
    String comment = comment(typed.comment(), errors);
    errors.throwIfAny();
    return save(
        user,
        c,
        studentId,
        point,
        kind,
        item,
        new PrimaryCells.Value(level, comment, null, typed.basedOnVersion()));
  }

  /** A pupil's line of a subject's sheet at a point. */
  public record Line(
      People.Student student, String level, String comment, Integer score, int version) {}

  /**
   * A subject's sheet at a point: the subject, whether the point has a test, a line per pupil, and
   * why nothing can be typed now (the term submitted, a lock, a window passed), null when open.
   */
  public record Sheet(
      Classes.SchoolClass schoolClass,
      Teaching.ProgrammeSubject subject,
      boolean tested,
      List<Line> lines,
      Closed closed) {}

  /** A refusal's message key and arguments, shown above a closed sheet. */
  public record Closed(String key, List<Object> args) {
    public Object[] argArray() {
      return args.toArray();
    }

    static Closed of(UserInputException e) {
      return new Closed(e.messageKey(), java.util.Arrays.asList(e.args()));
    }
  }

  /** The sheet, for the subject's teacher (or whoever views the class's book). */
  @Transactional(readOnly = true)
  public Sheet sheet(long schoolId, long classId, String subject, PrimaryPoint point) {
    Classes.SchoolClass c = primaryClass(schoolId, classId);
    boolean teaches =
        authorization.permits(
            Action.ENTER_SCORES,
            Target.classSubject(schoolId, classId, subject).inYear(c.startYear()));
    if (!teaches && !entry.mayView(c)) {
      throw new AccessDeniedException("gradebook.primary.sheet");
    }
    Teaching.ProgrammeSubject s =
        teaching
            .subject(c.grade(), subject)
            .filter(p -> p.assessmentMode().startsWith("muc_T_H_C"))
            .orElseThrow(() -> new NotFoundException("subject " + subject));
    Map<Long, PrimaryCells.Value> values = new HashMap<>();
    for (PrimaryCells.Row r : cells.ofClass(schoolId, classId, point)) {
      if (r.kind() == Kind.SUBJECT && r.item().equals(subject)) {
        values.put(r.studentId(), r.value());
      }
    }
    List<Line> lines = new java.util.ArrayList<>();
    for (People.Student st : classes.roster(schoolId, classId, entry.entryDay(c))) {
      PrimaryCells.Value v = values.get(st.id());
      lines.add(
          v == null
              ? new Line(st, null, null, null, 0)
              : new Line(st, v.level(), v.comment(), v.score(), v.version()));
    }
    return new Sheet(
        c,
        s,
        s.testPoints().contains(point.name()),
        lines,
        closed(c, point, Kind.SUBJECT, subject));
  }

  /** Whether the user enters the subject's values in the class (its teacher this year). */
  boolean mayEnter(Classes.SchoolClass c, String subject) {
    return authorization.permits(
        Action.ENTER_SCORES,
        Target.classSubject(c.schoolId(), c.id(), subject).inYear(c.startYear()));
  }

  /**
   * The comment bank of a teacher's subject: the comments they wrote most often in it at the
   * school, to pick instead of typing them again for every pupil at every point.
   */
  @Transactional(readOnly = true)
  public List<String> commentBank(AuthenticatedUser user, long schoolId, String subject) {
    return cells.frequentComments(schoolId, user.accountId(), subject, 20);
  }

  /** Why values of the kind cannot be typed at the point now; null when they can. */
  Closed closed(Classes.SchoolClass c, PrimaryPoint point, Kind kind, String item) {
    if (writes.frozen(c, point)) {
      return new Closed("gradebook.frozen", List.of());
    }
    var v = writes.verdict(c, point, kind, item);
    return v.open() ? null : Closed.of(vn.truongso.control.EntryGate.refusal(v));
  }

  private int save(
      AuthenticatedUser user,
      Classes.SchoolClass c,
      long studentId,
      PrimaryPoint point,
      Kind kind,
      String item,
      PrimaryCells.Value wanted) {
    seals.requireUnsealed(c.schoolId(), c.startYear());
    return writes.save(user, c, studentId, point, kind, item, wanted);
  }

  Classes.SchoolClass primaryClass(long schoolId, long classId) {
    Classes.SchoolClass c = entry.schoolClass(schoolId, classId);
    if (c.grade() < 1 || c.grade() > 5) {
      throw new UserInputException("class", "gradebook.primary.notPrimary");
    }
    return c;
  }

  private static Kind kind(String item) {
    for (Quality q : Quality.values()) {
      if (q.name().equals(item)) {
        return Kind.QUALITY;
      }
    }
    for (Competence k : Competence.values()) {
      if (k.name().equals(item)) {
        return Kind.COMPETENCE;
      }
    }
    throw new NotFoundException("quality or competency " + item);
  }

  static String subjectLevel(String typed, InvalidInput.Collector errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    Optional<PrimaryLevel> l = PrimaryLevel.ofLetter(typed);
    if (l.isEmpty()) {
      errors.add("level", "gradebook.primary.subject.level", typed.strip());
      return null;
    }
    return l.get().letter();
  }

  private static String comment(String typed, InvalidInput.Collector errors) {
    return comment("comment", typed, errors);
  }

  /** A stripped comment (null when blank), or an error on {@code field} when it is too long. */
  static String comment(String field, String typed, InvalidInput.Collector errors) {
    String c = typed == null ? "" : typed.strip();
    if (c.length() > MAX_COMMENT) {
      errors.add(field, "gradebook.primary.comment.tooLong", MAX_COMMENT, c.length());
    }
    return c.isEmpty() ? null : c;
  }

  static Integer score(
      Classes.SchoolClass c, String typed, boolean tested, InvalidInput.Collector errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    if (!tested) {
      errors.add("score", "gradebook.primary.score.noTest");
      return null;
    }
    var problem =
        Policies.primary(Policies.forCohort(c.grade(), c.startYear())).scoreProblem("score", typed);
    if (problem.isPresent()) {
      errors.add("score", "assessment.problem." + problem.get().code(), typed.strip());
      return null;
    }
    return new java.math.BigDecimal(typed.strip().replace(',', '.')).intValueExact();
  }
}
