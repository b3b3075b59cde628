package vn.truongso.gradebook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.curriculum.Teaching;
import vn.truongso.enrolment.Classes;
import vn.truongso.gradebook.PrimaryValues;
import vn.truongso.gradebook.internal.PrimaryCells.Kind;
import vn.truongso.people.People;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;

/** {@link PrimaryValues}: checks every value as the pages do, then writes them all. */
@Service
class PrimaryValuesImport implements PrimaryValues {

  private final PrimaryCells cells;
  private final PrimaryEntry primary;
  private final ScoreEntry entry;
  private final Classes classes;
  private final Teaching teaching;
  private final AuditLog audit;
  private final Clock clock;

  PrimaryValuesImport(
      PrimaryCells cells,
      PrimaryEntry primary,
      ScoreEntry entry,
      Classes classes,
      Teaching teaching,
      AuditLog audit,
      Clock clock) {
    this.cells = cells;
    this.primary = primary;
    this.entry = entry;
    this.classes = classes;
    this.teaching = teaching;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional
  public int bringIn(long schoolId, long classId, List<Value> values, long enteredBy) {
    Classes.SchoolClass c = primary.primaryClass(schoolId, classId);
    for (PrimaryPoint p : PrimaryPoint.values()) {
      if (!cells.ofClass(schoolId, classId, p).isEmpty()) {
        throw new UserInputException("class", "gradebook.bringIn.notEmpty");
      }
    }
    Set<Long> pupils = new HashSet<>();
    for (People.Student s : classes.roster(schoolId, classId, entry.entryDay(c))) {
      pupils.add(s.id());
    }
    InvalidInput.Collector errors = new InvalidInput.Collector();
    Instant at = clock.instant();
    for (Value v : values) {
      if (!pupils.contains(v.studentId())) {
        throw new UserInputException("student", "gradebook.student.notInClass");
      }
      Kind kind = kind(c, v.item());
      String level =
          kind == Kind.SUBJECT
              ? PrimaryEntry.subjectLevel(v.level(), errors)
              : PrimaryHomeroom.level("level", v.level(), errors);
      String comment = PrimaryEntry.comment("comment", v.comment(), errors);
      Integer score =
          kind == Kind.SUBJECT && v.score() != null
              ? PrimaryEntry.score(c, v.score().toString(), tested(c, v), errors)
              : null;
      if (kind != Kind.SUBJECT && v.score() != null) {
        errors.add("score", "gradebook.primary.score.noTest");
      }
      errors.throwIfAny();
      cells.save(
          new PrimaryCells.Key(schoolId, classId, v.studentId(), v.point(), kind, v.item()),
          level,
          comment,
          score,
          1,
          enteredBy,
          at);
    }
    audit.record(
        AuditEvent.of(schoolId, "gradebook.primary.bringIn", "school_class", classId)
            .after(Map.of("values", values.size(), "enteredBy", enteredBy)));
    return values.size();
  }

  private boolean tested(Classes.SchoolClass c, Value v) {
    return teaching
        .subject(c.grade(), v.item())
        .map(p -> p.testPoints().contains(v.point().name()))
        .orElse(false);
  }

  private Kind kind(Classes.SchoolClass c, String item) {
    if (PrimaryHomeroom.ITEMS.contains(item)
        || item.equals(PrimaryHomeroom.QUALITIES_COMMENT)
        || item.equals(PrimaryHomeroom.COMPETENCES_COMMENT)) {
      return PrimaryHomeroom.kind(item);
    }
    return teaching
        .subject(c.grade(), item)
        .filter(p -> p.assessmentMode().startsWith("muc_T_H_C"))
        .map(p -> Kind.SUBJECT)
        .orElseThrow(() -> new UserInputException("item", "gradebook.primary.item.unknown", item));
  }
}
